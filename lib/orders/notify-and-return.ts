// What arrives from ScanForPay and the browser: the signed notify, the unsigned return.
import { createHash } from "node:crypto";
import { hit, type Limit } from "../ratelimit/limiter";
import { ScanForPayError } from "../scanforpay/errors";
import type { OrdersDeps } from "./gateway-wiring";
import { askAboutPayment, RETURN_QUERY_INTERVAL_MS } from "./check";
import { applyPayResult } from "./payments";
import { isSettled } from "./state";

/**
 * `changed`: this message moved the payment (of many duplicates, exactly one does).
 * `refundId`: a second payment of a paid order, to give back: the caller sends it after
 * answering (sendRefund), so that the gateway hears `success` at once.
 */
export type NotifyAnswer = { status: number; body: string; changed: boolean; refundId: string | null };

/** Notifies that fail verification are kept as short excerpts, and only so many of them. */
export const REJECTED_NOTIFY_EXCERPT = 512;
export const REJECTED_NOTIFIES_PER_SOURCE: Limit = { name: "notify-rejected", max: 20, windowMs: 10 * 60_000 };
export const REJECTED_NOTIFIES_IN_ALL: Limit = { name: "notify-rejected-all", max: 200, windowMs: 10 * 60_000 };
export const RETURNS_KEPT_PER_PAYMENT: Limit = { name: "return-kept", max: 20, windowMs: 10 * 60_000 };

/** Text PostgreSQL can store: a NUL (which no genuine message holds) written as \u0000. */
export function storable(text: string): string {
  return text.replace(/\u0000/g, "\\u0000");
}

/** What is kept of a message that proved nothing: its start, its size and its hash. */
export function excerpt(rawText: string): string {
  if (rawText.length <= REJECTED_NOTIFY_EXCERPT) return storable(rawText);
  const sha256 = createHash("sha256").update(rawText).digest("hex");
  return `${storable(rawText.slice(0, REJECTED_NOTIFY_EXCERPT))}… (${Buffer.byteLength(rawText)} bytes in all, sha256 ${sha256})`;
}

/** partnerOrderNo from a message we could not (or may not) trust, only to file its event. */
function claimedPartnerOrderNo(rawText: string): string | undefined {
  try {
    const value = (JSON.parse(rawText) as { response?: { body?: { partnerOrderNo?: unknown } } }).response?.body
      ?.partnerOrderNo;
    return typeof value === "string" && /^[A-Za-z0-9_-]{1,32}$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POST /api/scanforpay/notify. Verifies the signature over the raw text, checks the order
 * number, amount and currency against our payment, applies the result, and records the
 * message: in full when its signature verifies; when it does not (anyone can send one), an
 * excerpt, and at most so many a source and in all per 10 minutes, so forged notifies cannot
 * fill the database. Answers `success` once the result is applied (or already was);
 * anything else makes ScanForPay retry: a bad or unmatched message is never acknowledged,
 * and a failed write of ours is retried by the gateway. `source`: the sender's address.
 */
export async function handleNotify(
  deps: OrdersDeps,
  rawText: string,
  options: { source?: string } = {},
): Promise<NotifyAnswer> {
  let verified: ReturnType<ReturnType<OrdersDeps["gateway"]["client"]>["parseNotify"]> | null = null;
  let problem: string | null = null;
  let signatureValid: boolean | null = null;
  try {
    verified = deps.gateway.client(null).parseNotify(rawText);
    signatureValid = true;
  } catch (error) {
    if (!(error instanceof ScanForPayError)) throw error;
    problem = error.kind === "signature" ? "bad signature" : `malformed: ${error.message}`;
    signatureValid = error.kind === "signature" ? false : null;
  }
  const partnerOrderNo = verified?.result.partnerOrderNo ?? claimedPartnerOrderNo(rawText);
  const payment = partnerOrderNo ? await deps.db.payment.findUnique({ where: { partnerOrderNo } }) : null;
  if (verified && !payment) problem = "unknown order";

  let outcome: Awaited<ReturnType<typeof applyPayResult>> | null = null;
  if (verified && payment && !problem) {
    outcome = await applyPayResult(deps, payment, verified.result, { deferRefund: true });
    if (!outcome.applied) problem = `refused: ${outcome.reason}`;
  }
  // A verified notify is kept whole; one that proved nothing as an excerpt, and only so many.
  const keep = (rawKept: string, note: string | null) =>
    deps.db.paymentEvent.create({
      data: {
        paymentId: payment?.id ?? null,
        kind: "notify",
        direction: "received",
        rawText: rawKept,
        signatureValid,
        note,
      },
    });
  if (verified) {
    await keep(storable(rawText), problem && storable(problem));
  } else {
    // The shared count only for a source still within its own: one forger cannot use it all up.
    const bySource = await hit(deps.db, REJECTED_NOTIFIES_PER_SOURCE, options.source ?? "unknown");
    if (bySource.allowed && (await hit(deps.db, REJECTED_NOTIFIES_IN_ALL, "all")).allowed)
      await keep(excerpt(rawText), problem && storable(problem.slice(0, 500)));
  }
  const changed = Boolean(outcome?.applied && outcome.changed);
  const refundId = outcome?.applied && outcome.changed ? outcome.refundId : null;
  if (problem) return { status: 400, body: problem, changed, refundId };
  return { status: 200, body: "success", changed, refundId };
}

/**
 * The browser's return (unsigned: it proves nothing). Records it, asks the gateway with
 * Pay Query, applies the answer, and says which order page to show. If the query fails
 * the order page simply keeps waiting; reconciliation settles the payment later.
 */
export async function handleReturn(
  deps: OrdersDeps,
  partnerOrderNo: string,
  rawText: string,
): Promise<{
  orderNo: string;
  accessToken: string;
  changed: boolean;
  /** The gateway said "still to be paid" just now: the customer came back without paying. */
  unpaid: boolean;
} | null> {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(partnerOrderNo)) return null;
  const payment = await deps.db.payment.findUnique({ where: { partnerOrderNo }, include: { order: true } });
  if (!payment) return null;
  // Unsigned: anyone holding the partnerOrderNo can send returns. The first few a payment
  // in 10 minutes are kept; the rest are counted in the limiter only.
  if ((await hit(deps.db, RETURNS_KEPT_PER_PAYMENT, payment.id)).allowed) {
    await deps.db.paymentEvent.create({
      data: {
        paymentId: payment.id,
        kind: "browser_return",
        direction: "received",
        rawText: storable(rawText),
        signatureValid: null,
      },
    });
  }
  // Already settled: nothing a query could change here; spare the gateway. Pending: ask,
  // rate-limited per payment (an unsigned return proves nothing and anyone can send one).
  const found = isSettled(payment.status)
    ? "unknown"
    : await askAboutPayment(deps, payment.id, RETURN_QUERY_INTERVAL_MS);
  return {
    orderNo: payment.order.orderNo,
    accessToken: payment.order.accessToken,
    changed: found === "moved",
    unpaid: found === "unpaid",
  };
}
