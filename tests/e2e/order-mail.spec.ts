// The whole loop of issue 12 in a real browser, on a desktop and in WeChat on a phone: a
// customer enters a Hong Kong address, picks a method and pays in the sandbox; the
// confirmation arrives in the sandbox mailbox in the customer's language with the right
// total; the merchant marks the order shipped with a tracking number; the customer's page
// and a second email show it; a partial refund sends a third. The merchant's alert and the
// webhook's event arrive too, and the back office shows each message as sent.
import { expect, test, type Page } from "./fixtures";
import { addToCart, fillAddress, logInToBackOffice } from "./steps";
import en from "../../messages/en.json";
import zhHK from "../../messages/zh-HK.json";

const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((out, [key, value]) => out.replace(`{${key}}`, value), text);

/** Waits for `count` messages to `to` in the sandbox mailbox (newest first) and opens the newest. */
async function newestMail(page: Page, to: string, count: number) {
  await expect(async () => {
    await page.goto(`/sandbox/mail?to=${encodeURIComponent(to)}`);
    await expect(page.getByTestId("sandbox-mail")).toHaveCount(count, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByTestId("sandbox-mail").first().getByRole("link").click();
  await expect(page.getByTestId("mail-to")).toHaveText(to);
  return { subject: page.getByTestId("mail-subject"), text: page.getByTestId("mail-text") };
}

test("address, method, paid; confirmation, shipped and refund mail in the customer's language", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const phone = testInfo.project.name === "wechat-phone";
  const m = phone ? zhHK : en;
  const email = `journey-${testInfo.project.name}-${Date.now()}@example.com`;

  // The customer: a paper lantern (HK$98.00) shipped to Wan Chai by standard delivery (HK$30.00).
  await addToCart(page, "paper-lantern");
  await page.goto("/checkout");
  await page.locator('input[name="email"]').fill(email);
  await expect(page.getByRole("radio", { name: m.shipping.ship })).toBeChecked();
  await fillAddress(page, m);
  await page.getByRole("radio", { name: phone ? /^標準送貨/ : /^Standard delivery/ }).check();
  await expect(page.getByTestId("totals-shipping")).toHaveText("HK$30.00");
  await expect(page.getByTestId("checkout-total")).toHaveText("HK$128.00");
  await page.getByRole("button", { name: fill(m.checkout.pay, { amount: "HK$128.00" }) }).click();
  await expect(page).toHaveURL(/\/sandbox\/scanforpay\/pay\//);
  if (phone) await page.getByRole("button", { name: m.sandbox.sheet.pay, exact: true }).click();
  else await page.getByRole("button", { name: "Pay HK$128.00" }).click();
  await expect(page).toHaveURL(/\/orders\/HG-[0-9A-Z]{4}-[0-9A-Z]{4}\?t=/);
  const orderPage = page.url();
  const orderNo = /\/orders\/([^?]+)/.exec(orderPage)![1]!;
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid", { timeout: 15_000 });
  await expect(page.getByTestId("order-fulfilment")).toHaveAttribute("data-stage", /./);

  // The confirmation, in the language the order was placed in, with the total.
  const mailbox = await page.context().newPage();
  let mail = await newestMail(mailbox, email, 1);
  await expect(mail.subject).toHaveText(fill(m.mail.paid.subject, { orderNo }));
  await expect(mail.text).toContainText("HK$128.00");
  await expect(mail.text).toContainText("HK$30.00");
  await expect(mail.text).toContainText("Wan Chai");
  await expect(mailbox.getByTestId("mail-preview")).toHaveAttribute("sandbox", "");
  // The merchant was told too, in English.
  await mailbox.goto(`/sandbox/mail?to=${encodeURIComponent("merchant@sandbox.example")}`);
  await expect(mailbox.getByTestId("sandbox-mail").filter({ hasText: orderNo })).toHaveCount(1);

  // The merchant marks it shipped from the order's page.
  const merchant = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await logInToBackOffice(merchant);
  await merchant.goto(`/admin/orders/${orderNo}`);
  const ship = merchant.getByRole("form", { name: "Mark shipped" });
  await ship.getByLabel("Carrier").fill("SF Express");
  await ship.getByLabel("Tracking number").fill("SF1234567890");
  await ship.getByLabel(/Tracking link/).fill("https://www.sf-express.com/track?no=SF1234567890");
  await ship.getByRole("button", { name: "Mark shipped" }).click();
  await expect(merchant.getByTestId("admin-fulfilment")).toHaveAttribute("data-fulfilment", "shipped");

  // The customer's page shows it, with the tracking link; a second email says so.
  await page.goto(orderPage);
  await expect(page.getByTestId("order-fulfilment")).toHaveAttribute("data-stage", "shipped");
  await expect(page.getByTestId("order-tracking-number")).toHaveText("SF1234567890");
  await expect(page.getByTestId("order-tracking-link")).toHaveAttribute(
    "href",
    "https://www.sf-express.com/track?no=SF1234567890",
  );
  mail = await newestMail(mailbox, email, 2);
  await expect(mail.subject).toHaveText(fill(m.mail.shipped.subject, { orderNo }));
  await expect(mail.text).toContainText("SF1234567890");
  await expect(mail.text).toContainText("SF Express");

  // A partial refund of HK$20.00: a third email with the amount.
  await merchant.goto(`/admin/orders/${orderNo}`);
  await merchant.getByLabel(/Refund amount/).fill("20");
  await merchant.getByRole("button", { name: "Refund…" }).click();
  await merchant.getByTestId("refund-confirm").getByRole("button", { name: "Confirm refund" }).click();
  await expect(merchant.getByRole("status").filter({ hasText: "Refunded HK$20.00" })).toBeVisible();
  mail = await newestMail(mailbox, email, 3);
  await expect(mail.subject).toHaveText(fill(m.mail.refunded.subject, { orderNo }));
  await expect(mail.text).toContainText("HK$20.00");

  // The back office shows the order's messages as sent, and the webhook's receiver got the events.
  await merchant.goto(`/admin/orders/${orderNo}`);
  await expect(async () => {
    await merchant.reload();
    // Paid (customer, merchant, webhook), shipped (customer, webhook), refunded (customer, webhook).
    const messages = merchant.getByTestId("admin-order-message");
    await expect(messages).toHaveCount(7, { timeout: 1_000 });
    await expect(merchant.locator('[data-testid="admin-order-message"][data-status="sent"]')).toHaveCount(7, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  await mailbox.goto("/sandbox/webhook");
  for (const type of ["order.paid", "order.shipped", "order.refunded"])
    await expect(
      mailbox.getByRole("article", { name: new RegExp(`^${type.replace(".", "\\.")} `) }).filter({ hasText: orderNo }),
    ).toHaveCount(1);
});
