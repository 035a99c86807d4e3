// What arrives from ScanForPay and the browser: the signed notify, the unsigned return.
import { ScanForPayError } from "../scanforpay/errors";
import type { OrdersDeps } from "./gateway";
import { checkPaymentNow, RETURN_QUERY_INTERVAL_MS } from "./check";
import { applyPayResult } from "./payments";
import { isSettled } from "./state";

/** `changed`: this message moved the payment (of many duplicates, exactly one does). */
export type NotifyAnswer = { status: number; body: string; changed: boolean };

/** partnerOrderNo from a message we could not (or may not) trust, only to file its event. */
function claimedPartnerOrderNo(rawText: string): string | undefined {
  try {
    const value = (JSON.parse(rawText) as { response?: { body?: { partnerOrderNo?: unknown } } }).response?.body?.partnerOrderNo;
    return typeof value === "string" && value.length <= 32 ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POST /api/scanforpay/notify. Verifies the signature over the raw text, checks the order
 * number, amount and currency against our payment, applies the result, and records the
 * message whatever happens. Answers `success` once the result is applied (or already was);
 * anything else makes ScanForPay retry: a bad or unmatched message is never acknowledged,
 * and a failed write of ours is retried by the gateway.
 */
export async function handleNotify(deps: OrdersDeps, rawText: string): Promise<NotifyAnswer> {
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
    outcome = await applyPayResult(deps, payment, verified.result);
    if (!outcome.applied) problem = `refused: ${outcome.reason}`;
  }
  await deps.db.paymentEvent.create({
    data: { paymentId: payment?.id ?? null, kind: "notify", direction: "received", rawText, signatureValid, note: problem },
  });
  const changed = Boolean(outcome?.applied && outcome.changed);
  if (problem) return { status: 400, body: problem, changed };
  return { status: 200, body: "success", changed };
}

/**
 * The browser's return (unsigned: it proves nothing). Records it, asks the gateway with
 * Pay Query, applies the answer, and says which order page to show. If the query fails
 * the order page simply keeps waiting; reconciliation settles the payment later.
 */
export async function handleReturn(deps: OrdersDeps, partnerOrderNo: string, rawText: string): Promise<{ orderNo: string; accessToken: string; changed: boolean } | null> {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(partnerOrderNo)) return null;
  const payment = await deps.db.payment.findUnique({ where: { partnerOrderNo }, include: { order: true } });
  if (!payment) return null;
  await deps.db.paymentEvent.create({ data: { paymentId: payment.id, kind: "browser_return", direction: "received", rawText, signatureValid: null } });
  // Already settled: nothing a query could change here; spare the gateway. Pending: ask,
  // rate-limited per payment (an unsigned return proves nothing and anyone can send one).
  const changed = isSettled(payment.status) ? false : await checkPaymentNow(deps, payment.id, RETURN_QUERY_INTERVAL_MS);
  return { orderNo: payment.order.orderNo, accessToken: payment.order.accessToken, changed };
}
