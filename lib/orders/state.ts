// Every status rule of orders, payments and refunds, in one place (pure). Other files ask
// this one which states a change may start from and where it goes; none decides.
//
// A payment (one attempt to pay an order). Gateway statuses: 0 to be paid · 1 success ·
// 2 fail · 3 refunded.
//
//   pending ──1──▶ paid ──(refund part)──▶ partially_refunded ──(rest)──▶ refunded
//      │  ╲                   ╲───────────────3──────────────────────────▲
//      2   ╲ 2 once its time is up, or the gateway's own silence after the grace period
//      ▼    ▼
//   failed  expired          a late success (1) still moves failed/expired to paid:
//                            the customer's money was taken and must be recorded.
//
// A refund: pending ──(the gateway confirms)──▶ succeeded; pending ──(a definite refusal)──▶ failed.
// A pending refund is sent again (same refundNo) until the gateway answers.
//
// An order follows its payments: the first paid attempt pays it (a second one is a
// duplicate, refunded); refunds of that payment move it with the payment; a failed or
// expired attempt moves it only if it is the latest one and nothing paid it.
//
// An order's stock (lines of stock-tracked products):
//
//   untracked (no line holds stock)
//   reserved ──paid──▶ sold
//      │  ▲
//   failed/expired   reopened for a new attempt (the units are taken again, or the attempt is refused)
//      ▼  │
//   released ──paid anyway (a late success)──▶ sold, if the units can be taken again
//                                           └─▶ oversold: flagged for the merchant (refund or restock)
//
// Each transition names the states it may start from, so that it is applied as one
// conditional UPDATE … WHERE status IN (…): duplicates and races apply once.
import {
  OrderStatus,
  PaymentStatus,
  RefundStatus,
  StockState,
  type StockState as StockStateValue,
  type OrderStatus as OrderStatusValue,
  type PaymentStatus as PaymentStatusValue,
  type RefundStatus as RefundStatusValue,
} from "../generated/prisma/enums";

export type { StockStateValue as StockState };
export type { OrderStatusValue as OrderStatus, PaymentStatusValue as PaymentStatus, RefundStatusValue as RefundStatus };

export type Transition<S extends string = PaymentStatusValue> = { from: readonly S[]; to: S };

/** Every order status, in the order a merchant reads them (filters, legends). */
export const ORDER_STATUSES: readonly OrderStatusValue[] = [
  OrderStatus.pending,
  OrderStatus.paid,
  OrderStatus.partially_refunded,
  OrderStatus.refunded,
  OrderStatus.failed,
  OrderStatus.expired,
];

// ── Payments ────────────────────────────────────────────────────────────────────────────

/** A payment the gateway has not settled yet: checked by reconciliation and on demand. */
export const AWAITING_GATEWAY: PaymentStatusValue = PaymentStatus.pending;

const PAID: Transition = {
  from: [PaymentStatus.pending, PaymentStatus.failed, PaymentStatus.expired],
  to: PaymentStatus.paid,
};
const GATEWAY_REFUNDED: Transition = {
  from: [PaymentStatus.paid, PaymentStatus.partially_refunded],
  to: PaymentStatus.refunded,
};
/** Not paid in time: reconciliation after the grace period, or the gateway's fail (2) once the time is up. */
export const EXPIRE: Transition = { from: [PaymentStatus.pending], to: PaymentStatus.expired };
/** The gateway refused the attempt outright (or never heard of it). */
export const FAIL: Transition = { from: [PaymentStatus.pending], to: PaymentStatus.failed };

/** Does this gateway status say anything new about a payment (0 "still to be paid" does not)? */
export function gatewayStatusMoves(status: number): boolean {
  return status === 1 || status === 2 || status === 3;
}

/**
 * The transition a gateway status asks for. A fail (2) after the payment's time ran out is
 * ScanForPay's way of saying "not paid in time" (API.md: an unpaid order past its timeout
 * is reported as status 2): it is an expiry, not a refusal, and the customer is told so. (A
 * refusal that is only heard of after the time ran out reads as an expiry too: either way
 * nothing was charged and the order can be paid again.) See `isPastTimeout` for the clocks.
 */
export function transitionForGatewayStatus(status: number, context: { pastTimeout?: boolean } = {}): Transition | null {
  switch (status) {
    case 1:
      return PAID;
    case 2:
      return context.pastTimeout ? EXPIRE : FAIL;
    case 3:
      return GATEWAY_REFUNDED;
    default:
      return null;
  }
}

/** The gateway's clock and ours may differ a little: this close to the end counts as the end. */
export const TIMEOUT_TOLERANCE_MS = 60_000;

/** Has an attempt's time to pay run out, by our clock (within the tolerance)? */
export function isPastTimeout(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && now.getTime() >= expiresAt.getTime() - TIMEOUT_TOLERANCE_MS;
}

const REFUNDABLE: readonly PaymentStatusValue[] = [PaymentStatus.paid, PaymentStatus.partially_refunded];

/** Only money received and not wholly given back can be refunded. */
export function isRefundable(status: PaymentStatusValue): boolean {
  return REFUNDABLE.includes(status);
}

/** Where a payment goes once `refundedMinor` of its `amountMinor` has been given back. */
export function afterRefunds(refundedMinor: number, amountMinor: number): Transition {
  return {
    from: REFUNDABLE,
    to: refundedMinor >= amountMinor ? PaymentStatus.refunded : PaymentStatus.partially_refunded,
  };
}

/** States a customer sees as "done, nothing more to pay". */
export function isSettled(status: PaymentStatusValue | OrderStatusValue): boolean {
  return status === "paid" || status === "partially_refunded" || status === "refunded";
}

// ── Refunds ─────────────────────────────────────────────────────────────────────────────

/** A refund not yet answered by the gateway: it is (re)sent, and it holds its amount. */
export const REFUND_OPEN: RefundStatusValue = RefundStatus.pending;
/** Refunds that count against what can still be refunded: sent (maybe paid out) or done. */
export const REFUND_RESERVING: readonly RefundStatusValue[] = [RefundStatus.pending, RefundStatus.succeeded];
export const REFUND_SUCCEED: Transition<RefundStatusValue> = {
  from: [RefundStatus.pending],
  to: RefundStatus.succeeded,
};
/** Only a definite refusal frees the amount; a timeout leaves the refund open. */
export const REFUND_REFUSE: Transition<RefundStatusValue> = { from: [RefundStatus.pending], to: RefundStatus.failed };

/** Does this refund hold its amount (it counts against what can still be refunded)? */
export function refundHoldsAmount(status: RefundStatusValue): boolean {
  return REFUND_RESERVING.includes(status);
}

export function refundDone(status: RefundStatusValue): boolean {
  return status === RefundStatus.succeeded;
}

export function refundRefused(status: RefundStatusValue): boolean {
  return status === RefundStatus.failed;
}

// ── Orders ──────────────────────────────────────────────────────────────────────────────

/** An unpaid order takes a new attempt (a failed or expired one is open again). */
export const ORDER_REOPEN: Transition<OrderStatusValue> = {
  from: [OrderStatus.pending, OrderStatus.failed, OrderStatus.expired],
  to: OrderStatus.pending,
};

/**
 * An order placed for a WeChat hand-off has no attempt until WeChat opens it: left alone
 * past the checkout's timeout, it expires (reconciliation), as an attempt would.
 */
export const ORDER_EXPIRE_UNATTEMPTED: Transition<OrderStatusValue> = {
  from: [OrderStatus.pending],
  to: OrderStatus.expired,
};

/** Can the customer (still, or again) pay this order? */
export function isPayable(status: OrderStatusValue): boolean {
  return ORDER_REOPEN.from.includes(status);
}

export function isAwaitingPayment(status: OrderStatusValue): boolean {
  return status === OrderStatus.pending;
}

/**
 * What a payment's move does to its order:
 *  - `pays`: the first paid attempt pays the order (only if nothing paid it yet); otherwise
 *    the payment is a duplicate, to be refunded;
 *  - `withPaidPayment`: the order moves with the payment that paid it (refunds);
 *  - `ifLatest`: an unpaid order follows its latest attempt.
 */
export type OrderRule =
  | { kind: "pays"; to: OrderStatusValue }
  | { kind: "withPaidPayment"; from: readonly OrderStatusValue[]; to: OrderStatusValue }
  | { kind: "ifLatest"; from: readonly OrderStatusValue[]; to: OrderStatusValue };

export function orderRuleFor(paymentTo: PaymentStatusValue): OrderRule | null {
  switch (paymentTo) {
    case PaymentStatus.paid:
      return { kind: "pays", to: OrderStatus.paid };
    case PaymentStatus.partially_refunded:
    case PaymentStatus.refunded:
      return { kind: "withPaidPayment", from: [OrderStatus.paid, OrderStatus.partially_refunded], to: paymentTo };
    case PaymentStatus.failed:
    case PaymentStatus.expired:
      return { kind: "ifLatest", from: [OrderStatus.pending], to: paymentTo };
    default:
      return null;
  }
}

// ── Stock ───────────────────────────────────────────────────────────────────────────────

/** A new order holds its tracked lines' units, or holds nothing. */
export function stockStateAtOrder(holdsStock: boolean): StockStateValue {
  return holdsStock ? StockState.reserved : StockState.untracked;
}
/** The order's payment failed or expired: its units go back on sale. */
export const STOCK_RELEASE: Transition<StockStateValue> = { from: [StockState.reserved], to: StockState.released };
/** The order was paid while it held its units: they are sold. */
export const STOCK_SELL: Transition<StockStateValue> = { from: [StockState.reserved], to: StockState.sold };
/** A released order takes a new attempt: it must hold its units again first. */
export const STOCK_RETAKE: Transition<StockStateValue> = { from: [StockState.released], to: StockState.reserved };
/** Paid after its units were released, and they could be taken again. */
export const STOCK_LATE_SALE: Transition<StockStateValue> = { from: [StockState.released], to: StockState.sold };
/** Paid after its units were released, and they were gone: the money is kept, the merchant is told. */
export const STOCK_OVERSELL: Transition<StockStateValue> = { from: [StockState.released], to: StockState.oversold };

/** Does an order moving to this status give its units back? */
export function releasesStock(orderTo: OrderStatusValue): boolean {
  return orderTo === OrderStatus.failed || orderTo === OrderStatus.expired;
}

/** Orders the merchant must look at: paid (money still held) for units that were no longer there. */
export const NEEDS_STOCK_ATTENTION = {
  stockState: StockState.oversold,
  status: [OrderStatus.paid, OrderStatus.partially_refunded] as readonly OrderStatusValue[],
};

export function needsStockAttention(order: { status: OrderStatusValue; stockState: StockStateValue }): boolean {
  return order.stockState === NEEDS_STOCK_ATTENTION.stockState && NEEDS_STOCK_ATTENTION.status.includes(order.status);
}

// ── Fulfilment ──────────────────────────────────────────────────────────────────────────

/**
 * Orders whose goods are still owed: a shipment or a collection may start (lib/fulfilment/state.ts
 * owns those moves). Paid, or partly refunded (an item given up, the rest still to send); a
 * fully refunded order has nothing left to send, and an unpaid one nothing to send yet.
 */
export const FULFILLABLE: readonly OrderStatusValue[] = [OrderStatus.paid, OrderStatus.partially_refunded];
/** A parcel already sent is delivered, and its tracking corrected, whatever was refunded since. */
export const SHIPPED_ANYWAY: readonly OrderStatusValue[] = [
  OrderStatus.paid,
  OrderStatus.partially_refunded,
  OrderStatus.refunded,
];

export function isFulfillable(status: OrderStatusValue): boolean {
  return FULFILLABLE.includes(status);
}

export function isFullyRefunded(status: OrderStatusValue): boolean {
  return status === OrderStatus.refunded;
}

export function isPartlyRefunded(status: OrderStatusValue): boolean {
  return status === OrderStatus.partially_refunded;
}

// ── Display ─────────────────────────────────────────────────────────────────────────────

/** The status as the customer reads it: an order's own, or "came back without paying". */
export type CustomerStatus = OrderStatusValue | "not_completed";

/**
 * The customer's status. An order still waiting whose latest attempt the gateway has said
 * "still unpaid" about since the browser came back (a cancel on the gateway's page) was not
 * completed: "waiting for your payment" would mislead. The gateway may still settle it, and
 * the page moves on by itself if it does.
 */
export function customerStatus(status: OrderStatusValue, unpaidSinceReturn: boolean): CustomerStatus {
  return isAwaitingPayment(status) && unpaidSinceReturn ? "not_completed" : status;
}

/** How the shop and the back office group an order's status (colours, headings). */
export type DisplayGroup = "waiting" | "done" | "refunded" | "unpaid";

export function displayGroup(status: CustomerStatus | PaymentStatusValue): DisplayGroup {
  switch (status) {
    case "not_completed":
      return "unpaid";
    case "pending":
      return "waiting";
    case "paid":
      return "done";
    case "partially_refunded":
    case "refunded":
      return "refunded";
    case "failed":
    case "expired":
      return "unpaid";
  }
}
