// The merchant's catalogue, end to end in Chromium: a product created in the back office with
// an uploaded image and zh-HK copy shows in its category and in search; a customer buys its
// last unit; it is sold out and cannot be added again; a second customer who already had it in
// the cart is told at checkout; the headless API answers 409 for it.
import sharp from "sharp";
import { expect, test } from "./fixtures";
import { addToCart, logInToBackOffice, pickUpInStore } from "./steps";
import en from "../../messages/en.json";
import zhHK from "../../messages/zh-HK.json";

test("a product made in the back office sells out: category, search, last unit, sold out, told at checkout", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one merchant, one catalogue: once is enough");
  test.setTimeout(90_000);
  // Unique a run, so the suite can run again on a kept database (E2E_DATABASE_URL).
  const run = Date.now().toString(36);
  const slug = `e2e-moon-kite-${run}`;
  const categorySlug = `e2e-kites-${run}`;

  // The merchant creates it: English and zh-HK copy, a price, one unit, in its own category.
  await logInToBackOffice(page);
  // Its own category first (the demo categories are counted by other tests).
  await page.getByRole("link", { name: "Products" }).click();
  await page.getByRole("link", { name: "Categories" }).click();
  const newCategory = page.getByRole("region", { name: "New category" });
  await newCategory.getByLabel("Slug").fill(categorySlug);
  await newCategory.getByLabel("Name (English)").fill(`Kites ${run}`);
  await newCategory.getByLabel("zh-HK").fill("風箏");
  await newCategory.getByRole("button", { name: "Add category" }).click();
  await expect(newCategory.getByText(`Category “Kites ${run}” created.`)).toBeVisible();
  // The form is empty again for the next one; the same slug twice is refused.
  await expect(newCategory.getByLabel("Slug")).toHaveValue("");
  await newCategory.getByLabel("Slug").fill(categorySlug);
  await newCategory.getByLabel("Name (English)").fill("Kites again");
  await newCategory.getByRole("button", { name: "Add category" }).click();
  await expect(newCategory.getByText("Another category already uses this slug.")).toBeVisible();
  await expect(page.locator(`[data-testid="admin-category"] input[name="slug"][value="${categorySlug}"]`)).toHaveCount(
    1,
  );
  await page.getByRole("link", { name: "← Products" }).click();
  await page.getByRole("link", { name: "New product" }).click();
  await page.locator('form [name="slug"]').fill(slug);
  await page.locator('form [name="price"]').fill("-3");
  await page.getByRole("button", { name: "Create product" }).click();
  // Refused per field, nothing saved, what was typed kept.
  await expect(page.getByTestId("form-errors")).toContainText("Nothing was saved");
  await expect(page.locator("#e-price")).toHaveText("The price cannot be negative.");
  await expect(page.locator("#e-name")).toHaveText("Required.");
  await expect(page.locator('form [name="slug"]')).toHaveValue(slug);
  await page.locator('form [name="name"]').fill("Moon Kite");
  await page.locator('form [name="description"]').fill("A silk kite with a moon print.");
  await page.locator('form [name="name.zh-HK"]').fill("月光風箏");
  await page.locator('form [name="description.zh-HK"]').fill("印有月亮圖案的絲綢風箏。");
  await page.locator('form [name="price"]').fill("88.50");
  await page.locator('form [name="stock"]').fill("1");
  await page.getByRole("checkbox", { name: `Kites ${run}`, exact: true }).check();
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Product created." })).toBeVisible();
  await expect(page.getByTestId("admin-stock")).toContainText("1 on hand, 1 available, 0 held");

  // An image, uploaded through the page's form; a text file is refused with a reason.
  const fileInput = page.locator('input[type="file"][name="image"]');
  await fileInput.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The image was not added" })).toContainText(
    "PNG, JPEG, WebP or SVG",
  );
  const png = await sharp({ create: { width: 900, height: 900, channels: 3, background: "#f5b642" } })
    .png()
    .toBuffer();
  await fileInput.setInputFiles({ name: "kite.png", mimeType: "image/png", buffer: png });
  await page.locator('form [name="alt"]').fill("A yellow kite");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Image added." })).toBeVisible();
  await expect(page.getByTestId("admin-image")).toHaveCount(1);
  await expect(page.getByTestId("admin-image")).toContainText("Primary · 900×900");
  await expect(page.getByTestId("audit-log").locator(":scope > li")).toHaveCount(2);
  await expect(page.getByTestId("audit-log")).toContainText("image add by admin@example.com");

  // A second customer, in Traditional Chinese, finds it in its category and in search, and puts it in the cart.
  const later = await browser.newContext({
    locale: "zh-HK",
    extraHTTPHeaders: { "Accept-Language": "zh-HK,zh;q=0.9" },
  });
  const second = await later.newPage();
  await second.goto(`/categories/${categorySlug}`);
  await expect(second.getByRole("heading", { level: 1, name: "風箏" })).toBeVisible();
  await expect(second.getByRole("link", { name: /月光風箏/ }).first()).toBeVisible();
  await second.goto(`/search?q=${encodeURIComponent("風箏 月光")}`);
  await expect(second.getByRole("link", { name: /月光風箏/ }).first()).toBeVisible();
  const image = second.locator(`img[src^="/images/"]`).first();
  await expect(image).toBeVisible();
  await addToCart(second, slug);

  // The first customer buys the last unit.
  const first = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await addToCart(first, slug);
  await first.goto("/checkout");
  await first.locator('input[name="email"]').fill("first@example.com");
  await pickUpInStore(first);
  await first.getByRole("radio", { name: /^AlipayHK\b/ }).check();
  await first.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$88.50") }).click();
  await first.getByRole("button", { name: "Pay HK$88.50" }).click();
  await expect(first.getByTestId("order-status")).toHaveAttribute("data-status", "paid", { timeout: 15_000 });

  // Sold out: labelled, and it cannot be added again.
  await first.goto(`/products/${slug}`);
  await expect(first.getByText(en.stock.soldOut).first()).toBeVisible();
  await expect(
    first
      .locator("form")
      .filter({ has: first.locator('input[name="slug"]') })
      .getByRole("button"),
  ).toBeDisabled();

  // The second customer is told at checkout, before paying.
  await second.goto("/checkout");
  await expect(second.getByRole("listitem").filter({ hasText: "月光風箏" })).toContainText(zhHK.cart.lineSoldOut);
  await pickUpInStore(second);
  await expect(second.getByRole("button", { name: zhHK.checkout.pay.replace("{amount}", "HK$88.50") })).toBeDisabled();

  // And the headless API refuses it with 409, naming what is left.
  const refused = await request.post("/api/orders", {
    data: { items: [{ slug, quantity: 1 }], email: "api@example.com", wallet: "AlipayHK" },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).lines).toEqual([expect.objectContaining({ slug, requested: 1, available: 0 })]);

  // The merchant sees it sold, none held.
  await page.reload();
  await expect(page.getByTestId("admin-stock")).toContainText("0 on hand, 0 available, 0 held");
  await later.close();
});
