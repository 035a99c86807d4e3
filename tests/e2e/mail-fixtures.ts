// Rows the mailbox and back-office message tests read (tests/e2e/mail-viewer.spec.ts): written
// by global-setup.ts before any test runs (the embedded database must not be written to while
// the server under test is in a transaction). Idempotent against a real PostgreSQL: each row
// is put back as it was. No pending message: a delivery pass would send it at once.
import type pg from "pg";
import { renderEmail } from "../../lib/mail/render";

/** Addresses no other test uses, so the filters find exactly these rows. */
export const MAIL_E2E = {
  customer: "mail-viewer@e2e.example",
  merchant: "boss-viewer@e2e.example",
  confirmationId: "e2emailconfirmation0000001",
  alertId: "e2emailalert00000000000001",
  sentOutboxId: "e2eoutboxsent0000000000001",
  failedOutboxId: "e2eoutboxfailed00000000001",
  failedRecipient: "resend-me@e2e.example",
  /** A customer's name a mail must escape. */
  evilName: `<script>alert("x")</script> "&'`,
  orderNo: "HG-E2E0-MA1L",
} as const;

function raw(headers: Record<string, string>, text: string): string {
  const block = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n");
  return `${block}\r\n\r\n${text}`;
}

export async function insertMailFixtures(client: pg.Client): Promise<void> {
  const confirmation = renderEmail({
    topic: "order.paid",
    locale: "zh-HK",
    shopName: "Harbour Goods",
    appUrl: "https://shop.e2e.example",
    order: {
      orderNo: MAIL_E2E.orderNo,
      currency: "HKD",
      itemsMinor: 25_600,
      shippingMinor: 4_500,
      totalMinor: 30_100,
      lines: [{ name: "Jasmine tea", quantity: 2, unitPriceMinor: 12_800, lineMinor: 25_600 }],
      customerName: MAIL_E2E.evilName,
      email: MAIL_E2E.customer,
      orderUrl: `https://shop.e2e.example/orders/${MAIL_E2E.orderNo}?t=e2e`,
      adminUrl: `https://shop.e2e.example/admin/orders/${MAIL_E2E.orderNo}`,
      delivery: "ship",
      methodName: "SF Express",
      addressLines: ["Chan Tai Man", "8 Harbour Road", "Wan Chai, Hong Kong Island", "Hong Kong"],
      carrier: null,
      trackingNumber: null,
      trackingUrl: null,
      paidAt: new Date("2026-12-03T02:05:00Z"),
    },
    refund: null,
    details: {},
  });
  const alert = renderEmail({
    topic: "alert.reconcile_late",
    locale: "en",
    shopName: "Harbour Goods",
    appUrl: "https://shop.e2e.example",
    order: null,
    refund: null,
    details: { lastRunAt: "2026-12-03T01:00:00.000Z", since: "2026-12-03T01:10:00.000Z" },
  });
  const outbox = [
    {
      id: MAIL_E2E.sentOutboxId,
      topic: "order.paid",
      audience: "customer",
      status: "sent",
      attempts: 1,
      lastError: null,
      recipient: MAIL_E2E.customer,
      subject: confirmation.subject,
      sentAt: new Date(),
    },
    {
      id: MAIL_E2E.failedOutboxId,
      topic: "alert.reconcile_late",
      audience: "merchant",
      status: "failed",
      attempts: 7,
      lastError: "SMTP 535 authentication failed (e2e fixture)",
      recipient: MAIL_E2E.failedRecipient,
      subject: alert.subject,
      sentAt: null,
    },
  ];
  for (const m of outbox) {
    await client.query(
      `INSERT INTO "OutboxMessage" ("id", "channel", "audience", "topic", "dedupeKey", "payload", "status", "attempts",
         "nextAttemptAt", "lastError", "recipient", "subject", "sentAt", "createdAt", "updatedAt")
       VALUES ($1, 'email', $2::"OutboxAudience", $3, $4, '{}'::jsonb, $5::"OutboxStatus", $6, now(), $7, $8, $9, $10, now(), now())
       ON CONFLICT ("id") DO UPDATE SET "status" = EXCLUDED."status", "attempts" = EXCLUDED."attempts",
         "nextAttemptAt" = now(), "lastError" = EXCLUDED."lastError", "sentAt" = EXCLUDED."sentAt", "updatedAt" = now()`,
      [m.id, m.audience, m.topic, `e2e:${m.id}`, m.status, m.attempts, m.lastError, m.recipient, m.subject, m.sentAt],
    );
  }
  const mails = [
    {
      id: MAIL_E2E.confirmationId,
      to: MAIL_E2E.customer,
      mail: confirmation,
      outboxId: MAIL_E2E.sentOutboxId,
      // An encoded subject and a folded header, as nodemailer writes them.
      subjectHeader: `=?UTF-8?B?${Buffer.from(confirmation.subject).toString("base64")}?=`,
    },
    { id: MAIL_E2E.alertId, to: MAIL_E2E.merchant, mail: alert, outboxId: null, subjectHeader: alert.subject },
  ];
  for (const m of mails) {
    const source = raw(
      {
        From: "Harbour Goods <shop@sandbox.example>",
        To: m.to,
        Subject: m.subjectHeader,
        "Message-ID": `<${m.id}@sandbox.example>`,
        "X-E2E-Folded": "first part\r\n second part",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
      },
      m.mail.text,
    );
    await client.query(
      `INSERT INTO "SandboxMail" ("id", "messageId", "from", "to", "subject", "html", "text", "raw", "outboxId", "createdAt")
       VALUES ($1, $2, 'Harbour Goods <shop@sandbox.example>', $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT ("id") DO NOTHING`,
      [m.id, `<${m.id}@sandbox.example>`, m.to, m.mail.subject, m.mail.html, m.mail.text, source, m.outboxId],
    );
  }
}
