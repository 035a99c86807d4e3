// What each event writes to the outbox (pure): one row per audience it concerns, each with a
// key that makes it at most once per event however often the event is seen (50 duplicate
// notifies move an order once, and would write the same keys even if they did not).
import type { OutboxAudience, OutboxChannel } from "../generated/prisma/enums";

/** Events that concern an order's customer (and, for some, the merchant and the webhook). */
export type OrderEvent =
  | { topic: "order.paid"; orderId: string }
  | { topic: "order.shipped"; orderId: string }
  | {
      topic: "order.refunded";
      orderId: string;
      refundId: string;
      amountMinor: number;
      /** The payment's refunded total with this refund. */
      refundedMinor: number;
      full: boolean;
    }
  | { topic: "order.duplicate_refunded"; orderId: string; refundId: string; amountMinor: number }
  | { topic: "refund.refused"; orderId: string; refundId: string; amountMinor: number; reason: string }
  | { topic: "reconcile.late"; lastRunAt: string | null; since: string };

export type Topic = OrderEvent["topic"];

/** What the app is set up to send besides the customer's own mail. */
export type OutboxConfig = {
  /** Merchant alerts go to MERCHANT_EMAIL (or the sandbox's merchant address): on or off. */
  merchant: boolean;
  /** ORDER_WEBHOOK_URL is set. */
  webhook: boolean;
};

/** The message topics as stored (OutboxMessage.topic): the customer's mail, the merchant's alerts, the webhook's event types. */
export const MESSAGE_TOPICS = [
  "order.paid",
  "order.shipped",
  "order.refunded",
  "order.duplicate_refunded",
  "alert.new_order",
  "alert.duplicate_refunded",
  "alert.refund_refused",
  "alert.reconcile_late",
] as const;
export type MessageTopic = (typeof MESSAGE_TOPICS)[number];

/** A stored topic this build knows. */
export function isMessageTopic(topic: string): topic is MessageTopic {
  return (MESSAGE_TOPICS as readonly string[]).includes(topic);
}

export type PlannedMessage = {
  channel: OutboxChannel;
  audience: OutboxAudience;
  topic: MessageTopic;
  dedupeKey: string;
  orderId: string | null;
  payload: Record<string, string | number | boolean | null>;
};

/** The rows an event writes, given what is configured. */
export function plan(event: OrderEvent, config: OutboxConfig): PlannedMessage[] {
  const out: PlannedMessage[] = [];
  const add = (
    channel: OutboxChannel,
    audience: OutboxAudience,
    topic: MessageTopic,
    key: string,
    orderId: string | null,
    payload: PlannedMessage["payload"],
  ) => out.push({ channel, audience, topic, dedupeKey: `${topic}:${key}:${audience}`, orderId, payload });
  switch (event.topic) {
    case "order.paid":
      add("email", "customer", "order.paid", event.orderId, event.orderId, {});
      if (config.merchant) add("email", "merchant", "alert.new_order", event.orderId, event.orderId, {});
      if (config.webhook) add("webhook", "webhook", "order.paid", event.orderId, event.orderId, {});
      break;
    case "order.shipped":
      add("email", "customer", "order.shipped", event.orderId, event.orderId, {});
      if (config.webhook) add("webhook", "webhook", "order.shipped", event.orderId, event.orderId, {});
      break;
    case "order.refunded": {
      const facts = {
        refundId: event.refundId,
        amountMinor: event.amountMinor,
        refundedMinor: event.refundedMinor,
        full: event.full,
      };
      add("email", "customer", "order.refunded", event.refundId, event.orderId, facts);
      if (config.webhook) add("webhook", "webhook", "order.refunded", event.refundId, event.orderId, facts);
      break;
    }
    case "order.duplicate_refunded": {
      const facts = { refundId: event.refundId, amountMinor: event.amountMinor };
      add("email", "customer", "order.duplicate_refunded", event.refundId, event.orderId, facts);
      if (config.merchant) add("email", "merchant", "alert.duplicate_refunded", event.refundId, event.orderId, facts);
      break;
    }
    case "refund.refused":
      if (config.merchant)
        add("email", "merchant", "alert.refund_refused", event.refundId, event.orderId, {
          refundId: event.refundId,
          amountMinor: event.amountMinor,
          reason: event.reason.slice(0, 500),
        });
      break;
    case "reconcile.late":
      // One alert per stall: the key is the last run it has been waiting since.
      if (config.merchant)
        add("email", "merchant", "alert.reconcile_late", event.lastRunAt ?? "never", null, {
          lastRunAt: event.lastRunAt,
          since: event.since,
        });
      break;
  }
  return out;
}

/** Delays between tries of a message (ms): 1 min, 5 min, 15 min, 1 h, 3 h, 6 h; then it has failed. */
export const RETRY_STEPS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000, 6 * 60 * 60_000];
export const MAX_ATTEMPTS = RETRY_STEPS_MS.length + 1;

/** When a message that failed its `attempts`-th try is due again, or null: it has failed for good. */
export function nextTryAt(attempts: number, now: Date, scale = 1): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const step = RETRY_STEPS_MS[Math.min(Math.max(attempts - 1, 0), RETRY_STEPS_MS.length - 1)]!;
  return new Date(now.getTime() + Math.round(step * scale));
}

/** How long a claimed message is left alone by other passes (a sender that died frees it then). */
export const CLAIM_LEASE_MS = 2 * 60_000;
