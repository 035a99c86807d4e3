import { expect, test, type Page } from "./fixtures";
import { pickUpInStore } from "./steps";
import en from "../../messages/en.json";
import zhHK from "../../messages/zh-HK.json";
import { testProducts } from "./test-products";

/** The messages of the language a project's browser asks for. */
function messagesFor(locale: string | undefined) {
  return locale === "zh-HK" ? zhHK : en;
}

async function openProduct(page: Page, name: string) {
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("browse, add to cart, change the cart and reach the checkout summary", async ({ page }, testInfo) => {
  const projects = testInfo.config.projects.map((p) => p.name);
  const m = messagesFor(testInfo.project.use.locale);
  const zh = testInfo.project.use.locale === "zh-HK";
  const tea = zh ? "茉莉龍珠綠茶" : "Jasmine Pearl Green Tea";
  const fan = zh ? "手繪絲綢摺扇" : "Hand-painted Silk Fan";

  await page.goto("/");
  await expect(page).toHaveTitle(m.shop.name);
  await expect(page.locator("html")).toHaveAttribute("lang", zh ? "zh-HK" : "en");
  await expect(page.getByRole("heading", { level: 1, name: m.home.title })).toBeVisible();
  // The demo catalogue's 8 products and the test products (tests/e2e/global-setup.ts); not
  // the one catalogue-admin.spec.ts creates in the back office, if it already has.
  await expect(
    page
      .getByTestId("product-grid")
      .getByRole("listitem")
      .filter({ hasNotText: /Moon Kite|月光風箏/ }),
  ).toHaveCount(8 + testProducts(projects).length);

  // Product page → add two.
  await openProduct(page, tea);
  await expect(page.getByText("HK$168.00")).toBeVisible();
  await page.getByLabel(m.product.quantity).selectOption("2");
  await page.getByRole("button", { name: m.product.addToCart }).click();
  await expect(page.getByText(m.product.added)).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  // A second product.
  await page.goto("/");
  await openProduct(page, fan);
  await page.getByRole("button", { name: m.product.addToCart }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("3");
  await page.getByRole("link", { name: m.product.viewCart }).click();

  // Cart: prices from the server, quantities change, lines go.
  await expect(page.getByRole("heading", { level: 1, name: m.cart.title })).toBeVisible();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("HK$564.00"); // 2 × 168 + 228
  await page.getByRole("button", { name: m.cart.increase.replace("{name}", fan) }).click();
  await expect(page.getByTestId("cart-subtotal")).toHaveText("HK$792.00");
  await page.getByRole("button", { name: m.cart.decrease.replace("{name}", tea) }).click();
  await expect(page.getByTestId("cart-subtotal")).toHaveText("HK$624.00");
  await page.getByRole("button", { name: m.cart.removeItem.replace("{name}", tea) }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("HK$456.00");

  // Checkout summary.
  await page.getByRole("link", { name: m.cart.checkout }).click();
  await expect(page.getByRole("heading", { level: 1, name: m.checkout.title })).toBeVisible();
  const summary = page.getByRole("region", { name: m.checkout.summary });
  await expect(summary.getByText(fan)).toBeVisible();
  await expect(page.getByTestId("checkout-items")).toHaveText("HK$456.00");
  await pickUpInStore(page);
  await expect(page.getByTestId("checkout-total")).toHaveText("HK$456.00");

  // The wallets on offer follow the browser: JS API with WeChat Pay inside WeChat;
  // website payment or WeChat Pay by QR code on a desktop. (Paying: tests/e2e/checkout.spec.ts.)
  const wallets = page.getByRole("group", { name: m.checkout.walletHeading }).getByRole("radio");
  if (zh) {
    await expect(wallets).toHaveCount(1);
    await expect(page.getByRole("radio", { name: /微信支付/ })).toBeChecked();
  } else {
    await expect(wallets).toHaveCount(3);
    await expect(page.getByRole("radio", { name: /AlipayHK/ })).toBeChecked();
  }
  await expect(page.getByRole("button", { name: m.checkout.pay.replace("{amount}", "HK$456.00") })).toBeVisible();
});

test("an unknown product is a real 404 page", async ({ page }, testInfo) => {
  const m = messagesFor(testInfo.project.use.locale);
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: m.errors.notFoundTitle })).toBeVisible();
  await page.getByRole("link", { name: m.errors.backHome }).click();
  await expect(page.getByRole("heading", { level: 1, name: m.home.title })).toBeVisible();
});

test("a tampered cart cookie is an empty cart, not an error", async ({ page, context, baseURL }, testInfo) => {
  const m = messagesFor(testInfo.project.use.locale);
  await page.goto("/products/silk-fan");
  await page.getByRole("button", { name: m.product.addToCart }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  const cookie = (await context.cookies()).find((c) => c.name === "cart");
  expect(cookie).toBeDefined();
  const [payload, signature] = cookie!.value.split(".");
  const forged = Buffer.from(JSON.stringify([["silk-fan", 50]])).toString("base64url");
  for (const value of [`${forged}.${signature}`, `${payload}.tampered`, "not-even-a-cookie", "%7B%22a%22%3A1%7D"]) {
    await context.addCookies([{ name: "cart", value, url: baseURL! }]);
    const response = await page.goto("/cart");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: m.cart.empty })).toBeVisible();
    await expect(page.getByTestId("cart-count")).toHaveCount(0);
  }
  const checkout = await page.goto("/checkout");
  expect(checkout?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: m.cart.empty })).toBeVisible();
});

test("the language switcher changes the language and remembers it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: /Language|語言|语言/ }).selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "来自海港的礼物" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.goto("/cart");
  await expect(page.getByRole("heading", { name: "购物车是空的" })).toBeVisible();
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
});

test("switching language twice on a product page: the switcher shows the page's language, nothing mismatched", async ({
  page,
}) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /hydrat|did not match/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto("/products/silk-fan");
  const switcher = page.getByRole("combobox", { name: /Language|語言|语言/ });
  await switcher.selectOption("zh-HK");
  await expect(page.getByRole("heading", { level: 1, name: "手繪絲綢摺扇" })).toBeVisible();
  await switcher.selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "手绘丝绸折扇" })).toBeVisible();
  await expect(switcher).toHaveValue("zh-CN");
  await switcher.selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Hand-painted Silk Fan" })).toBeVisible();
  // React resets a form after its action: the select must not fall back to an earlier language.
  await expect(switcher).toHaveValue("en");
  await page.reload();
  await expect(switcher).toHaveValue("en");
  expect(problems).toEqual([]);
});

test.describe("before JavaScript has loaded", () => {
  test.use({ javaScriptEnabled: false });

  test("the cart still works: add, change quantity, remove", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "one viewport is enough for plain HTML forms");
    await page.goto("/products/paper-lantern");
    await page.getByRole("button", { name: en.product.addToCart }).click();
    await page.goto("/cart");
    await expect(page.getByTestId("cart-subtotal")).toHaveText("HK$98.00");
    await page.getByRole("button", { name: en.cart.increase.replace("{name}", "Red Paper Lantern") }).click();
    await expect(page.getByTestId("cart-subtotal")).toHaveText("HK$196.00");
    await page.getByRole("button", { name: en.cart.removeItem.replace("{name}", "Red Paper Lantern") }).click();
    await expect(page.getByRole("heading", { name: en.cart.empty })).toBeVisible();
  });
});
