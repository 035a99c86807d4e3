// Delivering the outbox: one bounded pass (lib/jobs/pass.ts) that claims due messages one at a
// time in the database (FOR UPDATE SKIP LOCKED, then a lease), writes each (the email rendered
// from the order as it stands, or the webhook's JSON), sends it, and writes down how it went.
// Any number of passes at once (a cron, the request that caused a message, a timer) never take
// the same message; a pass that dies mid-send leaves its claim to expire and a later pass sends
// it. A refused send is tried again with backoff (lib/outbox/topics.ts RETRY_STEPS_MS), then
// marked failed for the back office to send again.
//
// In the sandbox mailbox the mail and the "sent" mark are one transaction: a message is there
// exactly once. Over SMTP (or a webhook) a pass that dies between the send and the mark sends
// it again later, with the same Message-ID (the same event id): a receiver can drop the repeat.
import type { Db } from "../db";
import type { OutboxMessage } from "../generated/prisma/client";
import { runPass, type PassLimits } from "../jobs/pass";
import type { EmailModel, RenderedEmail } from "../mail/model";
import { composeRaw, type OutgoingMail, type SmtpSend } from "../mail/transport";
import { emailModel, webhookBody, type ContentContext, type OrderWithItems } from "./content";
import { OUTBOX_DUE, OUTBOX_FAILED, OUTBOX_SENT } from "./state";
import { CLAIM_LEASE_MS, nextTryAt } from "./topics";
import { postWebhook } from "./webhook";

export type OutboxDeps = {
  db: Db;
  now(): Date;
  /** Scales the retry delays (1 = the real schedule; tests use less). */
  delayScale: number;
  context: ContentContext;
  mail: {
    /** smtp: `smtp` sends; sandbox: the /sandbox/mail mailbox; none: kept as failed until SMTP is set up. */
    transport: "smtp" | "sandbox" | "none";
    from: string;
    merchantEmail: string | null;
    smtp?: SmtpSend;
  };
  webhook: { url: string; secret: string } | null;
  render(model: EmailModel): RenderedEmail;
  /** The webhook's POST (tests replace it to fail one). */
  post?: typeof postWebhook;
};

export type OutboxReport = {
  taken: number;
  sent: number;
  retried: number;
  failed: number;
  /** Due messages this pass did not reach. */
  left: number;
  outOfTime: boolean;
  elapsedMs: number;
};

export const OUTBOX_DEFAULTS: PassLimits = { budgetMs: 10_000, concurrency: 4, limit: 200 };

/** A claim: the row as this pass took it. Any later write (another pass, "send again") changes updatedAt. */
type Claimed = { id: string; attempts: number; updatedAt: Date };

/** Takes the next due message: its try is counted and others leave it alone for the lease. */
async function claimNext(deps: OutboxDeps): Promise<Claimed | null> {
  const now = deps.now();
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await deps.db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "nextAttemptAt" = ${lease}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" = (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = ${OUTBOX_DUE}::"OutboxStatus" AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" ASC
      LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "id", "attempts", "updatedAt"`;
  return rows[0] ?? null;
}

/** A problem that no retry can fix (nothing to send it with, nothing to say): failed at once. */
class Permanent extends Error {}

function shortError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").slice(0, 500);
}

/** This try's claim, still ours: pending, and not written since we took it. */
const ours = (claimed: Claimed) => ({ id: claimed.id, status: OUTBOX_DUE, updatedAt: claimed.updatedAt });

async function markSent(deps: OutboxDeps, claimed: Claimed, recipient: string, subject: string | null) {
  await deps.db.outboxMessage.updateMany({
    where: ours(claimed),
    data: { status: OUTBOX_SENT, sentAt: deps.now(), recipient: recipient.slice(0, 500), subject, lastError: null },
  });
}

/** Answers what happened to the try: due again later, or given up (failed for good). */
async function markFailed(
  deps: OutboxDeps,
  claimed: Claimed,
  error: unknown,
  recipient: string | null,
): Promise<"retried" | "gaveUp"> {
  const next = error instanceof Permanent ? null : nextTryAt(claimed.attempts, deps.now(), deps.delayScale);
  await deps.db.outboxMessage.updateMany({
    where: ours(claimed),
    data: {
      lastError: shortError(error),
      ...(recipient ? { recipient: recipient.slice(0, 500) } : {}),
      ...(next ? { nextAttemptAt: next } : { status: OUTBOX_FAILED }),
    },
  });
  return next ? "retried" : "gaveUp";
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || "shop.invalid";
  } catch {
    return "shop.invalid";
  }
}

async function sendEmail(deps: OutboxDeps, message: OutboxMessage, order: OrderWithItems | null, claimed: Claimed) {
  const to = message.audience === "customer" ? (order?.email ?? null) : deps.mail.merchantEmail;
  if (!to)
    throw new Permanent(message.audience === "customer" ? "its order no longer exists" : "MERCHANT_EMAIL is not set");
  if (deps.mail.transport === "none")
    throw new Permanent("not sent: SMTP_URL is not set (set SMTP_URL and MAIL_FROM, then send it again)");
  const model = emailModel(message, order, deps.context);
  if ("problem" in model) throw new Permanent(model.problem);
  let rendered: RenderedEmail;
  try {
    rendered = deps.render(model);
  } catch (error) {
    // The same order renders the same way next time: no retry fixes it.
    throw new Permanent(`could not write the message: ${shortError(error)}`);
  }
  const mail: OutgoingMail = {
    from: deps.mail.from,
    to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: `<${message.id}@${hostOf(deps.context.appUrl)}>`,
    headers: { "X-Shop-Outbox-Id": message.id, "X-Shop-Topic": message.topic },
  };
  if (deps.mail.transport === "sandbox") {
    const raw = await composeRaw(mail);
    // The mailbox's copy and the "sent" mark commit together, or neither does.
    await deps.db.$transaction(async (tx) => {
      const marked = await tx.outboxMessage.updateMany({
        where: ours(claimed),
        data: {
          status: OUTBOX_SENT,
          sentAt: deps.now(),
          recipient: to,
          subject: rendered.subject.slice(0, 300),
          lastError: null,
        },
      });
      if (marked.count === 0) return;
      await tx.sandboxMail.create({
        data: {
          messageId: mail.messageId,
          from: mail.from,
          to,
          subject: rendered.subject.slice(0, 300),
          html: rendered.html,
          text: rendered.text,
          raw,
          outboxId: message.id,
        },
      });
    });
    return;
  }
  if (!deps.mail.smtp) throw new Permanent("no SMTP sender configured");
  try {
    await deps.mail.smtp(mail);
  } catch (error) {
    throw Object.assign(new Error(`SMTP: ${shortError(error)}`), { recipient: to });
  }
  await markSent(deps, claimed, to, rendered.subject.slice(0, 300));
}

/** Where a webhook went, as stored and shown: no user, password or query (they may carry a token). */
export function shownWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "ORDER_WEBHOOK_URL";
  }
}

async function sendWebhook(deps: OutboxDeps, message: OutboxMessage, order: OrderWithItems | null, claimed: Claimed) {
  if (!deps.webhook) throw new Permanent("ORDER_WEBHOOK_URL is not set");
  const body = webhookBody(message, order);
  const answer = await (deps.post ?? postWebhook)(
    deps.webhook,
    { id: message.id, type: message.topic, body },
    {
      now: deps.now(),
    },
  );
  if (answer.status < 200 || answer.status > 299)
    throw Object.assign(new Error(`HTTP ${answer.status}${answer.answer ? `: ${answer.answer}` : ""}`), {
      recipient: shownWebhookUrl(deps.webhook.url),
    });
  await markSent(deps, claimed, shownWebhookUrl(deps.webhook.url), `HTTP ${answer.status}`);
}

/** Sends one claimed message and writes down the outcome. */
async function deliverOne(deps: OutboxDeps, claimed: Claimed): Promise<"sent" | "retried" | "gaveUp"> {
  const message = await deps.db.outboxMessage.findUnique({ where: { id: claimed.id } });
  if (!message) return "gaveUp";
  try {
    const order = message.orderId
      ? await deps.db.order.findUnique({ where: { id: message.orderId }, include: { items: true } })
      : null;
    if (message.channel === "email") await sendEmail(deps, message, order, claimed);
    else await sendWebhook(deps, message, order, claimed);
    return "sent";
  } catch (error) {
    const recipient =
      error && typeof error === "object" && "recipient" in error && typeof error.recipient === "string"
        ? error.recipient
        : null;
    return markFailed(deps, claimed, error, recipient);
  }
}

/** One bounded pass over the due messages. */
export async function deliverOutbox(deps: OutboxDeps, limits: Partial<PassLimits> = {}): Promise<OutboxReport> {
  const counts = { sent: 0, retried: 0, gaveUp: 0 };
  const pass = await runPass(
    { ...OUTBOX_DEFAULTS, ...limits },
    () => claimNext(deps),
    async (claimed) => {
      counts[await deliverOne(deps, claimed)]++;
    },
    (error) => console.error(`[outbox] ${shortError(error)}`),
  );
  const left = await deps.db.outboxMessage.count({ where: { status: OUTBOX_DUE, nextAttemptAt: { lte: deps.now() } } });
  return {
    taken: pass.taken,
    sent: counts.sent,
    retried: counts.retried,
    failed: counts.gaveUp,
    left,
    outOfTime: pass.outOfTime,
    elapsedMs: pass.elapsedMs,
  };
}
