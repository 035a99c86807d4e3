// Paying in a real browser against the in-app sandbox gateway: every flow the user agent
// can choose, the return, the live QR page, cancel with retry, and a failed payment.
import { expect, test, type Page } from "./fixtures";
import { addToCart, pickUpInStore } from "./steps";
import en from "../../messages/en.json";
import zhHK from "../../messages/zh-HK.json";

const ALIPAY_UA =
  "Mozilla/5.0 (Linux; U; Android 14; zh-CN; 23127PN0CC Build/UKQ1.230804.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.5993.80 Mobile Safari/537.36 Nebula AlipayDefined(nt:WIFI,ws:393|0|2.75) AliApp(AP/10.5.70.8000) AlipayClient/10.5.70.8000 Language/zh-Hans Region/CN";

const messages = (page: Page, locale: string | undefined) => (locale === "zh-HK" ? zhHK : en);

/** Puts a product in the cart and fills the checkout's contact details. */
async function toCheckout(page: Page, slug = "silk-fan", email = "buyer@example.com") {
  await addToCart(page, slug);
  await page.goto("/checkout");
  await page.locator('input[name="email"]').fill(email);
  await pickUpInStore(page);
}

async function expectOrderStatus(page: Page, status: string) {
  await expect(page).toHaveURL(/\/orders\/HG-[0-9A-Z]{4}-[0-9A-Z]{4}\?t=/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", status, { timeout: 15_000 });
}

for (const wallet of ["AlipayHK", "Alipay"] as const) {
  test(`desktop website payment with ${wallet}: hosted checkout, pay, back at the shop, paid`, async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "desktop flow");
    await toCheckout(page);
    await page.getByRole("radio", { name: new RegExp(`^${wallet}\\b`) }).check();
    await page.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$228.00") }).click();
    await expect(page).toHaveURL(/\/sandbox\/scanforpay\/pay\//);
    await expect(page.getByRole("heading", { name: `Pay with ${wallet}` })).toBeVisible();
    await page.getByRole("button", { name: "Pay HK$228.00" }).click();
    await expectOrderStatus(page, "paid");
    await expect(page.getByRole("heading", { name: en.order.status.paid })).toBeVisible();
    await expect(page.getByTestId("order-total")).toHaveText("HK$228.00");
    // The cart was emptied when the order was placed.
    await expect(page.getByTestId("cart-count")).toHaveCount(0);
  });
}

test("inside WeChat: JS API, the WeChat Pay sheet, paid", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "wechat-phone", "WeChat user agent");
  const m = messages(page, testInfo.project.use.locale);
  await toCheckout(page, "paper-lantern");
  await page.getByRole("button", { name: m.checkout.pay.replace("{amount}", "HK$98.00") }).click();
  await expect(page.getByText(m.sandbox.wallet.Wechat).first()).toBeVisible();
  await page.getByRole("button", { name: m.sandbox.sheet.pay, exact: true }).click();
  await expectOrderStatus(page, "paid");
  await expect(page.getByRole("heading", { name: zhHK.order.status.paid })).toBeVisible();
});

test.describe("inside Alipay", () => {
  test.use({ userAgent: ALIPAY_UA });
  test("JS API, the Alipay sheet, paid", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "wechat-phone", "phone viewport");
    await toCheckout(page, "celadon-tea-cup");
    await expect(page.getByRole("group", { name: zhHK.checkout.walletHeading }).getByRole("radio")).toHaveCount(1);
    await page.getByRole("button", { name: zhHK.checkout.pay.replace("{amount}", "HK$128.00") }).click();
    await expect(page.getByText(zhHK.sandbox.wallet.Alipay).first()).toBeVisible();
    await page.getByRole("button", { name: zhHK.sandbox.sheet.pay, exact: true }).click();
    await expectOrderStatus(page, "paid");
    // The order's lines in the customer's language, as the cart showed them.
    await expect(page.getByText("1 × 青瓷茶杯")).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(zhHK.order.title.replace("{orderNo}", "HG-[0-9A-Z]{4}-[0-9A-Z]{4}")));
  });
});

test("desktop WeChat Pay: our QR page, the sandbox's phone page in a new tab, the page moves on by itself", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop flow");
  await toCheckout(page, "harbour-tote");
  await page.getByRole("radio", { name: /WeChat Pay/ }).check();
  await page.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$198.00") }).click();
  await expect(page).toHaveURL(/\/orders\/HG-[0-9A-Z]{4}-[0-9A-Z]{4}\/pay\?t=/);
  const qr = page.getByRole("img", { name: en.qr.alt });
  await expect(qr).toBeVisible();
  await expect(page.getByTestId("qr-amount")).toHaveText("HK$198.00");
  await expect(page.getByText(/Expires in \d+:\d\d/)).toBeVisible();
  // APP_URL is 127.0.0.1 here: the page says a phone cannot open the code, and how to fix it.
  await expect(page.getByTestId("qr-loopback-note")).toContainText("APP_URL is http://127.0.0.1:");
  await expect(page.getByTestId("qr-loopback-note")).toContainText(en.qr.sandboxMark);
  // Sandbox mode: "scan" by clicking; the phone's confirmation page opens in a new tab.
  const simulate = page.getByRole("link", { name: en.qr.simulate });
  await expect(simulate).toContainText(en.qr.sandboxMark);
  await expect(simulate).toHaveAttribute("target", "_blank");
  const [phone] = await Promise.all([page.context().waitForEvent("page"), simulate.click()]);
  await expect(phone).toHaveURL(/\/sandbox\/scanforpay\/pay\//);
  await expect(phone.getByText(/SANDBOX/).first()).toBeVisible();
  await phone.getByRole("button", { name: en.sandbox.scan.confirm }).click();
  await expect(phone.getByRole("heading", { name: en.sandbox.result.paid })).toBeVisible();
  // No click on the shop's tab: the QR page notices and moves on.
  await expectOrderStatus(page, "paid");
  await expect(page.getByRole("heading", { name: en.order.status.paid })).toBeVisible();
  await phone.close();
});

test("cancel: back at the shop with the order kept, then a retry pays it", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop flow");
  await toCheckout(page, "bamboo-steamer");
  await page.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$158.00") }).click();
  await page.getByRole("button", { name: "Cancel and return to the shop" }).click();
  await expectOrderStatus(page, "pending");
  // Back from a cancel: "not paid yet", never "waiting for your payment".
  await expect(page.getByRole("heading", { name: en.order.status.not_completed })).toBeVisible();
  await expect(page.getByText(en.order.status.pending)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: en.order.payNow })).toBeVisible();
  await page.getByRole("radio", { name: /^Alipay\b/ }).check();
  await page.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$158.00") }).click();
  await expect(page.getByRole("heading", { name: "Pay with Alipay" })).toBeVisible();
  await page.getByRole("button", { name: "Pay HK$158.00" }).click();
  await expectOrderStatus(page, "paid");
});

test("a failed payment: the shop says so and offers another try", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop flow");
  await toCheckout(page, "mooncake-mould");
  await page.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$138.00") }).click();
  await page.getByRole("button", { name: "Simulate a failed payment" }).click();
  await expectOrderStatus(page, "failed");
  await expect(page.getByRole("heading", { name: en.order.status.failed })).toBeVisible();
  await expect(page.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$138.00") })).toBeVisible();
});

test("POST /api/orders places an order headlessly and answers clearly when it cannot", async ({
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "API only");
  const placed = await request.post("/api/orders", {
    data: { items: [{ slug: "silk-fan", quantity: 2 }], email: "api@example.com", wallet: "Alipay" },
  });
  expect(placed.status()).toBe(201);
  const body = await placed.json();
  expect(body).toMatchObject({
    orderNo: expect.stringMatching(/^HG-/),
    flow: "website",
    wallet: "Alipay",
    payUrl: expect.stringContaining("/sandbox/scanforpay/pay/"),
  });
  expect(body.partnerOrderNo).toMatch(/^[0-9a-f]{32}$/);
  expect(await (await request.get(body.statusUrl)).json()).toEqual({ status: "pending" });
  expect((await request.get(`/api/orders/${body.orderNo}/status?t=wrong`)).status()).toBe(404);

  expect((await request.post("/api/orders", { data: "not json" })).status()).toBe(400);
  const unknown = await request.post("/api/orders", {
    data: { items: [{ slug: "nope", quantity: 1 }], email: "api@example.com", wallet: "Alipay" },
  });
  expect(unknown.status()).toBe(400);
  expect(await unknown.json()).toMatchObject({ code: "unknown_product" });
  const phoneWechat = await request.post("/api/orders", {
    headers: {
      "user-agent":
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    },
    data: { items: [{ slug: "silk-fan", quantity: 1 }], email: "api@example.com", wallet: "Wechat" },
  });
  expect(phoneWechat.status()).toBe(400);
  expect(await phoneWechat.json()).toMatchObject({ code: "wallet_unavailable" });

  // A gateway fault at create: 502, the order kept, a retry on the order works.
  // Armed for this order's amount only (3 fans): other tests pay at the same time.
  await request.post("/sandbox/scanforpay/control/faults", {
    data: { kind: "code22", count: 1, scope: "create", orderAmount: 68400 },
  });
  const faulted = await request.post("/api/orders", {
    data: { items: [{ slug: "silk-fan", quantity: 3 }], email: "api@example.com", wallet: "AlipayHK" },
  });
  expect(faulted.status()).toBe(502);
  expect(await faulted.json()).toMatchObject({
    payUrl: null,
    retryable: true,
    orderUrl: expect.stringContaining("/orders/HG-"),
  });

  // The return of an unknown payment is a friendly page, never a 500.
  const strange = await request.post("/api/scanforpay/return", {
    form: { partnerOrderNo: "does-not-exist" },
    maxRedirects: 0,
  });
  expect(strange.status()).toBe(303);
  expect(strange.headers().location).toBe("/orders/lookup?notice=unknown-payment");
  const badNotify = await request.post("/api/scanforpay/notify", { data: "{}" });
  expect(badNotify.status()).toBe(400);
  expect(await badNotify.text()).not.toBe("success");
});

test.describe("before JavaScript has loaded", () => {
  test.use({ javaScriptEnabled: false });
  test("the order page's pay-again form still works (its Referrer-Policy keeps the Origin the action needs)", async ({
    page,
    request,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "desktop flow");
    const placed = await (
      await request.post("/api/orders", {
        data: { items: [{ slug: "silk-fan", quantity: 1 }], email: "nojs@example.com", wallet: "AlipayHK" },
      })
    ).json();
    await page.goto(placed.orderUrl);
    await page.getByRole("radio", { name: /^Alipay\b/ }).check();
    await page.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$228.00") }).click();
    await expect(page).toHaveURL(/\/sandbox\/scanforpay\/pay\//);
    await expect(page.getByRole("heading", { name: "Pay with Alipay" })).toBeVisible();
  });
});
