// Settling on demand: between reconciliation passes (on Vercel's Hobby plan they run once a
// day), the requests that care about one payment ask the gateway about that payment: the
// browser's return, the customer's status polling, the merchant opening the order. Each
// query is rate-limited per payment through one conditional update, whoever asks, so no
// client can drive the merchant's gateway traffic.
import { ScanForPayError } from "../scanforpay/errors";
import type { HeldExchange, OrdersDeps } from "./gateway-wiring";
import { applyPayResult, mismatch } from "./payments";
import { AWAITING_GATEWAY, gatewayStatusMoves, isAwaitingPayment, type OrderStatus } from "./state";

/** Status polling (every few seconds from an open order or QR page) asks at most this often. */
export const POLL_QUERY_INTERVAL_MS = 10_000;
/** The browser's return (unsigned: anyone can send one) asks at most this often. */
export const RETURN_QUERY_INTERVAL_MS = 10_000;
/** The merchant opening an order in the back office asks at most this often. */
export const ADMIN_QUERY_INTERVAL_MS = 3_000;
/** A customer or merchant is waiting: an on-demand query gives up after this long. */
export const ON_DEMAND_TIMEOUT_MS = 5_000;

/**
 * Pay Query for one payment if it is pending and nobody asked within `minIntervalMs`;
 * applies the answer through the state machine. Resolves to whether it moved the payment.
 * A failed query changes nothing: reconciliation asks again later.
 */
export async function checkPaymentNow(deps: OrdersDeps, paymentId: string, minIntervalMs: number): Promise<boolean> {
  return (await askAboutPayment(deps, paymentId, minIntervalMs)) === "moved";
}

/**
 * What an on-demand query found: `moved` (the answer changed the payment), `unpaid` (the
 * gateway says it is still to be paid), `unknown` (not asked, as someone just did; no answer;
 * or an answer that changed nothing).
 */
export type CheckOutcome = "moved" | "unpaid" | "unknown";

export async function askAboutPayment(
  deps: OrdersDeps,
  paymentId: string,
  minIntervalMs: number,
): Promise<CheckOutcome> {
  const now = deps.gateway.now();
  const claimed = await deps.db.payment.updateMany({
    where: {
      id: paymentId,
      status: AWAITING_GATEWAY,
      OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lte: new Date(now.getTime() - minIntervalMs) } }],
    },
    data: { lastCheckedAt: now },
  });
  if (claimed.count === 0) return "unknown";
  const payment = await deps.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const signal = AbortSignal.timeout(ON_DEMAND_TIMEOUT_MS);
  // Kept as events unless the answer is a quiet "still unpaid" (then a count on the payment).
  const held: HeldExchange[] = [];
  try {
    const result = await deps.gateway
      .client(payment.id, { signal, hold: held })
      .payQuery({ partnerOrderNo: payment.partnerOrderNo });
    if (!gatewayStatusMoves(result.status) && mismatch(payment, result) === null) {
      // The answer that said "still unpaid" is a count; tries that failed before it are kept.
      await deps.gateway.keep(payment.id, held.slice(0, -2));
      await deps.db.payment.updateMany({ where: { id: payment.id }, data: { quietQueries: { increment: 1 } } });
      return "unpaid";
    }
    await deps.gateway.keep(payment.id, held.splice(0));
    const outcome = await applyPayResult(deps, payment, result, { signal });
    if (!outcome.applied) {
      await keepNotApplied(deps, payment.id, outcome.reason);
    }
    return outcome.applied && outcome.changed ? "moved" : "unknown";
  } catch (error) {
    await deps.gateway.keep(payment.id, held);
    if (error instanceof ScanForPayError) return "unknown";
    throw error;
  }
}

/** A verified query answer that did not describe the payment (order number, amount, currency): kept as why. */
export async function keepNotApplied(deps: OrdersDeps, paymentId: string, reason: string): Promise<void> {
  await deps.db.paymentEvent.create({
    data: { paymentId, kind: "query", direction: "received", rawText: "(not applied)", note: reason },
  });
}

/** Asks about an unpaid order's pending attempts (the latest few), each rate-limited. */
export async function checkOrderNow(deps: OrdersDeps, orderId: string, minIntervalMs: number): Promise<boolean> {
  const pending = await deps.db.payment.findMany({
    where: { orderId, status: AWAITING_GATEWAY },
    orderBy: { createdAt: "desc" },
    take: 3,
    select: { id: true },
  });
  const moved = await Promise.all(pending.map(({ id }) => checkPaymentNow(deps, id, minIntervalMs)));
  return moved.some(Boolean);
}

/** An order's status for the customer's polling: asked about first while it is pending. */
export async function refreshedStatus(
  deps: OrdersDeps,
  order: { id: string; status: OrderStatus },
): Promise<OrderStatus> {
  if (!isAwaitingPayment(order.status)) return order.status;
  if (!(await checkOrderNow(deps, order.id, POLL_QUERY_INTERVAL_MS))) return order.status;
  return (await deps.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status;
}
