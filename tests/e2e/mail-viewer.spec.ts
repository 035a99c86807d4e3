// The sandbox mailbox and the back office's messages in Chromium, on rows global-setup.ts
// wrote (mail-fixtures.ts): the list and its recipient filter, a message's sandboxed HTML
// preview under its own CSP, its text and headers, 404s for unknown ids; the outbox list and
// "send again" for a failed message, and the dashboard's warning.
import { expect, test } from "./fixtures";
import { MAIL_E2E } from "./mail-fixtures";
import { logInToBackOffice } from "./steps";
import { MAIL_PREVIEW_CSP } from "../../lib/security/headers";

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop only: the tools of the sandbox and the back office");
});

test("the mailbox lists a recipient's mail with its topic, filters, and says when there is none", async ({ page }) => {
  await page.goto(`/sandbox/mail?to=${encodeURIComponent(MAIL_E2E.customer)}`);
  await expect(page.getByText("SANDBOX · test mailbox")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sandbox mailbox" })).toBeVisible();
  const rows = page.getByTestId("sandbox-mail");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`訂單 ${MAIL_E2E.orderNo} 已確認`);
  await expect(rows.first()).toContainText(`To ${MAIL_E2E.customer}`);
  await expect(rows.first().getByTestId("mail-topic")).toHaveText("Order confirmed");

  // The filter form, as a tester uses it.
  await page.getByLabel("Recipient").fill("BOSS-viewer@");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/to=BOSS-viewer%40/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Reconciliation has not run since");
  await expect(rows.first().getByTestId("mail-topic")).toHaveCount(0);

  await page.goto("/sandbox/mail?to=nobody-at-all%40e2e.example");
  await expect(page.getByRole("heading", { name: "No messages for this recipient" })).toBeVisible();
  await expect(rows).toHaveCount(0);
});

test("a message: the HTML in a sandboxed frame, its links, the plain text, the headers unfolded and decoded", async ({
  page,
}) => {
  await page.goto(`/sandbox/mail?to=${encodeURIComponent(MAIL_E2E.customer)}`);
  await page.getByTestId("sandbox-mail").first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/sandbox/mail/${MAIL_E2E.confirmationId}$`));
  await expect(page.getByTestId("mail-subject")).toHaveText(`訂單 ${MAIL_E2E.orderNo} 已確認`);
  await expect(page.getByText("SANDBOX · test mailbox")).toBeVisible();

  const preview = page.getByTestId("mail-preview");
  await expect(preview).toHaveAttribute("sandbox", "");
  await expect(preview).toHaveAttribute("src", `/sandbox/mail/${MAIL_E2E.confirmationId}/html`);
  const frame = page.frameLocator('[data-testid="mail-preview"]');
  await expect(frame.getByRole("heading", { name: "多謝你的訂購" })).toBeVisible();
  await expect(frame.getByText("HK$301.00").first()).toBeVisible();
  // The hostile name is text, not markup.
  await expect(frame.getByText(`${MAIL_E2E.evilName}，你好：`)).toBeVisible();
  await expect(frame.locator("script")).toHaveCount(0);

  await expect(page.getByTestId("mail-links").getByRole("link", { name: "查看訂單" })).toHaveAttribute(
    "href",
    `https://shop.e2e.example/orders/${MAIL_E2E.orderNo}?t=e2e`,
  );
  await expect(page.getByTestId("mail-text")).toContainText("總額: HK$301.00");
  await expect(page.getByTestId("mail-text")).toContainText("Jasmine tea");
  const headers = page.getByTestId("mail-headers");
  await expect(headers).toContainText(`訂單 ${MAIL_E2E.orderNo} 已確認`);
  await expect(headers).toContainText("first part second part");
  await expect(headers).toContainText(`<${MAIL_E2E.confirmationId}@sandbox.example>`);

  // The preview's own answer: the strict policy, framable by the shop only.
  const html = await page.request.get(`/sandbox/mail/${MAIL_E2E.confirmationId}/html`);
  expect(html.status()).toBe(200);
  expect(html.headers()["content-type"]).toContain("text/html");
  expect(html.headers()["content-security-policy"]).toBe(MAIL_PREVIEW_CSP);
  expect(html.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  // Every other sandbox page keeps the app's policy and may not be framed.
  const listing = await page.request.get("/sandbox/mail");
  expect(listing.headers()["x-frame-options"]).toBe("DENY");
});

test("unknown and malformed ids are 404s", async ({ page }) => {
  for (const url of [
    "/sandbox/mail/doesnotexist0000000000000",
    "/sandbox/mail/doesnotexist0000000000000/html",
    "/sandbox/mail/%3Cscript%3E",
    "/sandbox/mail/__proto__/html",
    `/sandbox/mail/${"a".repeat(300)}`,
  ]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
  }
  const response = await page.goto("/sandbox/mail/doesnotexist0000000000000");
  expect(response?.status()).toBe(404);
});

test("the back office lists the outbox; a failed message is sent again, a sent one is not offered", async ({
  page,
}) => {
  await logInToBackOffice(page);
  const warning = page.getByTestId("admin-messages-warning");
  await expect(warning).toContainText("failed");
  await warning.getByRole("link", { name: "See failed messages" }).click();
  await expect(page).toHaveURL(/\/admin\/messages\?status=failed$/);
  await expect(page.getByRole("heading", { name: "Messages" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Messages", exact: true })).toBeVisible();

  await page.getByLabel("Recipient or order no.").fill(MAIL_E2E.failedRecipient);
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.locator(`[data-testid="admin-message"][data-id="${MAIL_E2E.failedOutboxId}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("message-status")).toHaveText("failed");
  await expect(row).toContainText("Alert: reconciliation late");
  await expect(row).toContainText("SMTP 535 authentication failed (e2e fixture)");
  await row.getByRole("button", { name: /^Send again/ }).click();
  // Back in the queue (or, once a delivery pass ran, sent): the failed list, refreshed, no longer has it.
  await expect(page.getByTestId("admin-message")).toHaveCount(0);

  // Sent right after (the action starts a delivery pass once it has answered), to where alerts go
  // now; found by its topic, since its recipient is now the merchant's address. The old error is cleared.
  await expect(async () => {
    await page.goto("/admin/messages?topic=alert.reconcile_late");
    await expect(row.getByTestId("message-status")).toHaveAttribute("data-status", "sent", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText("merchant@sandbox.example");
  await expect(row).not.toContainText("SMTP 535 authentication failed (e2e fixture)");

  await page.goto(`/admin/messages?q=${encodeURIComponent(MAIL_E2E.customer)}&status=sent&channel=email`);
  const sent = page.locator(`[data-testid="admin-message"][data-id="${MAIL_E2E.sentOutboxId}"]`);
  await expect(sent.getByTestId("message-status")).toHaveText("sent");
  await expect(sent.getByRole("button", { name: /Send again/ })).toHaveCount(0);

  await page.goto("/admin/messages?q=nothing-matches-this%40e2e.example");
  await expect(page.getByText("No messages match.")).toBeVisible();
});
