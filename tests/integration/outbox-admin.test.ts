// The back office's outbox on a real database: the list's filters, an order's messages, the
// dashboard's counts, and "send again" (failed → pending with an audit row, a sent message
// refused, two concurrent clicks applied once).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOrder } from "@/lib/orders/create";
import {
  listMessages,
  messageFiltersSchema,
  messagesForOrder,
  OutboxAdminError,
  outboxHealth,
  OVERDUE_MS,
  resendMessage,
} from "@/lib/outbox/admin";
import { seedCatalog } from "@/prisma/seed-catalog";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
let orderId: string;
let orderNo: string;
const NOW = new Date("2026-12-03T02:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

beforeAll(async () => {
  db = await createTestDb();
  await seedCatalog(db);
  const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "Chan@Example.com" });
  orderId = order.id;
  orderNo = order.orderNo;
});
afterAll(async () => {
  await db?.close();
});

let n = 0;
async function message(fields: {
  status: "pending" | "sent" | "failed";
  topic?: string;
  channel?: "email" | "webhook";
  audience?: "customer" | "merchant" | "webhook";
  recipient?: string | null;
  orderId?: string | null;
  nextAttemptAt?: Date;
  attempts?: number;
  lastError?: string | null;
}) {
  n++;
  return db.outboxMessage.create({
    data: {
      channel: fields.channel ?? "email",
      audience: fields.audience ?? "customer",
      topic: fields.topic ?? "order.paid",
      dedupeKey: `test:${n}:${Math.random()}`,
      orderId: fields.orderId === undefined ? orderId : fields.orderId,
      payload: {},
      status: fields.status,
      attempts: fields.attempts ?? (fields.status === "failed" ? 7 : 0),
      nextAttemptAt: fields.nextAttemptAt ?? NOW,
      lastError: fields.lastError ?? (fields.status === "failed" ? "SMTP 550 mailbox unavailable" : null),
      recipient: fields.recipient === undefined ? "chan@example.com" : fields.recipient,
      sentAt: fields.status === "sent" ? minutesAgo(30) : null,
      createdAt: new Date(NOW.getTime() - 1000 * (1000 - n)),
    },
  });
}

beforeEach(async () => {
  await db.auditLog.deleteMany({ where: { entity: "outbox_message" } });
  await db.outboxMessage.deleteMany();
});

describe("listMessages", () => {
  it("filters by status (overdue too), channel, topic, recipient and order number; newest first", async () => {
    const sent = await message({ status: "sent" });
    const failed = await message({
      status: "failed",
      topic: "alert.new_order",
      audience: "merchant",
      recipient: "boss@shop.example",
    });
    const due = await message({ status: "pending", nextAttemptAt: minutesAgo(2) });
    const overdue = await message({ status: "pending", nextAttemptAt: minutesAgo(11), recipient: null });
    const hook = await message({
      status: "failed",
      channel: "webhook",
      audience: "webhook",
      recipient: "https://erp.example.com/hooks",
      orderId: null,
    });
    const ids = async (raw: Record<string, string>) =>
      (await listMessages(db, messageFiltersSchema.parse(raw), NOW)).rows.map((r) => r.id);

    expect(await ids({})).toEqual([hook.id, overdue.id, due.id, failed.id, sent.id]);
    expect(await ids({ status: "failed" })).toEqual([hook.id, failed.id]);
    expect(await ids({ status: "pending" })).toEqual([overdue.id, due.id]);
    expect(await ids({ status: "overdue" })).toEqual([overdue.id]);
    expect(await ids({ status: "sent" })).toEqual([sent.id]);
    expect(await ids({ channel: "webhook" })).toEqual([hook.id]);
    expect(await ids({ topic: "alert.new_order" })).toEqual([failed.id]);
    expect(await ids({ q: "BOSS@" })).toEqual([failed.id]);
    expect(await ids({ q: "erp.example" })).toEqual([hook.id]);
    // Not tried yet (no recipient stored): found by the order's email.
    expect(await ids({ q: "chan@example" })).toEqual([overdue.id, due.id, sent.id]);
    expect(await ids({ q: orderNo.toLowerCase() })).toEqual([overdue.id, due.id, failed.id, sent.id]);
    // Junk filters are ignored, not errors.
    expect(await ids({ status: "nope", channel: "__proto__", topic: "x", page: "-1" })).toHaveLength(5);

    const rows = (await listMessages(db, messageFiltersSchema.parse({}), NOW)).rows;
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row(overdue.id)).toMatchObject({ overdue: true, canResend: true, shownRecipient: "chan@example.com" });
    expect(row(due.id)).toMatchObject({ overdue: false, canResend: false });
    expect(row(failed.id)).toMatchObject({ canResend: true, order: { orderNo } });
    expect(row(sent.id)).toMatchObject({ canResend: false });
    expect(row(hook.id).order).toBeNull();
  });

  it("pages", async () => {
    for (let i = 0; i < 33; i++) await message({ status: "sent" });
    const first = await listMessages(db, messageFiltersSchema.parse({}), NOW);
    const second = await listMessages(db, messageFiltersSchema.parse({ page: "2" }), NOW);
    expect(first).toMatchObject({ count: 33, pages: 2 });
    expect(first.rows).toHaveLength(30);
    expect(second.rows).toHaveLength(3);
  });

  it("messagesForOrder: the order's own, oldest first; outboxHealth counts failed and overdue", async () => {
    const a = await message({ status: "sent" });
    const b = await message({ status: "failed" });
    await message({ status: "failed", orderId: null, topic: "alert.reconcile_late", audience: "merchant" });
    await message({ status: "pending", nextAttemptAt: minutesAgo(OVERDUE_MS / 60_000 + 1) });
    await message({ status: "pending", nextAttemptAt: minutesAgo(1) });
    const mine = await messagesForOrder(db, orderId, NOW);
    expect(mine.slice(0, 2).map((m) => m.id)).toEqual([a.id, b.id]);
    expect(mine).toHaveLength(4);
    expect(await outboxHealth(db, NOW)).toEqual({ failed: 2, overdue: 1 });
  });
});

describe("resendMessage", () => {
  it("failed → pending, attempts 0, due now, the last error kept, and an audit row in the same transaction", async () => {
    const failed = await message({ status: "failed" });
    const updated = await resendMessage(db, failed.id, "admin@example.com", NOW);
    expect(updated).toMatchObject({
      status: "pending",
      attempts: 0,
      nextAttemptAt: NOW,
      lastError: "SMTP 550 mailbox unavailable",
    });
    const audit = await db.auditLog.findMany({ where: { entity: "outbox_message", entityId: failed.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: "admin@example.com",
      action: "resend",
      changes: { status: { from: "failed", to: "pending" }, attempts: { from: 7, to: 0 } },
    });
  });

  it("an overdue pending message may be sent again; one due recently is refused", async () => {
    const overdue = await message({ status: "pending", nextAttemptAt: minutesAgo(30), attempts: 2 });
    expect(await resendMessage(db, overdue.id, "admin@example.com", NOW)).toMatchObject({
      status: "pending",
      attempts: 0,
    });
    const due = await message({ status: "pending", nextAttemptAt: minutesAgo(3), attempts: 1 });
    await expect(resendMessage(db, due.id, "admin@example.com", NOW)).rejects.toMatchObject({ status: 409 });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({ attempts: 1 });
  });

  it("a sent message is refused with a clear message and nothing changes", async () => {
    const sent = await message({ status: "sent" });
    const error = await resendMessage(db, sent.id, "admin@example.com", NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboxAdminError);
    expect(error).toMatchObject({ status: 409, message: expect.stringContaining("already sent") });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: "sent" });
    expect(await db.auditLog.count({ where: { entity: "outbox_message" } })).toBe(0);
  });

  it("an unknown or malformed id is a 404", async () => {
    for (const id of ["nope0000000000000000000000", "", "x'; DROP TABLE", "a".repeat(300)])
      await expect(resendMessage(db, id, "admin@example.com", NOW)).rejects.toMatchObject({ status: 404 });
  });

  it("two concurrent clicks (two app instances) apply once, with one audit row", async () => {
    const failed = await message({ status: "failed" });
    const other = db.another();
    const results = await Promise.allSettled([
      resendMessage(db, failed.id, "a@example.com", NOW),
      resendMessage(other, failed.id, "b@example.com", NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(OutboxAdminError);
    expect(refused.reason).toMatchObject({ status: 409 });
    expect(await db.auditLog.count({ where: { entity: "outbox_message", entityId: failed.id } })).toBe(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "pending",
      attempts: 0,
    });
  });
});
