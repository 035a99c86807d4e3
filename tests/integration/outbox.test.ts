// The transactional outbox end to end below the browser: messages written with the payment
// (however many notifies), delivered by passes that claim them, retried with backoff when
// SMTP (a real SMTP server on a loopback port) or the webhook refuses, never sent twice by
// two passes at once, and never in the way of the notify's `success`.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGateway, type OrdersDeps } from "@/lib/orders/gateway-wiring";
import { createOrder } from "@/lib/orders/create";
import { handleNotify } from "@/lib/orders/notify-and-return";
import { sendRefund, startPayment } from "@/lib/orders/payments";
import { merchantRefund, newRefundNo } from "@/lib/admin/refunds";
import { deliverOutbox, type OutboxDeps } from "@/lib/outbox/deliver";
import { enqueue } from "@/lib/outbox/enqueue";
import { reconcileLateAlert } from "@/lib/outbox/alerts";
import { MAX_ATTEMPTS, RETRY_STEPS_MS } from "@/lib/outbox/topics";
import { smtpSender, type OutgoingMail } from "@/lib/mail/transport";
import type { EmailModel } from "@/lib/mail/model";
import { renderEmail } from "@/lib/mail/render";
import { formatMoney } from "@/lib/money";
import { verifyWebhook, WEBHOOK_HEADERS } from "@/lib/outbox/webhook";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import { findOrderByPartnerOrderNo } from "@/lib/sandbox/customer";
import { payResultBody, signedResponse } from "@/lib/sandbox/server";
import { seedCatalog } from "@/prisma/seed-catalog";
import { startSandboxServer, type SandboxServer } from "../helpers/sandbox-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

const ALL = { merchant: true, webhook: true };
const SECRET = "test-webhook-secret-0123456789";

let db: TestDb;
let sandbox: SandboxServer;
let orders: OrdersDeps;
let clock: Date | null = null;
const now = () => clock ?? new Date();

/** The webhook receiver: records what it gets and answers what the test says. */
let hooks: { id: string; type: string; body: string; valid: boolean }[] = [];
let hookStatus = 200;
let hookServer: Server;
let hookUrl: string;

/** A real SMTP server: accepts, or refuses each message with the test's answer. */
let smtpRefusal: { code: number; text: string } | null = null;
let smtpReceived: { to: string; raw: string }[] = [];
let smtpServer: SMTPServer;
let smtpUrl: string;

/** Delivery semantics do not depend on wording: a minimal rendering of the model. */
const render = (model: EmailModel) => ({
  subject: `${model.topic} ${model.order?.orderNo ?? ""}`.trim(),
  html: `<p>${model.topic}</p>`,
  text: `${model.topic} ${model.order?.totalMinor ?? ""}`,
});

function outboxDeps(overrides: Partial<OutboxDeps> = {}, database: TestDb | OutboxDeps["db"] = db): OutboxDeps {
  return {
    db: database,
    now,
    delayScale: 1,
    context: { appUrl: "https://shop.example", shopName: "Test shop" },
    mail: { transport: "sandbox", from: "Shop <shop@example.com>", merchantEmail: "owner@shop.example" },
    webhook: { url: hookUrl, secret: SECRET },
    render,
    ...overrides,
  };
}

beforeAll(async () => {
  db = await createTestDb();
  await seedCatalog(db);
  sandbox = await startSandboxServer(db);
  orders = {
    db,
    gateway: createGateway(db, {
      config: { apiBase: sandbox.apiBase, ...SANDBOX_CREDENTIALS, retryDelayMs: 10, timeoutMs: 500 },
      appUrl: "http://127.0.0.1:9",
      timeoutRule: "30m",
    }),
    outbox: ALL,
  };
  hookServer = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const header = (name: string) => (request.headers[name] as string | undefined) ?? null;
    hooks.push({
      id: header(WEBHOOK_HEADERS.id) ?? "",
      type: header(WEBHOOK_HEADERS.type) ?? "",
      body,
      valid: verifyWebhook(
        SECRET,
        { timestamp: header(WEBHOOK_HEADERS.timestamp), signature: header(WEBHOOK_HEADERS.signature) },
        body,
      ),
    });
    response.writeHead(hookStatus).end(hookStatus === 200 ? "ok" : "busy");
  });
  await new Promise<void>((resolve) => hookServer.listen(0, "127.0.0.1", () => resolve()));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
  smtpServer = new SMTPServer({
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (smtpRefusal)
          return callback(Object.assign(new Error(smtpRefusal.text), { responseCode: smtpRefusal.code }));
        smtpReceived.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(","),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtpServer.listen(0, "127.0.0.1", () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtpServer.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtpServer?.close(() => resolve()));
  hookServer?.closeAllConnections();
  await new Promise<void>((resolve) => (hookServer ? hookServer.close(() => resolve()) : resolve()));
  await sandbox?.close();
  await db?.close();
});
beforeEach(async () => {
  clock = null;
  hooks = [];
  hookStatus = 200;
  smtpRefusal = null;
  smtpReceived = [];
  // Each test counts its own messages: the earlier tests' are out of the way.
  await db.outboxMessage.updateMany({ where: { status: "pending" }, data: { status: "failed" } });
});

async function paidByNotify(count: number, email = "buyer@example.com") {
  const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 2 }], email, locale: "zh-HK" });
  const { payment } = await startPayment(orders, order, { wallet: "AlipayHK", flow: "website" });
  const control = await fetch(`${sandbox.apiBase}/control/orders/${payment.partnerOrderNo}`, {
    method: "POST",
    body: JSON.stringify({ outcome: "success", notify: "none" }),
  });
  expect(control.status).toBe(200);
  const gatewayOrder = (await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!;
  const notify = signedResponse(sandbox.deps, payResultBody(gatewayOrder, new Date()));
  const answers = await Promise.all(Array.from({ length: count }, () => handleNotify(orders, notify)));
  return { order, payment, answers };
}

describe("written with the payment, once", () => {
  it("50 duplicate notifies at once: one confirmation, one merchant alert, one webhook", async () => {
    const { order, answers } = await paidByNotify(50);
    expect(answers.every((a) => a.status === 200 && a.body === "success")).toBe(true);
    const rows = await db.outboxMessage.findMany({ where: { orderId: order.id }, orderBy: { topic: "asc" } });
    expect(rows.map((r) => [r.channel, r.audience, r.topic])).toEqual([
      ["email", "merchant", "alert.new_order"],
      ["email", "customer", "order.paid"],
      ["webhook", "webhook", "order.paid"],
    ]);
    // Two passes at once (two instances), then a third: each message goes out once.
    const real = { render: renderEmail };
    const reports = await Promise.all([deliverOutbox(outboxDeps(real)), deliverOutbox(outboxDeps(real, db.another()))]);
    await deliverOutbox(outboxDeps(real));
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    const mail = await db.sandboxMail.findMany({ where: { outboxId: { in: rows.map((r) => r.id) } } });
    expect(mail.map((m) => m.to).sort()).toEqual(["buyer@example.com", "owner@shop.example"]);
    const confirmation = mail.find((m) => m.to === "buyer@example.com")!;
    // In the customer's language (the order was placed in zh-HK), with the order's total.
    expect(confirmation.subject).toBe(`訂單 ${order.orderNo} 已確認`);
    expect(confirmation.text).toContain("HK$");
    expect(mail.find((m) => m.to === "owner@shop.example")!.subject).toBe(
      `New order ${order.orderNo} · ${formatMoney(order.totalMinor, "HKD", "en")}`,
    );
    expect(confirmation.raw).toMatch(/^Message-ID: <[^>]+@shop\.example>$/im);
    expect(confirmation.raw).toContain("X-Shop-Topic: order.paid");
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ type: "order.paid", valid: true });
    const event = JSON.parse(hooks[0]!.body) as { id: string; type: string; data: { order: Record<string, unknown> } };
    expect(event.id).toBe(hooks[0]!.id);
    expect(event.data.order).toMatchObject({
      orderNo: order.orderNo,
      status: "paid",
      total: { minor: order.totalMinor },
    });
    expect(
      (await db.outboxMessage.findMany({ where: { orderId: order.id } })).map((r) => [r.status, r.attempts]),
    ).toEqual([
      ["sent", 1],
      ["sent", 1],
      ["sent", 1],
    ]);
  });

  it("refunds: a partial refund, then the rest (full), each one message; a refused refund alerts the merchant", async () => {
    const { order, payment } = await paidByNotify(1);
    await deliverOutbox(outboxDeps());
    const part = await merchantRefund(orders, {
      paymentId: payment.id,
      amountMinor: 100,
      refundNo: newRefundNo(),
      operator: "owner@shop.example",
    });
    await sendRefund(orders, part.id); // a repeat changes nothing
    const rest = await merchantRefund(orders, {
      paymentId: payment.id,
      amountMinor: payment.amountMinor - 100,
      refundNo: newRefundNo(),
      operator: "owner@shop.example",
    });
    const refunds = await db.outboxMessage.findMany({
      where: { orderId: order.id, topic: "order.refunded" },
      orderBy: { createdAt: "asc" },
    });
    expect(refunds.map((r) => [r.channel, r.payload])).toEqual([
      ["email", { refundId: part.id, amountMinor: 100, refundedMinor: 100, full: false }],
      ["webhook", { refundId: part.id, amountMinor: 100, refundedMinor: 100, full: false }],
      [
        "email",
        { refundId: rest.id, amountMinor: payment.amountMinor - 100, refundedMinor: payment.amountMinor, full: true },
      ],
      [
        "webhook",
        { refundId: rest.id, amountMinor: payment.amountMinor - 100, refundedMinor: payment.amountMinor, full: true },
      ],
    ]);
    // A refund the gateway refuses for good (more than is left): the merchant is told, once.
    const refused = await db.refund.create({
      data: { paymentId: payment.id, refundNo: newRefundNo(), amountMinor: 50, reason: "merchant", operator: "test" },
    });
    await sendRefund(orders, refused.id);
    await sendRefund(orders, refused.id);
    expect((await db.refund.findUniqueOrThrow({ where: { id: refused.id } })).status).toBe("failed");
    const alerts = await db.outboxMessage.findMany({ where: { orderId: order.id, topic: "alert.refund_refused" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.payload).toMatchObject({ refundId: refused.id, amountMinor: 50 });
    expect(String((alerts[0]!.payload as { reason: string }).reason)).toMatch(/refundable|refund/i);
  });

  it("a duplicate payment refunded: the customer and the merchant are told, not as a refund", async () => {
    const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "twice@example.com" });
    // Two attempts open at once (two phones), both paid.
    const first = await startPayment(orders, order, { wallet: "AlipayHK", flow: "website" });
    const second = await startPayment(orders, order, { wallet: "Alipay", flow: "website" });
    const notifies: string[] = [];
    for (const { payment } of [first, second]) {
      const control = await fetch(`${sandbox.apiBase}/control/orders/${payment.partnerOrderNo}`, {
        method: "POST",
        body: JSON.stringify({ outcome: "success", notify: "none" }),
      });
      expect(control.status).toBe(200);
      const gatewayOrder = (await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!;
      notifies.push(signedResponse(sandbox.deps, payResultBody(gatewayOrder, new Date())));
    }
    for (const notify of notifies) {
      const answer = await handleNotify(orders, notify);
      if (answer.refundId) await sendRefund(orders, answer.refundId);
    }
    const rows = await db.outboxMessage.findMany({ where: { orderId: order.id }, orderBy: { dedupeKey: "asc" } });
    expect(rows.map((r) => [r.audience, r.topic])).toEqual([
      ["merchant", "alert.duplicate_refunded"],
      ["merchant", "alert.new_order"],
      ["customer", "order.duplicate_refunded"],
      ["customer", "order.paid"],
      ["webhook", "order.paid"],
    ]);
    expect(rows.find((r) => r.topic === "order.duplicate_refunded")!.payload).toMatchObject({
      amountMinor: order.totalMinor,
    });
  });
});

describe("delivered, retried, never twice", () => {
  it("a send that fails (the server died mid-way, SMTP dropped) is delivered by the next run", async () => {
    const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "a@example.com" });
    await enqueue(db, { topic: "order.paid", orderId: order.id });
    const sent: OutgoingMail[] = [];
    let fail = true;
    const smtp = async (mail: OutgoingMail) => {
      if (fail) throw new Error("Connection closed unexpectedly");
      sent.push(mail);
      return { messageId: mail.messageId, response: "250 OK" };
    };
    const deps = outboxDeps({ mail: { transport: "smtp", from: "s@example.com", merchantEmail: null, smtp } });
    expect(await deliverOutbox(deps)).toMatchObject({ taken: 1, sent: 0, retried: 1 });
    const failed = await db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id } });
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: "SMTP: Connection closed unexpectedly" });
    // Not before its backoff step…
    fail = false;
    expect(await deliverOutbox(deps)).toMatchObject({ taken: 0 });
    // …and then it goes.
    clock = new Date(failed.nextAttemptAt.getTime() + 1);
    expect(await deliverOutbox(deps)).toMatchObject({ taken: 1, sent: 1 });
    expect(sent.map((m) => m.to)).toEqual(["a@example.com"]);

    // A pass that claimed a message and died before sending: its lease runs out, the next sends it.
    const other = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "b@example.com" });
    await enqueue(db, { topic: "order.paid", orderId: other.id });
    await db.outboxMessage.updateMany({
      where: { orderId: other.id },
      data: { attempts: 1, nextAttemptAt: new Date(now().getTime() + 120_000) },
    });
    expect(await deliverOutbox(deps)).toMatchObject({ taken: 0 });
    clock = new Date(now().getTime() + 121_000);
    expect(await deliverOutbox(deps)).toMatchObject({ taken: 1, sent: 1 });
    expect(sent.map((m) => m.to)).toEqual(["a@example.com", "b@example.com"]);
  });

  it("two concurrent passes over 40 messages send each once (SMTP and the mailbox)", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: `c${i}@example.com` });
      await enqueue(db, { topic: "order.paid", orderId: order.id }, { merchant: true, webhook: false });
      ids.push(order.id);
    }
    const sent: string[] = [];
    const smtp = async (mail: OutgoingMail) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      sent.push(mail.headers["X-Shop-Outbox-Id"]!);
      return { messageId: mail.messageId, response: "250 OK" };
    };
    const viaSmtp = (database: OutboxDeps["db"]) =>
      outboxDeps(
        { mail: { transport: "smtp", from: "s@example.com", merchantEmail: "m@example.com", smtp } },
        database,
      );
    const [a, b] = await Promise.all([deliverOutbox(viaSmtp(db)), deliverOutbox(viaSmtp(db.another()))]);
    expect(a.sent + b.sent).toBe(40);
    expect(new Set(sent).size).toBe(40);
    expect(sent).toHaveLength(40);

    // The mailbox: the copy and the mark are one transaction.
    for (const id of ids) await enqueue(db, { topic: "order.shipped", orderId: id });
    await Promise.all([deliverOutbox(outboxDeps()), deliverOutbox(outboxDeps({}, db.another()))]);
    const shipped = await db.outboxMessage.findMany({ where: { topic: "order.shipped", orderId: { in: ids } } });
    expect(shipped.every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
    expect(await db.sandboxMail.count({ where: { outboxId: { in: shipped.map((m) => m.id) } } })).toBe(20);
  });

  it("SMTP refusing: retried with backoff, then failed; the notify's `success` never waits for it", async () => {
    smtpRefusal = { code: 451, text: "Temporary local problem - please try later" };
    const { order, answers } = await paidByNotify(3, "refused@example.com");
    // The notify answered before any mail was tried.
    expect(answers.map((a) => a.body)).toEqual(["success", "success", "success"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
    const deps = outboxDeps({
      mail: { transport: "smtp", from: "Shop <s@example.com>", merchantEmail: null, smtp: smtpSender(smtpUrl) },
      webhook: null,
    });
    const times: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverOutbox(deps);
      // The first pass also takes the merchant's alert and the webhook, which this set-up cannot send (failed at once).
      expect(report.taken, `try ${attempt}`).toBe(attempt === 1 ? 3 : 1);
      const row = await db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id, audience: "customer" } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/^SMTP: .*451/);
      expect(row.recipient).toBe("refused@example.com");
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe("pending");
        times.push(row.nextAttemptAt.getTime() - now().getTime());
        clock = new Date(row.nextAttemptAt.getTime() + 1);
      } else expect(row.status).toBe("failed");
    }
    // 1 min, 5 min, 15 min, 1 h, 3 h, 6 h (give or take the few ms a pass takes).
    times.forEach((gap, i) => expect(Math.abs(gap - RETRY_STEPS_MS[i]!)).toBeLessThan(5_000));
    expect(smtpReceived).toHaveLength(0);

    // Sent again from the back office once SMTP accepts (what "send again" does).
    smtpRefusal = null;
    await db.outboxMessage.updateMany({
      where: { orderId: order.id, audience: "customer" },
      data: { status: "pending", attempts: 0, nextAttemptAt: now() },
    });
    expect(await deliverOutbox(deps)).toMatchObject({ sent: 1 });
    expect(smtpReceived.map((m) => m.to)).toEqual(["refused@example.com"]);
    expect(smtpReceived[0]!.raw).toContain(`Subject: order.paid ${order.orderNo}`);
  });

  it("a webhook answering 500 is tried again with the same event id and a fresh signature", async () => {
    const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "w@example.com" });
    await enqueue(db, { topic: "order.paid", orderId: order.id }, { merchant: false, webhook: true });
    hookStatus = 500;
    const deps = outboxDeps();
    await deliverOutbox(deps); // the customer's mail goes, the webhook waits
    const row = await db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id, channel: "webhook" } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500: busy", recipient: hookUrl });
    hookStatus = 200;
    clock = new Date(row.nextAttemptAt.getTime() + 1);
    await deliverOutbox(deps);
    expect(hooks.map((h) => [h.id, h.valid])).toEqual([
      [row.id, true],
      [row.id, true],
    ]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent" });
    // A tampered body or an old timestamp does not verify.
    expect(verifyWebhook(SECRET, { timestamp: "1", signature: "v1=00" }, hooks[0]!.body)).toBe(false);
  });

  it("with no SMTP set up outside the sandbox, mail is kept as failed (to send once it is) at once", async () => {
    const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "n@example.com" });
    await enqueue(db, { topic: "order.paid", orderId: order.id });
    await deliverOutbox(outboxDeps({ mail: { transport: "none", from: "s@example.com", merchantEmail: null } }));
    expect(await db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringContaining("SMTP_URL is not set"),
    });
  });
});

describe("reconciliation late", () => {
  it("tells the merchant once per stall, and again after the next run stalls", async () => {
    const config = { merchant: true, webhook: false };
    const minute = 60_000;
    await db.jobRun.upsert({
      where: { name: "reconcile" },
      create: { name: "reconcile", startedAt: new Date(), finishedAt: new Date(), report: {}, runs: 1 },
      update: { startedAt: new Date(), finishedAt: new Date(), report: {} },
    });
    const lastRun = (await db.jobRun.findUniqueOrThrow({ where: { name: "reconcile" } })).finishedAt!;
    expect(await reconcileLateAlert(db, config, minute, new Date(lastRun.getTime() + 2 * minute))).toBe(false);
    const late = new Date(lastRun.getTime() + 30 * minute);
    expect(await reconcileLateAlert(db, config, minute, late)).toBe(true);
    expect(await reconcileLateAlert(db, config, minute, new Date(late.getTime() + minute))).toBe(true);
    expect(await reconcileLateAlert(db, { merchant: false, webhook: false }, minute, late)).toBe(false);
    const alerts = await db.outboxMessage.findMany({ where: { topic: "alert.reconcile_late" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.payload).toEqual({ lastRunAt: lastRun.toISOString(), since: lastRun.toISOString() });
    // Rendered and sent like any other (no order).
    await deliverOutbox(outboxDeps({ render: renderEmail }));
    const mail = await db.sandboxMail.findFirstOrThrow({ where: { outboxId: alerts[0]!.id } });
    expect(mail.to).toBe("owner@shop.example");
    expect(mail.subject).toMatch(/reconcil/i);
  });
});

describe("a claim is the pass's own", () => {
  it("a message sent again while an old pass still holds it: the old pass's late answer changes nothing", async () => {
    const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "slow@example.com" });
    await enqueue(db, { topic: "order.paid", orderId: order.id });
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const smtp = async (mail: OutgoingMail) => {
      sent.push(mail.to);
      if (sent.length === 1) await slow; // the first pass hangs in its send…
      return { messageId: mail.messageId, response: "250 OK" };
    };
    const deps = outboxDeps({ mail: { transport: "smtp", from: "s@example.com", merchantEmail: null, smtp } });
    const stuck = deliverOutbox(deps);
    await expect.poll(() => sent.length).toBe(1);
    // …the merchant sends it again (failed → pending, due now), and a second pass sends it.
    await db.outboxMessage.updateMany({
      where: { orderId: order.id },
      data: { status: "failed", lastError: "stuck" },
    });
    await db.outboxMessage.updateMany({
      where: { orderId: order.id },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date() },
    });
    expect(await deliverOutbox(deps)).toMatchObject({ sent: 1 });
    const after = await db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id } });
    release();
    await stuck;
    // The old pass found the row written since its claim: it left it as the second pass did.
    expect(await db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      status: "sent",
      attempts: 1,
      updatedAt: after.updatedAt,
    });
  });

  it("a message that cannot be written (the renderer throws) fails at once, not seven times", async () => {
    const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "r@example.com" });
    await enqueue(db, { topic: "order.paid", orderId: order.id });
    const render = () => {
      throw new Error("missing message key mail.paid.subject");
    };
    expect(await deliverOutbox(outboxDeps({ render }))).toMatchObject({ failed: 1 });
    expect(await db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "could not write the message: missing message key mail.paid.subject",
    });
  });
});
