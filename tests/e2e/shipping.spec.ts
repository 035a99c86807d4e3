// Shipping at checkout in a real browser: a Hong Kong address, a method chosen among those
// that serve it, the totals, paid in the sandbox (which shows the goods and the shipping), and
// the order page's delivery; per-field errors from the server; the headless API's answers.
import { expect, test, type Page } from "./fixtures";
import { addToCart, fillAddress, HK_ADDRESS } from "./steps";
import en from "../../messages/en.json";
import zhHK from "../../messages/zh-HK.json";

const messages = (locale: string | undefined) => (locale === "zh-HK" ? zhHK : en);
type M = typeof en;

const pay = (m: M, amount: string) => m.checkout.pay.replace("{amount}", amount);

test("a Hong Kong address, SF next day, the totals, paid in the sandbox; the order page shows the delivery", async ({
  page,
}, testInfo) => {
  const m = messages(testInfo.project.use.locale);
  const phone = testInfo.project.name === "wechat-phone";
  await addToCart(page, "paper-lantern"); // HK$98.00
  await page.goto("/checkout");
  await page.locator('input[name="email"]').fill("ship@example.com");
  await expect(page.getByRole("radio", { name: m.shipping.ship })).toBeChecked();
  await expect(page.getByLabel(m.address.country)).toHaveValue("HK");
  await expect(page.getByLabel(m.address.phoneCode)).toHaveValue("+852");
  await fillAddress(page, m);
  // The methods serving Hong Kong, priced for this cart; the first is chosen.
  const methods = page.getByRole("group", { name: m.shipping.methodHeading }).getByRole("radio");
  await expect(methods).toHaveCount(2);
  const standard = page.getByRole("radio", { name: phone ? /^標準送貨/ : /^Standard delivery/ });
  await expect(standard).toBeChecked();
  await expect(page.getByTestId("totals-shipping")).toHaveText("HK$30.00");
  await page.getByRole("radio", { name: phone ? /^順豐翌日送達/ : /^SF Express next day/ }).check();
  await expect(page.getByTestId("totals-items")).toHaveText("HK$98.00");
  await expect(page.getByTestId("totals-shipping")).toHaveText("HK$50.00");
  await expect(page.getByTestId("checkout-total")).toHaveText("HK$148.00");
  await page.getByRole("button", { name: pay(m, "HK$148.00") }).click();

  await expect(page).toHaveURL(/\/sandbox\/scanforpay\/pay\//);
  if (phone) {
    // WeChat's JS API: the total alone (no goods amounts in that request).
    await page.getByRole("button", { name: m.sandbox.sheet.pay, exact: true }).click();
  } else {
    await expect(page.getByText(en.sandbox.facts.goodsAmount, { exact: true })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "HK$98.00" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "HK$50.00" })).toBeVisible();
    await page.getByRole("button", { name: "Pay HK$148.00" }).click();
  }
  await expect(page).toHaveURL(/\/orders\/HG-[0-9A-Z]{4}-[0-9A-Z]{4}\?t=/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid", { timeout: 15_000 });
  await expect(page.getByTestId("order-total")).toHaveText("HK$148.00");
  const delivery = page.getByRole("region", { name: m.shipping.orderHeading, exact: true });
  await expect(delivery).toContainText(phone ? "順豐翌日送達" : "SF Express next day");
  await expect(page.getByTestId("order-address")).toContainText("Chan Tai Man");
  await expect(page.getByTestId("order-address")).toContainText("Wan Chai");
  await expect(page.getByTestId("order-address")).toContainText("+852 9123 4567");
  await expect(page.getByTestId("order-shipping")).toHaveText("HK$50.00");

  // The next order: the address is remembered in this browser and filled in.
  await addToCart(page, "paper-lantern");
  await page.goto("/checkout");
  await expect(page.getByLabel(m.address.recipient, { exact: true })).toHaveValue("Chan Tai Man");
  await expect(page.getByLabel(m.address.districtHK, { exact: true })).toHaveValue("Wan Chai");
});

test("the methods follow the country, and the server answers a message per field", async ({ page }, testInfo) => {
  const m = messages(testInfo.project.use.locale);
  await addToCart(page, "paper-lantern");
  await page.goto("/checkout");
  await page.locator('input[name="email"]').fill("fields@example.com");
  const methods = page.getByRole("group", { name: m.shipping.methodHeading }).getByRole("radio");

  // Macau: standard delivery only, at Macau's rate; no postcode asked.
  await page.getByLabel(m.address.country).selectOption("MO");
  await expect(methods).toHaveCount(1);
  await expect(page.getByTestId("totals-shipping")).toHaveText("HK$60.00");
  await expect(page.getByLabel(m.address.phoneCode)).toHaveValue("+853");
  await expect(page.getByLabel(m.address.postcode, { exact: true })).toHaveCount(0);

  // Hong Kong without a district: refused on the server, the field says why, the rest is kept.
  await page.getByLabel(m.address.country).selectOption("HK");
  await fillAddress(page, m, { ...HK_ADDRESS, district: "" });
  await page.getByRole("button", { name: pay(m, "HK$128.00") }).click();
  await expect(page.getByRole("alert").filter({ hasText: m.checkout.errors.invalid_address })).toBeVisible();
  const district = page.getByLabel(m.address.districtHK, { exact: true });
  await expect(district).toHaveAttribute("aria-invalid", "true");
  await expect(district).toHaveAccessibleDescription(m.address.errors.districtHK);
  await expect(page.getByLabel(m.address.recipient, { exact: true })).toHaveValue("Chan Tai Man");

  // Mainland China: the province, the city and a 6-digit postcode.
  await page.getByLabel(m.address.country).selectOption("CN");
  await expect(page.getByTestId("totals-shipping")).toHaveText("HK$80.00");
  await page.getByLabel(m.address.districtCN, { exact: true }).fill("深圳市");
  await page.getByLabel(m.address.postcodeCN, { exact: true }).fill("51800");
  await page.getByRole("button", { name: pay(m, "HK$178.00") }).click();
  await expect(page.getByRole("alert").filter({ hasText: m.checkout.errors.invalid_address })).toBeVisible();
  await expect(page.getByLabel(m.address.postcodeCN, { exact: true })).toHaveAccessibleDescription(
    m.address.errors.postcodeCN,
  );
  await expect(page.getByLabel(m.address.regionCN, { exact: true })).toHaveAccessibleDescription(
    m.address.errors.regionCN,
  );
  // Nothing was ordered: the cart still holds the lantern.
  await expect(page.getByTestId("cart-count")).toHaveText("1");
});

test("POST /api/orders: the shipping price comes from the rates; a tampered one is a 409 and nothing is written", async ({
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one client is enough for the API");
  const address = { ...HK_ADDRESS, phoneCode: "+852", country: "HK" };
  const order = (extra: Record<string, unknown>) =>
    request.post("/api/orders", {
      data: {
        items: [{ slug: "paper-lantern", quantity: 2 }],
        email: "api-ship@example.com",
        wallet: "AlipayHK",
        ...extra,
      },
    });

  const tampered = await order({ shippingMethod: "standard", address, shippingMinor: 0 });
  expect(tampered.status()).toBe(409);
  expect(await tampered.json()).toMatchObject({ code: "shipping_changed", shippingMinor: 3000 });

  const bad = await order({ shippingMethod: "standard", address: { ...address, district: "", postcode: "" } });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({ code: "invalid_address", fields: { district: expect.any(String) } });

  const unserved = await order({ shippingMethod: "sf-next-day", address: { ...address, country: "MO" } });
  expect(unserved.status()).toBe(400);
  expect(await unserved.json()).toMatchObject({ code: "shipping_unavailable", error: expect.stringContaining("MO") });

  const placed = await order({ shippingMethod: "standard", address, shippingMinor: 3000 });
  expect(placed.status()).toBe(201);
  const { orderUrl } = (await placed.json()) as { orderUrl: string };
  const page = await request.get(orderUrl);
  const html = await page.text();
  expect(html).toContain("HK$226.00"); // 2 × HK$98.00 + HK$30.00
  expect(html).toContain("Wan Chai");
});

test.describe("before JavaScript has loaded", () => {
  test.use({ javaScriptEnabled: false });

  test("the server checks the address and answers a message per field", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "one viewport is enough for a plain HTML form");
    await addToCart(page, "paper-lantern");
    await page.goto("/checkout");
    await page.locator('input[name="email"]').fill("nojs@example.com");
    await fillAddress(page, en, { ...HK_ADDRESS, district: "" });
    await page.getByRole("button", { name: pay(en, "HK$128.00") }).click();
    await expect(page.getByText(en.checkout.errors.invalid_address)).toBeVisible();
    const district = page.getByLabel(en.address.districtHK, { exact: true });
    await expect(district).toHaveAttribute("aria-invalid", "true");
    await expect(district).toHaveAccessibleDescription(en.address.errors.districtHK);
    // What was typed is shown again; with the district, the order is placed and priced on the server.
    await expect(page.getByLabel(en.address.recipient, { exact: true })).toHaveValue("Chan Tai Man");
    await district.fill("Wan Chai");
    await page.getByRole("button", { name: pay(en, "HK$128.00") }).click();
    await expect(page).toHaveURL(/\/sandbox\/scanforpay\/pay\//);
    await expect(page.getByText("HK$128.00").first()).toBeVisible();
  });

  test("a country changed without the script: the page was priced for Hong Kong, the order is not placed at that price", async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "one viewport is enough for a plain HTML form");
    await addToCart(page, "paper-lantern");
    await page.goto("/checkout");
    await page.locator('input[name="email"]').fill("nojs-macau@example.com");
    await fillAddress(page, en);
    // The methods and the pay button show Hong Kong's HK$30.00; the customer picks Macau.
    await page.getByLabel(en.address.country).selectOption("MO");
    await page.getByRole("button", { name: pay(en, "HK$128.00") }).click();
    await expect(page.getByText(en.checkout.errors.shipping_changed.replace("{price}", "HK$60.00"))).toBeVisible();
    // Priced for Macau now; paying again charges what it says.
    await page.getByRole("button", { name: pay(en, "HK$158.00") }).click();
    await expect(page).toHaveURL(/\/sandbox\/scanforpay\/pay\//);
    await expect(page.getByText("HK$158.00").first()).toBeVisible();
  });
});
