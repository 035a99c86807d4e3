// The back office's view of the outbox: the list with its filters, an order's messages, and
// "send again" for a message that failed (or that has waited far past its time): a
// conditional update and its AuditLog row in one transaction, so two clicks (or two admins)
// put it back in the queue once, and a message already sent is never sent twice.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { OutboxStatus } from "../generated/prisma/enums";
import type { Db } from "../db";
import { MESSAGE_TOPICS, type MessageTopic } from "./topics";

export const MESSAGES_PAGE_SIZE = 30;

/** A pending message this long past its time is overdue: no delivery pass has run (dashboard warning, "send again"). */
export const OVERDUE_MS = 10 * 60_000;

export { MESSAGE_TOPICS };

/** What each topic is, for a person (the back office and the sandbox mailbox are English). */
export const TOPIC_LABELS: Readonly<Record<MessageTopic, string>> = {
  "order.paid": "Order confirmed",
  "order.shipped": "Order shipped",
  "order.refunded": "Refund",
  "order.duplicate_refunded": "Paid twice, one refunded",
  "alert.new_order": "Alert: new order",
  "alert.duplicate_refunded": "Alert: duplicate refunded",
  "alert.refund_refused": "Alert: refund refused",
  "alert.reconcile_late": "Alert: reconciliation late",
};

/** The label of a stored topic; the topic itself for one this build does not know. */
export function topicLabel(topic: string): string {
  return (TOPIC_LABELS as Record<string, string>)[topic] ?? topic;
}

/** The status filter: the stored statuses, and "overdue" (pending, past its time by OVERDUE_MS). */
export const MESSAGE_STATUS_FILTERS = ["pending", "overdue", "sent", "failed"] as const;

export const messageFiltersSchema = z.object({
  status: z.enum(MESSAGE_STATUS_FILTERS).optional().catch(undefined),
  channel: z.enum(["email", "webhook"]).optional().catch(undefined),
  topic: z.enum(MESSAGE_TOPICS).optional().catch(undefined),
  /** A recipient (part of an address or URL) or an order number. */
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type MessageFilters = z.infer<typeof messageFiltersSchema>;

export function messageWhere(f: MessageFilters, now = new Date()): Prisma.OutboxMessageWhereInput {
  const and: Prisma.OutboxMessageWhereInput[] = [];
  if (f.status === "overdue")
    and.push({ status: OutboxStatus.pending, nextAttemptAt: { lt: new Date(now.getTime() - OVERDUE_MS) } });
  else if (f.status) and.push({ status: f.status });
  if (f.channel) and.push({ channel: f.channel });
  if (f.topic) and.push({ topic: f.topic });
  if (f.q) {
    const q = f.q;
    and.push({
      OR: [
        { recipient: { contains: q, mode: "insensitive" } },
        // Not tried yet: no recipient stored, the customer's own address is the order's.
        { recipient: null, audience: "customer", order: { email: { contains: q, mode: "insensitive" } } },
        { order: { orderNo: q.toUpperCase() } },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

const listSelect = {
  id: true,
  channel: true,
  audience: true,
  topic: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  recipient: true,
  subject: true,
  sentAt: true,
  createdAt: true,
  order: { select: { orderNo: true, email: true } },
} satisfies Prisma.OutboxMessageSelect;

type Selected = Prisma.OutboxMessageGetPayload<{ select: typeof listSelect }>;

export type MessageRow = Selected & {
  /** Pending and past its time by more than OVERDUE_MS. */
  overdue: boolean;
  /** "Send again" applies: failed, or overdue. */
  canResend: boolean;
  /** Where it goes: the stored recipient, else the customer's address for the customer's mail. */
  shownRecipient: string | null;
};

function isOverdue(m: Pick<Selected, "status" | "nextAttemptAt">, now: Date): boolean {
  return m.status === OutboxStatus.pending && m.nextAttemptAt.getTime() < now.getTime() - OVERDUE_MS;
}

function toRow(m: Selected, now: Date): MessageRow {
  const overdue = isOverdue(m, now);
  return {
    ...m,
    overdue,
    canResend: m.status === OutboxStatus.failed || overdue,
    shownRecipient: m.recipient ?? (m.audience === "customer" ? (m.order?.email ?? null) : null),
  };
}

/** The outbox, newest first, filtered and paged. */
export async function listMessages(db: Db, filters: MessageFilters, now = new Date()) {
  const where = messageWhere(filters, now);
  const [rows, count] = await Promise.all([
    db.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * MESSAGES_PAGE_SIZE,
      take: MESSAGES_PAGE_SIZE,
      select: listSelect,
    }),
    db.outboxMessage.count({ where }),
  ]);
  return {
    rows: rows.map((m) => toRow(m, now)),
    count,
    pages: Math.max(1, Math.ceil(count / MESSAGES_PAGE_SIZE)),
  };
}

/** One order's messages, oldest first (the order page's block). */
export async function messagesForOrder(db: Db, orderId: string, now = new Date()): Promise<MessageRow[]> {
  const rows = await db.outboxMessage.findMany({
    where: { orderId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: listSelect,
    take: 100,
  });
  return rows.map((m) => toRow(m, now));
}

/** What needs the merchant: failed messages, and pending ones no delivery pass has picked up. */
export async function outboxHealth(db: Db, now = new Date()): Promise<{ failed: number; overdue: number }> {
  const [failed, overdue] = await Promise.all([
    db.outboxMessage.count({ where: { status: OutboxStatus.failed } }),
    db.outboxMessage.count({
      where: { status: OutboxStatus.pending, nextAttemptAt: { lt: new Date(now.getTime() - OVERDUE_MS) } },
    }),
  ]);
  return { failed, overdue };
}

export class OutboxAdminError extends Error {
  override name = "OutboxAdminError";
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

const ID = /^[a-z0-9]{1,40}$/i;

/**
 * Puts a failed (or overdue) message back in the queue: pending, attempts 0, due now; its
 * last error is kept for the record. Refuses a message that was sent, and one already queued
 * (a second click, another admin): the update is conditional, so it applies once.
 */
export async function resendMessage(db: Db, id: string, actor: string, now = new Date()) {
  if (!ID.test(id)) throw new OutboxAdminError(404, "No such message.");
  return db.$transaction(async (tx) => {
    const before = await tx.outboxMessage.findUnique({ where: { id } });
    if (!before) throw new OutboxAdminError(404, "No such message.");
    if (before.status === OutboxStatus.sent)
      throw new OutboxAdminError(409, "This message was already sent: it is never sent twice.");
    const changed = await tx.outboxMessage.updateMany({
      where: {
        id,
        OR: [
          { status: OutboxStatus.failed },
          { status: OutboxStatus.pending, nextAttemptAt: { lt: new Date(now.getTime() - OVERDUE_MS) } },
        ],
      },
      data: { status: OutboxStatus.pending, attempts: 0, nextAttemptAt: now },
    });
    if (changed.count === 0)
      throw new OutboxAdminError(409, "This message is already queued to be sent: nothing was changed.");
    await tx.auditLog.create({
      data: {
        actor,
        action: "resend",
        entity: "outbox_message",
        entityId: id,
        changes: {
          status: { from: before.status, to: OutboxStatus.pending },
          attempts: { from: before.attempts, to: 0 },
          nextAttemptAt: { from: before.nextAttemptAt.toISOString(), to: now.toISOString() },
        },
      },
    });
    return tx.outboxMessage.findUniqueOrThrow({ where: { id } });
  });
}
