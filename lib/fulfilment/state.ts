// Every fulfilment rule, in one place (pure): which moves an order may take, from where, and
// what each needs. The I/O (lib/fulfilment/actions.ts) asks this file and applies the answer
// as one conditional UPDATE … WHERE fulfilment = <from> AND delivery = <kind> AND status IN
// (<statuses>), so a repeated or concurrent action applies once.
//
//   delivery = ship:    unfulfilled ──ship──▶ shipped ──deliver──▶ delivered
//                                              └─update tracking (no new message)
//   delivery = pickup:  unfulfilled ──collect──▶ collected
//
// Which order statuses allow a move is lib/orders/state.ts's to say: a shipment or collection
// needs goods still owed (paid, or partly refunded); a fully refunded or unpaid order is never
// sent. A parcel already on its way is delivered whatever was refunded since.
import {
  DeliveryKind,
  FulfilmentStatus,
  type DeliveryKind as DeliveryKindValue,
  type FulfilmentStatus as FulfilmentStatusValue,
} from "../generated/prisma/enums";
import {
  FULFILLABLE,
  isFulfillable,
  isFullyRefunded,
  SHIPPED_ANYWAY,
  type OrderStatus as OrderStatusValue,
} from "../orders/state";

export type { FulfilmentStatusValue as FulfilmentStatus, DeliveryKindValue as DeliveryKind };

export type FulfilmentAction = "ship" | "deliver" | "collect" | "update_tracking";

export type FulfilmentMove = {
  action: FulfilmentAction;
  /** The delivery kind the order must have. */
  delivery: DeliveryKindValue;
  /** The order statuses it may start from. */
  statuses: readonly OrderStatusValue[];
  /** The fulfilment status the order must be in (the UPDATE's condition). */
  from: FulfilmentStatusValue;
  /** Where it goes (the same status for update_tracking). */
  to: FulfilmentStatusValue;
};

export const MOVES: Readonly<Record<FulfilmentAction, FulfilmentMove>> = {
  ship: {
    action: "ship",
    delivery: DeliveryKind.ship,
    statuses: FULFILLABLE,
    from: FulfilmentStatus.unfulfilled,
    to: FulfilmentStatus.shipped,
  },
  deliver: {
    action: "deliver",
    delivery: DeliveryKind.ship,
    statuses: SHIPPED_ANYWAY,
    from: FulfilmentStatus.shipped,
    to: FulfilmentStatus.delivered,
  },
  collect: {
    action: "collect",
    delivery: DeliveryKind.pickup,
    statuses: FULFILLABLE,
    from: FulfilmentStatus.unfulfilled,
    to: FulfilmentStatus.collected,
  },
  // A typo in the tracking number is corrected without sending the customer a second "shipped".
  update_tracking: {
    action: "update_tracking",
    delivery: DeliveryKind.ship,
    statuses: SHIPPED_ANYWAY,
    from: FulfilmentStatus.shipped,
    to: FulfilmentStatus.shipped,
  },
};

/** Why a move is refused, for the merchant (also a CSV row's error). */
export type Refusal =
  "not_paid" | "fully_refunded" | "pickup_order" | "ship_order" | "already_done" | "not_yet_shipped";

export type OrderFacts = { status: OrderStatusValue; delivery: DeliveryKindValue; fulfilment: FulfilmentStatusValue };

/** Can this order take this move now? The reason if not. */
export function check(
  order: OrderFacts,
  action: FulfilmentAction,
): { ok: true; move: FulfilmentMove } | { ok: false; reason: Refusal } {
  const move = MOVES[action];
  if (order.delivery !== move.delivery)
    return { ok: false, reason: move.delivery === DeliveryKind.ship ? "pickup_order" : "ship_order" };
  if (order.fulfilment !== move.from) {
    if (move.from === FulfilmentStatus.shipped && order.fulfilment === FulfilmentStatus.unfulfilled)
      return { ok: false, reason: "not_yet_shipped" };
    return { ok: false, reason: "already_done" };
  }
  if (!move.statuses.includes(order.status))
    return { ok: false, reason: isFullyRefunded(order.status) ? "fully_refunded" : "not_paid" };
  return { ok: true, move };
}

/** The moves this order can take now (the back office shows these forms). */
export function availableActions(order: OrderFacts): FulfilmentAction[] {
  return (Object.keys(MOVES) as FulfilmentAction[]).filter((a) => check(order, a).ok);
}

/** The merchant's sentence for a refusal. */
export function refusalText(reason: Refusal, fulfilment?: FulfilmentStatusValue): string {
  switch (reason) {
    case "not_paid":
      return "The order is not paid.";
    case "fully_refunded":
      return "The order has been refunded in full: there is nothing to send.";
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

/** Goods still owed and not yet sent or handed over (the queue). */
export function isAwaitingFulfilment(order: OrderFacts): boolean {
  return isFulfillable(order.status) && order.fulfilment === FulfilmentStatus.unfulfilled;
}

/** What the customer reads, keyed into messages' "fulfilment" namespace. */
export type CustomerFulfilment = "preparing" | "ready_for_pickup" | "shipped" | "delivered" | "collected";

/**
 * The customer's view of fulfilment, or null when there is nothing to say (an order not paid,
 * or refunded in full before it was sent: the payment status says it all).
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
      if (!isFulfillable(order.status)) return null;
      return order.delivery === DeliveryKind.pickup ? "ready_for_pickup" : "preparing";
  }
}
