// Every fulfilment rule, in one place (pure): which moves an order may take, from where, and
// what each needs. The I/O (lib/fulfilment/actions.ts) asks this file and applies the answer
// as one conditional UPDATE … WHERE fulfilment = <from> AND status = paid, so a repeated or
// concurrent action applies once.
//
//   delivery = ship:    unfulfilled ──ship──▶ shipped ──deliver──▶ delivered
//   delivery = pickup:  unfulfilled ──collect──▶ collected
//
// Only a paid order moves: a pending, failed or expired one was never paid, and a partly or
// fully refunded one is for the merchant to settle with the customer first (a partial refund
// may be an item given up; the merchant refunds, then ships what is left, after looking).
import {
  DeliveryKind,
  FulfilmentStatus,
  OrderStatus,
  type DeliveryKind as DeliveryKindValue,
  type FulfilmentStatus as FulfilmentStatusValue,
  type OrderStatus as OrderStatusValue,
} from "../generated/prisma/enums";

export type { FulfilmentStatusValue as FulfilmentStatus, DeliveryKindValue as DeliveryKind };

export type FulfilmentAction = "ship" | "deliver" | "collect" | "update_tracking";

export type FulfilmentMove = {
  action: FulfilmentAction;
  /** The delivery kind the order must have. */
  delivery: DeliveryKindValue;
  /** The fulfilment status the order must be in (the UPDATE's condition). */
  from: FulfilmentStatusValue;
  /** Where it goes (the same status for update_tracking). */
  to: FulfilmentStatusValue;
};

/** The order status every move requires. */
export const FULFILLABLE_STATUS: OrderStatusValue = OrderStatus.paid;

export const MOVES: Readonly<Record<FulfilmentAction, FulfilmentMove>> = {
  ship: {
    action: "ship",
    delivery: DeliveryKind.ship,
    from: FulfilmentStatus.unfulfilled,
    to: FulfilmentStatus.shipped,
  },
  deliver: {
    action: "deliver",
    delivery: DeliveryKind.ship,
    from: FulfilmentStatus.shipped,
    to: FulfilmentStatus.delivered,
  },
  collect: {
    action: "collect",
    delivery: DeliveryKind.pickup,
    from: FulfilmentStatus.unfulfilled,
    to: FulfilmentStatus.collected,
  },
  // A typo in the tracking number is corrected without sending the customer a second "shipped".
  update_tracking: {
    action: "update_tracking",
    delivery: DeliveryKind.ship,
    from: FulfilmentStatus.shipped,
    to: FulfilmentStatus.shipped,
  },
};

/** Why a move is refused, for the merchant (also a CSV row's error code). */
export type Refusal = "not_paid" | "refunded" | "pickup_order" | "ship_order" | "already_done" | "not_yet_shipped";

export type OrderFacts = { status: OrderStatusValue; delivery: DeliveryKindValue; fulfilment: FulfilmentStatusValue };

/** Can this order take this move now? The reason if not. */
export function check(
  order: OrderFacts,
  action: FulfilmentAction,
): { ok: true; move: FulfilmentMove } | { ok: false; reason: Refusal } {
  const move = MOVES[action];
  if (order.status === OrderStatus.partially_refunded || order.status === OrderStatus.refunded)
    return { ok: false, reason: "refunded" };
  if (order.status !== FULFILLABLE_STATUS) return { ok: false, reason: "not_paid" };
  if (order.delivery !== move.delivery)
    return { ok: false, reason: move.delivery === "ship" ? "pickup_order" : "ship_order" };
  if (order.fulfilment !== move.from) {
    if (move.from === FulfilmentStatus.shipped && order.fulfilment === FulfilmentStatus.unfulfilled)
      return { ok: false, reason: "not_yet_shipped" };
    return { ok: false, reason: "already_done" };
  }
  return { ok: true, move };
}

/** The moves this order can take now (the back office shows these buttons). */
export function availableActions(order: OrderFacts): FulfilmentAction[] {
  return (Object.keys(MOVES) as FulfilmentAction[]).filter((a) => check(order, a).ok);
}

/** The merchant's sentence for a refusal. */
export function refusalText(reason: Refusal, fulfilment?: FulfilmentStatusValue): string {
  switch (reason) {
    case "not_paid":
      return "The order is not paid.";
    case "refunded":
      return "The order has been refunded (in part or in full): settle it with the customer first.";
    case "pickup_order":
      return "This is a pick-up order: mark it collected instead.";
    case "ship_order":
      return "This order is delivered by post: mark it shipped instead.";
    case "already_done":
      return fulfilment ? `The order is already ${fulfilment}.` : "The order has already moved on.";
    case "not_yet_shipped":
      return "The order has not been shipped yet.";
  }
}

/** Paid orders still to send or to hand over (the queue), in the order they were paid. */
export function isAwaitingFulfilment(order: OrderFacts): boolean {
  return order.status === FULFILLABLE_STATUS && order.fulfilment === FulfilmentStatus.unfulfilled;
}

/** Is the order done, from the shop's side? */
export function isFulfilled(fulfilment: FulfilmentStatusValue): boolean {
  return fulfilment === FulfilmentStatus.delivered || fulfilment === FulfilmentStatus.collected;
}

/** What the customer reads, keyed into messages' "fulfilment" namespace. */
export type CustomerFulfilment = "preparing" | "ready_for_pickup" | "shipped" | "delivered" | "collected";

/**
 * The customer's view of fulfilment, or null when there is nothing to say yet (an order not
 * paid, or refunded and never sent: the payment status says it all).
 */
export function customerFulfilment(order: OrderFacts): CustomerFulfilment | null {
  switch (order.fulfilment) {
    case FulfilmentStatus.shipped:
      return "shipped";
    case FulfilmentStatus.delivered:
      return "delivered";
    case FulfilmentStatus.collected:
      return "collected";
    case FulfilmentStatus.unfulfilled:
      if (order.status !== OrderStatus.paid) return null;
      return order.delivery === DeliveryKind.pickup ? "ready_for_pickup" : "preparing";
  }
}
