// Payment attempts and the one function that applies what the gateway says about them.
import type { Order, Payment } from "../generated/prisma/client";
import type { GatewayMethod } from "../checkout/pay-methods";
import { ScanForPayError } from "../scanforpay/errors";
import type { GatewayWallet, PayResult } from "../scanforpay/schemas";
import { CheckoutError, outOfStock } from "./create";
import { releaseOrderStock, retakeOrderStock, sellOrderStock } from "../stock/reserve";
import { timeoutRuleMs } from "../scanforpay/timeout-rule";
import type { OrdersDeps } from "./gateway-wiring";
import { enqueue } from "../outbox/enqueue";
import { duplicateRefundNo, newPartnerOrderNo } from "./numbers";
import { firstCheckAt, leaseUntil, nextRefundAttemptAt } from "./schedule";
import {
  afterRefunds,
  EXPIRE,
  FAIL,
  ORDER_REOPEN,
  orderRuleFor,
  releasesStock,
  REFUND_OPEN,
  REFUND_REFUSE,
  REFUND_SUCCEED,
  transitionForGatewayStatus,
  type Transition,
  isPastTimeout,
} from "./state";

export type Attempt = { payment: Payment; payUrl: string | null; error: ScanForPayError | null };

/**
 * A new attempt to pay an order: a Payment row first (so nothing is lost whatever happens
 * next), then the matching create call. A definite refusal ends the attempt ("failed"); a
 * timeout or an unreadable answer leaves it pending for reconciliation to settle by query.
 */
export async function startPayment(
  deps: OrdersDeps,
  order: Pick<Order, "id" | "orderNo" | "totalMinor" | "currency" | "shippingMinor">,
  method: GatewayMethod,
): Promise<Attempt> {
  const { db, gateway } = deps;
  const now = gateway.now();
  const payment = await db.$transaction(async (tx) => {
    // Only an unpaid order takes a new attempt; a failed or expired one is open again.
    const reopened = await tx.order.updateMany({
      where: { id: order.id, paidPaymentId: null, status: { in: [...ORDER_REOPEN.from] } },
      data: { status: ORDER_REOPEN.to },
    });
    if (reopened.count === 0) throw new CheckoutError("not_payable", "this order is already paid");
    // An order whose units went back on sale (its last attempt failed or expired) holds them again first.
    const stock = await retakeOrderStock(tx, order.id);
    if (!stock.ok) {
      const lines = await tx.orderItem.findMany({ where: { orderId: order.id } });
      throw outOfStock(stock.short, lines);
    }
    return tx.payment.create({
      data: {
        orderId: order.id,
        partnerOrderNo: newPartnerOrderNo(),
        wallet: method.wallet,
        flow: method.flow,
        amountMinor: order.totalMinor,
        currency: order.currency,
        expiresAt: new Date(now.getTime() + timeoutRuleMs(gateway.timeoutRule)),
        nextCheckAt: firstCheckAt(now, deps.delayScale),
      },
    });
  });

  const client = gateway.client(payment.id);
  const common = {
    partnerOrderNo: payment.partnerOrderNo,
    currency: payment.currency,
    orderAmount: payment.amountMinor,
    orderTitle: `Order ${order.orderNo}`,
    notifyUrl: gateway.notifyUrl,
    returnUrl: gateway.returnUrl(payment.partnerOrderNo),
    orderCreate: String(now.getTime()),
    timeoutRule: gateway.timeoutRule,
  };
  // Website and QR code payments name the items and the shipping (they add up to orderAmount);
  // the JS API takes no such fields (API.md), so it is sent the total alone.
  const amounts = goodsAmounts(payment.amountMinor, order.shippingMinor);
  try {
    const { payUrl } =
      method.flow === "website"
        ? await client.createWebsitePayment({ ...common, ...amounts, wallet: method.wallet as "Alipay" | "AlipayHK" })
        : method.flow === "jsapi"
          ? await client.createJsapiPayment({ ...common, wallet: method.wallet as "Wechat" | "Alipay" })
          : await client.createQrcodePayment({ ...common, ...amounts, wallet: method.wallet as "Wechat" | "Alipay" });
    const saved = await db.payment.update({ where: { id: payment.id }, data: { payUrl } });
    return { payment: saved, payUrl, error: null };
  } catch (error) {
    if (!(error instanceof ScanForPayError)) throw error;
    await db.payment.update({ where: { id: payment.id }, data: { lastError: error.message } });
    // A definite refusal ends the attempt (and the order follows it); an unknown state waits for reconciliation.
    if (!error.stateUnknown) await failPayment(deps, payment);
    return { payment: await db.payment.findUniqueOrThrow({ where: { id: payment.id } }), payUrl: null, error };
  }
}

/** The items (goodsAmount) and the shipping (goodsExtraAmount) of an amount that includes shipping. */
export function goodsAmounts(
  orderAmount: number,
  shippingMinor: number,
): { goodsAmount: number; goodsExtraAmount: number } {
  const shipping = Math.min(Math.max(0, shippingMinor), orderAmount);
  return { goodsAmount: orderAmount - shipping, goodsExtraAmount: shipping };
}

export type ApplyOutcome =
  | { applied: false; reason: string }
  | { applied: true; changed: false }
  | { applied: true; changed: true; to: Transition["to"]; refundId: string | null };

/** Does a gateway result (notify or query) describe this payment exactly? */
export function mismatch(payment: Payment, result: PayResult): string | null {
  if (result.partnerOrderNo !== payment.partnerOrderNo)
    return `partnerOrderNo ${result.partnerOrderNo} is not ${payment.partnerOrderNo}`;
  if (result.orderAmount !== payment.amountMinor) return `amount ${result.orderAmount} is not ${payment.amountMinor}`;
  if (result.currency !== payment.currency) return `currency ${result.currency} is not ${payment.currency}`;
  return null;
}

/**
 * Applies a verified gateway result to a payment, once. Conditional updates in one
 * transaction: of any number of concurrent notifies, returns and queries, one moves the
 * payment and the order; the rest change nothing. A payment that succeeds after another
 * attempt already paid the order is refunded: its Refund row is written in the same
 * transaction, then sent (sendRefund).
 */
export async function applyPayResult(
  deps: OrdersDeps,
  payment: Payment,
  result: PayResult,
  options: {
    signal?: AbortSignal;
    /** The caller sends the duplicate's refund itself (after answering). */ deferRefund?: boolean;
  } = {},
): Promise<ApplyOutcome> {
  const wrong = mismatch(payment, result);
  if (wrong) return { applied: false, reason: wrong };
  const pastTimeout = isPastTimeout(payment.expiresAt, deps.gateway.now());
  const transition = transitionForGatewayStatus(result.status, { pastTimeout });
  if (!transition) return { applied: true, changed: false };
  const outcome = await moveTo(deps, payment, transition, {
    gatewayOrderNo: result.orderNo,
    paidAt: result.status === 1 ? (parseTime(result.payTime) ?? deps.gateway.now()) : undefined,
  });
  // A duplicate's refund row was written with the transition; send it now, or the caller
  // does once it has answered (reconciliation sends it if neither happens).
  if (outcome.applied && outcome.changed && outcome.refundId && !options.deferRefund)
    await sendRefund(deps, outcome.refundId, { signal: options.signal });
  return outcome;
}

/** Expires an attempt whose time is up (reconciliation), if it is still pending. */
export function expirePayment(deps: OrdersDeps, payment: Payment) {
  return moveTo(deps, payment, EXPIRE, {});
}

/** Ends an attempt the gateway refused or never received, if it is still pending. */
export function failPayment(deps: OrdersDeps, payment: Payment) {
  return moveTo(deps, payment, FAIL, {});
}

async function moveTo(
  deps: OrdersDeps,
  payment: Payment,
  transition: Transition,
  extra: { gatewayOrderNo?: string; paidAt?: Date },
): Promise<ApplyOutcome> {
  return deps.db.$transaction(async (tx) => {
    const moved = await tx.payment.updateMany({
      where: { id: payment.id, status: { in: [...transition.from] } },
      data: {
        status: transition.to,
        ...(extra.gatewayOrderNo ? { gatewayOrderNo: extra.gatewayOrderNo } : {}),
        ...(extra.paidAt ? { paidAt: extra.paidAt } : {}),
      },
    });
    if (moved.count === 0) return { applied: true, changed: false } as const;

    let refundId: string | null = null;
    const rule = orderRuleFor(transition.to);
    if (rule?.kind === "pays") {
      // The first paid attempt pays the order; a second one is a duplicate to give back.
      const won = await tx.order.updateMany({
        where: { id: payment.orderId, paidPaymentId: null },
        data: { status: rule.to, paidAt: extra.paidAt ?? deps.gateway.now(), paidPaymentId: payment.id },
      });
      // Its units are sold; paid after they were released, taken again or flagged (oversold).
      if (won.count === 1) {
        await sellOrderStock(tx, payment.orderId);
        // The confirmation (and the merchant's alert, the webhook) commit with the payment, once.
        await enqueue(tx, { topic: "order.paid", orderId: payment.orderId }, deps.outbox);
      }
      if (won.count === 0) {
        // Written in the same transaction as the transition: a crash after the commit cannot
        // lose it, and reconciliation sends whatever is still pending.
        const refundNo = duplicateRefundNo(payment.partnerOrderNo);
        const refund = await tx.refund.upsert({
          where: { refundNo },
          // Due for reconciliation a little later, in case the send below never happens.
          create: {
            paymentId: payment.id,
            refundNo,
            amountMinor: payment.amountMinor,
            reason: "duplicate_payment",
            operator: "system",
            nextAttemptAt: nextRefundAttemptAt(1, deps.gateway.now(), deps.delayScale),
          },
          update: {},
        });
        refundId = refund.id;
      }
    } else if (rule?.kind === "withPaidPayment") {
      await tx.order.updateMany({
        where: { id: payment.orderId, paidPaymentId: payment.id, status: { in: [...rule.from] } },
        data: { status: rule.to },
      });
    } else if (rule?.kind === "ifLatest") {
      // The order follows its latest attempt, unless something paid it; failed or expired, its units go back on sale.
      const followed = await tx.order.updateMany({
        where: {
          id: payment.orderId,
          status: { in: [...rule.from] },
          paidPaymentId: null,
          payments: { none: { createdAt: { gt: payment.createdAt } } },
        },
        data: { status: rule.to },
      });
      if (followed.count === 1 && releasesStock(rule.to)) await releaseOrderStock(tx, payment.orderId);
    }
    return { applied: true, changed: true, to: transition.to, refundId } as const;
  });
}

/**
 * Sends a pending refund to the gateway (again: the refundNo makes a repeat harmless) and
 * records the outcome. The payment's refunded total is the sum of its succeeded refunds,
 * never an increment, so a repeated answer cannot count twice.
 *
 * The send is claimed first (attempts + 1, next attempt moved past a lease), so a
 * reconciliation pass does not send it again meanwhile; `claimed`: the caller (a pass) has
 * claimed it already. Unconfirmed, it is due again after its backoff step.
 */
export async function sendRefund(
  deps: OrdersDeps,
  refundId: string,
  options: {
    signal?: AbortSignal;
    claimed?: boolean;
    /** Only if never sent yet (the first send after a notify's answer; a pass may have sent it since). */ firstOnly?: boolean;
  } = {},
): Promise<void> {
  if (!options.claimed) {
    const claimed = await deps.db.refund.updateMany({
      where: { id: refundId, status: REFUND_OPEN, ...(options.firstOnly ? { attempts: 0 } : {}) },
      data: { attempts: { increment: 1 }, nextAttemptAt: leaseUntil(deps.gateway.now()) },
    });
    if (claimed.count === 0) return;
  }
  const refund = await deps.db.refund.findUniqueOrThrow({ where: { id: refundId }, include: { payment: true } });
  if (refund.status !== REFUND_OPEN) return;
  try {
    const result = await deps.gateway.client(refund.paymentId, options).refund({
      partnerOrderNo: refund.payment.partnerOrderNo,
      refundNo: refund.refundNo,
      orderAmount: refund.amountMinor,
    });
    if (!result.refunded) throw new Error(`the gateway answered refund status ${result.status}`);
    await deps.db.$transaction(async (tx) => {
      // Refunds of one payment that succeed at the same moment take turns here: each then
      // sums the others' committed rows (under READ COMMITTED it would not see them otherwise).
      await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${refund.paymentId} FOR UPDATE`;
      const done = await tx.refund.updateMany({
        where: { id: refund.id, status: { in: [...REFUND_SUCCEED.from] } },
        data: { status: REFUND_SUCCEED.to, lastError: null },
      });
      if (done.count === 0) return;
      const total = await tx.refund.aggregate({
        where: { paymentId: refund.paymentId, status: REFUND_SUCCEED.to },
        _sum: { amountMinor: true },
      });
      const refundedMinor = Math.min(total._sum.amountMinor ?? 0, refund.payment.amountMinor);
      const move = afterRefunds(refundedMinor, refund.payment.amountMinor);
      await tx.payment.update({ where: { id: refund.paymentId }, data: { refundedMinor } });
      await tx.payment.updateMany({
        where: { id: refund.paymentId, status: { in: [...move.from] } },
        data: { status: move.to },
      });
      const follows = orderRuleFor(move.to);
      if (follows?.kind === "withPaidPayment") {
        await tx.order.updateMany({
          where: { id: refund.payment.orderId, paidPaymentId: refund.paymentId, status: { in: [...follows.from] } },
          data: { status: follows.to },
        });
      }
      // The customer hears of it (and the merchant, for a duplicate payment given back) once.
      await enqueue(
        tx,
        refund.reason === "duplicate_payment"
          ? {
              topic: "order.duplicate_refunded",
              orderId: refund.payment.orderId,
              refundId: refund.id,
              amountMinor: refund.amountMinor,
            }
          : {
              topic: "order.refunded",
              orderId: refund.payment.orderId,
              refundId: refund.id,
              amountMinor: refund.amountMinor,
              refundedMinor,
              full: refundedMinor >= refund.payment.amountMinor,
            },
        deps.outbox,
      );
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Only a definite refusal frees the amount: after a timeout the gateway may have paid it
    // out, so the refund stays pending (still counted as reserved) and is sent again with the
    // same refundNo until the gateway answers.
    const definite =
      error instanceof ScanForPayError && error.kind === "business" && !error.retryable && !error.stateUnknown;
    await deps.db.$transaction(async (tx) => {
      const noted = await tx.refund.updateMany({
        where: { id: refund.id, status: REFUND_OPEN },
        data: {
          lastError: message,
          ...(definite
            ? { status: REFUND_REFUSE.to }
            : { nextAttemptAt: nextRefundAttemptAt(refund.attempts, deps.gateway.now(), deps.delayScale) }),
        },
      });
      // A refusal needs a person (the money is still with the customer or the shop): the merchant is told.
      if (definite && noted.count === 1)
        await enqueue(
          tx,
          {
            topic: "refund.refused",
            orderId: refund.payment.orderId,
            refundId: refund.id,
            amountMinor: refund.amountMinor,
            reason: message,
          },
          deps.outbox,
        );
    });
  }
}

function parseTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time;
}
