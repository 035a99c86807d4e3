// The sandbox's webhook receiver (/sandbox/webhook/receive): what a merchant's system would do
// with the shop's webhook, so the whole loop shows with no account. It checks the signature
// exactly as the README tells integrators to (lib/outbox/webhook.ts verifyWebhook) and keeps
// every delivery, valid or not, for /sandbox/webhook to show.
import type { Db } from "../db";
import { verifyWebhook, WEBHOOK_HEADERS } from "../outbox/webhook";

/** An order event is a few kilobytes; anything much larger is not from the shop. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

export type ReceiverAnswer = { status: number; body: { received: boolean; signatureValid?: boolean; error?: string } };

const clip = (value: string | null, max: number) => (value ?? "").slice(0, max);

export async function receiveWebhook(
  db: Db,
  secret: string,
  headers: Headers,
  body: string,
  nowS = Math.floor(Date.now() / 1000),
): Promise<ReceiverAnswer> {
  if (body.length > MAX_WEBHOOK_BYTES) return { status: 413, body: { received: false, error: "body too large" } };
  const eventId = clip(headers.get(WEBHOOK_HEADERS.id), 100);
  const eventType = clip(headers.get(WEBHOOK_HEADERS.type), 40);
  if (!eventId || !eventType)
    return {
      status: 400,
      body: { received: false, error: `${WEBHOOK_HEADERS.id} and ${WEBHOOK_HEADERS.type} headers are required` },
    };
  const signatureValid = verifyWebhook(
    secret,
    { timestamp: headers.get(WEBHOOK_HEADERS.timestamp), signature: headers.get(WEBHOOK_HEADERS.signature) },
    body,
    nowS,
  );
  const kept: Record<string, string> = {};
  for (const name of [...Object.values(WEBHOOK_HEADERS), "content-type", "user-agent"])
    if (headers.get(name) !== null) kept[name] = clip(headers.get(name), 300);
  await db.sandboxWebhook.create({
    data: { eventId, eventType, headers: kept, body: body.replace(/\u0000/g, "\\u0000"), signatureValid },
  });
  // A receiver refuses what it cannot trust; the shop's outbox tries again (and the row shows why).
  return signatureValid
    ? { status: 200, body: { received: true, signatureValid } }
    : { status: 401, body: { received: false, signatureValid, error: "the signature does not verify" } };
}

export function recentWebhooks(db: Db, take = 50) {
  return db.sandboxWebhook.findMany({ orderBy: { createdAt: "desc" }, take });
}
