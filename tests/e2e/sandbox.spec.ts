// The sandbox gateway inside the running app: hosted pages in a real browser, the return
// POST, notifies from the in-process worker, the control and fault endpoints, the cron route.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "./fixtures";
import { createScanForPayClient } from "../../lib/scanforpay/client";
import { ScanForPayError } from "../../lib/scanforpay/errors";
import { LOCALE_COOKIE } from "../../lib/i18n/locale";
import en from "../../messages/en.json";
import zhCN from "../../messages/zh-CN.json";
import zhHK from "../../messages/zh-HK.json";

const credentials = { partnerNo: "10001", storeNo: "100010000000002", signKey: "123456" };
const client = (baseURL: string) =>
  createScanForPayClient({ apiBase: `${baseURL}/sandbox/scanforpay`, ...credentials, retryDelayMs: 10 });
/** The hosted pages' words in the language the project's browser asks for. */
const sandboxWords = (locale: string | undefined) => (locale === "zh-HK" ? zhHK : en).sandbox;
const newOrderNo = () => `e2e${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(0, 32);

/** A notify receiver in the test process: the app's worker posts to it. */
let receiver: Server;
const notifies: string[] = [];
let notifyUrl = "";
test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (c) => (body += c));
    request.on("end", () => {
      notifies.push(body);
      response.end("success");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`;
});
test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** Catches the browser's return to the shop (the shop's own return handler comes with checkout). */
async function catchReturn(page: Page, baseURL: string) {
  const returned: { method: string; body: string }[] = [];
  await page.route(`${baseURL}/return-probe`, (route) => {
    returned.push({ method: route.request().method(), body: route.request().postData() ?? "" });
    return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Back at the shop</h1>" });
  });
  return returned;
}

test("website payment: hosted checkout, pay, the browser POSTs back, Pay Query and the notify agree", async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the website checkout is the desktop flow");
  const partnerOrderNo = newOrderNo();
  const { payUrl } = await client(baseURL!).createWebsitePayment({
    partnerOrderNo,
    wallet: "AlipayHK",
    currency: "HKD",
    orderAmount: 16800,
    orderTitle: "Harbour Goods order",
    notifyUrl,
    returnUrl: `${baseURL}/return-probe`,
  });
  expect(payUrl.startsWith(`${baseURL}/sandbox/scanforpay/pay/`)).toBe(true);
  const returned = await catchReturn(page, baseURL!);
  await page.goto(payUrl);
  await expect(page.getByText(/SANDBOX/).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await page.getByRole("button", { name: "Pay HK$168.00" }).click();
  await expect(page.getByRole("heading", { name: "Back at the shop" })).toBeVisible();
  expect(returned).toEqual([{ method: "POST", body: `partnerOrderNo=${partnerOrderNo}` }]);
  expect(await client(baseURL!).payQuery({ partnerOrderNo })).toMatchObject({
    status: 1,
    orderAmount: 16800,
    currency: "HKD",
  });
  // The in-process worker delivers the signed notify.
  await expect.poll(() => notifies.find((n) => n.includes(partnerOrderNo)), { timeout: 10_000 }).toBeTruthy();
  const notify = client(baseURL!).parseNotify(notifies.find((n) => n.includes(partnerOrderNo))!);
  expect(notify.result).toMatchObject({ partnerOrderNo, status: 1, orderAmount: 16800 });
});

test("JS API inside WeChat: the wallet sheet pays; a cancel returns too, unpaid", async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "wechat-phone", "JS API is the in-wallet flow");
  const words = sandboxWords(testInfo.project.use.locale);
  const returned = await catchReturn(page, baseURL!);
  const paidNo = newOrderNo();
  const paid = await client(baseURL!).createJsapiPayment({
    partnerOrderNo: paidNo,
    wallet: "Wechat",
    currency: "HKD",
    orderAmount: 9800,
    returnUrl: `${baseURL}/return-probe`,
  });
  await page.goto(paid.payUrl);
  await expect(page.getByText(words.wallet.Wechat).first()).toBeVisible();
  await expect(page.getByText(/SANDBOX/).first()).toBeVisible();
  await page.getByRole("button", { name: words.sheet.pay, exact: true }).click();
  await expect(page.getByRole("heading", { name: "Back at the shop" })).toBeVisible();
  expect(await client(baseURL!).payQuery({ partnerOrderNo: paidNo })).toMatchObject({ status: 1 });

  const cancelledNo = newOrderNo();
  const cancelled = await client(baseURL!).createJsapiPayment({
    partnerOrderNo: cancelledNo,
    wallet: "Wechat",
    currency: "HKD",
    orderAmount: 9800,
    returnUrl: `${baseURL}/return-probe`,
  });
  await page.goto(cancelled.payUrl);
  await page.getByRole("button", { name: words.sheet.cancel, exact: true }).click();
  await expect(page.getByRole("heading", { name: "Back at the shop" })).toBeVisible();
  expect(returned.map((r) => r.body)).toEqual([`partnerOrderNo=${paidNo}`, `partnerOrderNo=${cancelledNo}`]);
  expect(await client(baseURL!).payQuery({ partnerOrderNo: cancelledNo })).toMatchObject({ status: 0 });
});

test("QR code payment: the phone that scanned confirms and stays on the gateway", async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "wechat-phone", "the QR target is what a phone opens");
  const words = sandboxWords(testInfo.project.use.locale);
  const partnerOrderNo = newOrderNo();
  const { payUrl } = await client(baseURL!).createQrcodePayment({
    partnerOrderNo,
    wallet: "Wechat",
    currency: "HKD",
    orderAmount: 22800,
    returnUrl: `${baseURL}/return-probe`,
  });
  await page.goto(payUrl);
  await page.getByRole("button", { name: words.scan.confirm }).click();
  await expect(page.getByRole("heading", { name: words.result.paid })).toBeVisible();
  expect(page.url()).toContain("/sandbox/scanforpay/pay/");
  expect(await client(baseURL!).payQuery({ partnerOrderNo })).toMatchObject({ status: 1 });
});

for (const [locale, messages] of [
  ["zh-HK", zhHK],
  ["zh-CN", zhCN],
] as const) {
  test(`the hosted pages in ${locale}: checkout, phone confirmation and result, still marked SANDBOX`, async ({
    page,
    baseURL,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "an English browser that chose another language");
    const words = messages.sandbox;
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    const returned = await catchReturn(page, baseURL!);
    const { payUrl } = await client(baseURL!).createWebsitePayment({
      partnerOrderNo: newOrderNo(),
      wallet: "Alipay",
      currency: "HKD",
      orderAmount: 16800,
      returnUrl: `${baseURL}/return-probe`,
    });
    await page.goto(payUrl);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page).toHaveTitle(words.metaTitle);
    await expect(page.getByText(words.banner)).toBeVisible();
    expect(words.banner).toContain("SANDBOX");
    await expect(
      page.getByRole("heading", { name: words.website.heading.replace("{wallet}", words.wallet.Alipay) }),
    ).toBeVisible();
    await expect(page.getByText(words.facts.merchant, { exact: true })).toBeVisible();
    await expect(page.getByText(words.advanced.summary)).toBeVisible();
    await page.getByRole("button", { name: words.website.fail }).click();
    await expect(page.getByRole("heading", { name: "Back at the shop" })).toBeVisible();
    expect(returned).toHaveLength(1);
    // Back on the gateway's own page: the decided order.
    await page.goto(payUrl);
    await expect(page.getByRole("heading", { name: words.result.failed })).toBeVisible();
    await expect(page.getByText(words.result.failedNote)).toBeVisible();

    const qr = await client(baseURL!).createQrcodePayment({
      partnerOrderNo: newOrderNo(),
      wallet: "Wechat",
      currency: "HKD",
      orderAmount: 22800,
    });
    await page.goto(qr.payUrl);
    await expect(page.getByText(words.banner)).toBeVisible();
    await expect(page.getByRole("heading", { name: words.wallet.Wechat })).toBeVisible();
    await page.getByRole("button", { name: words.scan.confirm }).click();
    await expect(page.getByRole("heading", { name: words.result.paid })).toBeVisible();
    await expect(page.getByText(words.result.backToComputer)).toBeVisible();
    await expect(page.getByText(/SANDBOX/).first()).toBeVisible();
  });
}

test("control and fault endpoints drive the gateway without a browser; the cron route delivers", async ({
  request,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "API only");
  const partnerOrderNo = newOrderNo();
  await client(baseURL!).createWebsitePayment({
    partnerOrderNo,
    wallet: "Alipay",
    currency: "HKD",
    orderAmount: 500,
    notifyUrl,
  });
  const control = `/sandbox/scanforpay/control/orders/${partnerOrderNo}`;
  expect((await request.post(control, { data: { outcome: "maybe" } })).status()).toBe(400);
  expect(
    (await request.post("/sandbox/scanforpay/control/orders/unknown-order", { data: { outcome: "success" } })).status(),
  ).toBe(404);
  const decided = await request.post(control, { data: { outcome: "success", notify: "before-return" } });
  expect(await decided.json()).toMatchObject({ state: "paid", effect: "paid", notifiesQueued: 1 });
  expect(notifies.some((n) => n.includes(partnerOrderNo))).toBe(true); // before-return: already delivered
  expect(await (await request.get(control)).json()).toMatchObject({ status: 1, orderAmount: 500 });

  expect(
    (await request.post("/sandbox/scanforpay/control/faults", { data: { kind: "nope", count: 1 } })).status(),
  ).toBe(400);
  expect(
    await (
      await request.post("/sandbox/scanforpay/control/faults", {
        data: { kind: "code9", count: 1, scope: "create", orderAmount: 501 },
      })
    ).json(),
  ).toMatchObject({ code9: 1 });
  const error = await client(baseURL!)
    .createWebsitePayment({ partnerOrderNo: newOrderNo(), wallet: "Alipay", currency: "HKD", orderAmount: 501 })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ScanForPayError);
  expect((error as ScanForPayError).code).toBe(9);

  const cron = await request.get("/api/cron/sandbox-notify");
  expect(cron.status()).toBe(200);
  expect(typeof (await cron.json()).attempts).toBe("number");
  expect((await request.get("/sandbox/scanforpay/api/online/create")).status()).toBe(405);
  expect((await request.post("/sandbox/scanforpay/api/not/an-endpoint", { data: "{}" })).status()).toBe(404);
});
