// The outbound webhook for the merchant's systems: signed JSON, one POST per outbox message.
// Signature: HMAC-SHA256 with ORDER_WEBHOOK_SECRET over `${timestamp}.${body}` (hex), sent as
// `X-Shop-Signature: v1=<hex>` with `X-Shop-Timestamp` (Unix seconds) and `X-Shop-Event-Id`
// (the same on every retry of an event: the receiver's idempotency key).
import { createHmac } from "node:crypto";
import { safeEqual } from "../safe-equal";

export const WEBHOOK_HEADERS = {
  id: "x-shop-event-id",
  type: "x-shop-event-type",
  timestamp: "x-shop-timestamp",
  signature: "x-shop-signature",
} as const;

/** How old a delivery's timestamp may be before a receiver should refuse it (replay). */
export const WEBHOOK_TOLERANCE_S = 300;

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver checks (the sandbox's receiver does exactly this): the signature, and a recent timestamp. */
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | null; signature: string | null },
  body: string,
  nowS = Math.floor(Date.now() / 1000),
): boolean {
  if (!headers.timestamp || !headers.signature || !/^\d{1,12}$/.test(headers.timestamp)) return false;
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowS - timestamp) > WEBHOOK_TOLERANCE_S) return false;
  return safeEqual(webhookSignature(secret, timestamp, body), headers.signature);
}

export type WebhookDelivery = { status: number; answer: string };

/** POSTs one event; answers the receiver's status (a 2xx is delivered, anything else is tried again). */
export async function postWebhook(
  target: { url: string; secret: string },
  event: { id: string; type: string; body: string },
  options: { timeoutMs?: number; now?: Date } = {},
): Promise<WebhookDelivery> {
  const timestamp = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const response = await fetch(target.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "ScanForPay-Storefront-Webhook/1",
      [WEBHOOK_HEADERS.id]: event.id,
      [WEBHOOK_HEADERS.type]: event.type,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: webhookSignature(target.secret, timestamp, event.body),
    },
    body: event.body,
    redirect: "manual",
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const answer = (await response.text().catch(() => "")).slice(0, 300);
  return { status: response.status, answer };
}
