// WeChat Pay from a phone browser: the order is placed first, and its own link, copied in
// the phone's browser, is opened inside WeChat (a second browser context with WeChat's user
// agent, as the customer's WeChat would be), which pays it by JS API.
import { devices, expect, test } from "./fixtures";
import { addToCart, pickUpInStore } from "./steps";
import { WECHAT_ANDROID_UA } from "../../playwright.config";
import en from "../../messages/en.json";

test("a phone browser hands WeChat Pay to WeChat: the order's own link, paid there by JS API", async ({
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "opens its own phone and WeChat contexts");
  test.setTimeout(60_000); // two browsers, a checkout and a payment
  const { defaultBrowserType: _, ...pixel } = devices["Pixel 7"];
  const phoneBrowser = await browser.newContext({
    ...pixel,
    locale: "en-GB",
    extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const phone = await phoneBrowser.newPage();
  await addToCart(phone, "bamboo-chopsticks");
  await phone.goto("/checkout");
  await phone.locator('input[name="email"]').fill("phone@example.com");
  await pickUpInStore(phone);
  // A phone browser offers WeChat Pay as a hand-off, not as a flow it cannot run.
  const wechat = phone.getByRole("radio", { name: /WeChat Pay/ });
  await expect(phone.getByText(en.checkout.flowHints.handoff)).toBeVisible();
  await wechat.check();
  await phone.getByRole("button", { name: /^Pay / }).click();

  // The order is placed (the cart is empty now) and its page offers the link and a QR code.
  await expect(phone).toHaveURL(/\/orders\/HG-[0-9A-Z]{4}-[0-9A-Z]{4}\?t=[\w-]+&handoff=wechat$/);
  await expect(phone.getByTestId("cart-count")).toHaveCount(0);
  const panel = phone.getByTestId("wechat-handoff");
  await expect(panel.getByRole("heading", { name: en.order.handoff.title })).toBeVisible();
  await expect(panel.getByRole("img", { name: en.order.handoff.qrAlt })).toBeVisible();
  // APP_URL is a loopback address here: the panel says no other phone can open the link.
  await expect(panel.getByRole("note")).toContainText("http://127.0.0.1:");
  await panel.getByRole("button", { name: en.order.handoff.copy }).click();
  await expect(panel.getByRole("status")).toHaveText(en.order.handoff.copied);
  const link = await phone.evaluate(() => navigator.clipboard.readText());
  // The order's own unguessable link (its access token), never the checkout or a cart.
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/orders\/HG-[0-9A-Z]{4}-[0-9A-Z]{4}\?t=[\w-]{43}$/);
  expect(phone.url()).toContain(new URL(link).search.slice(0, 40));
  // Other wallets stay payable right here.
  await expect(phone.getByRole("heading", { name: en.order.handoff.otherWallets })).toBeVisible();

  // Inside WeChat, on a phone with no cart and no cookies of the first browser.
  const wechatApp = await browser.newContext({
    ...pixel,
    userAgent: WECHAT_ANDROID_UA,
    locale: "en-GB",
    extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" },
  });
  const inWeChat = await wechatApp.newPage();
  await inWeChat.goto(link);
  await expect(inWeChat.getByTestId("order-status")).toHaveAttribute("data-status", "pending");
  await expect(inWeChat.getByTestId("wechat-handoff")).toHaveCount(0);
  await expect(inWeChat.getByRole("radio", { name: /WeChat Pay/ })).toBeChecked();
  await inWeChat.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$88.00") }).click();
  // The sandbox's WeChat Pay sheet (JS API), then back at the order: paid.
  await expect(inWeChat).toHaveURL(/\/sandbox\/scanforpay\/pay\//);
  await inWeChat.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(inWeChat.getByTestId("order-status")).toHaveAttribute("data-status", "paid", { timeout: 15_000 });

  // The phone browser's page notices by itself.
  await expect(phone.getByTestId("order-status")).toHaveAttribute("data-status", "paid", { timeout: 15_000 });
  await expect(phone.getByTestId("wechat-handoff")).toHaveCount(0);
  await phoneBrowser.close();
  await wechatApp.close();
});

test("the headless API keeps refusing WeChat Pay for a phone's user agent", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run is enough");
  const response = await request.post("/api/orders", {
    headers: { "user-agent": devices["Pixel 7"].userAgent },
    data: { items: [{ slug: "silk-fan", quantity: 1 }], email: "api@example.com", wallet: "Wechat" },
  });
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ code: "wallet_unavailable" });
});
