// What the customer's order page shows: the order in their language, the status they read,
// and what they can do next. The statuses come from lib/orders/state.ts; this only reads.
import type { Db } from "../db";
import type { Wallet } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locale";
import { orderLineName } from "../catalog";
import { displayGroup, isAwaitingPayment, isPayable, AWAITING_GATEWAY, type DisplayGroup } from "./state";
import type { OrderStatus } from "./state";

/** The status as the customer reads it: an order's own, or "came back without paying". */
export type CustomerStatus = OrderStatus | "not_completed";

export type CustomerOrderView = Awaited<ReturnType<typeof loadOrder>> & {
  lines: { id: string; name: string; quantity: number; lineTotalMinor: number }[];
  /** The status as the customer reads it (`status` stays the order's own). */
  shown: CustomerStatus;
  group: DisplayGroup;
  payable: boolean;
  /** The latest attempt is a desktop WeChat QR still waiting: its page can be shown again. */
  qrWaiting: boolean;
  /** What the paying attempt has given back so far. */
  refundedMinor: number;
  wallet: Wallet | null;
};

function loadOrder(db: Db, id: string) {
  return db.order.findUniqueOrThrow({
    where: { id },
    include: { items: true, payments: { orderBy: { createdAt: "desc" } } },
  });
}

/**
 * Pure: the customer's status. An order still waiting whose latest attempt the browser
 * already came back from (the return, or a cancel on the gateway's page) was not completed:
 * "waiting for your payment" would mislead; the gateway may still settle it, and the page
 * moves on by itself if it does.
 */
export function customerStatus(status: OrderStatus, latestReturned: boolean): CustomerStatus {
  return isAwaitingPayment(status) && latestReturned ? "not_completed" : status;
}

export async function customerOrderView(db: Db, orderId: string, locale: Locale): Promise<CustomerOrderView> {
  const order = await loadOrder(db, orderId);
  const latest = order.payments[0];
  const paidWith = order.payments.find((p) => p.id === order.paidPaymentId);
  const latestReturned =
    latest !== undefined &&
    latest.status === AWAITING_GATEWAY &&
    (await db.paymentEvent.count({ where: { paymentId: latest.id, kind: "browser_return" }, take: 1 })) > 0;
  return {
    ...order,
    lines: order.items.map((item) => ({
      id: item.id,
      name: orderLineName(item, locale),
      quantity: item.quantity,
      lineTotalMinor: item.unitPriceMinor * item.quantity,
    })),
    shown: customerStatus(order.status, latestReturned),
    group: displayGroup(order.status),
    payable: isPayable(order.status),
    qrWaiting:
      isAwaitingPayment(order.status) &&
      latest?.flow === "qrcode" &&
      latest.status === AWAITING_GATEWAY &&
      latest.payUrl !== null,
    refundedMinor: paidWith?.refundedMinor ?? 0,
    wallet: (paidWith ?? latest)?.wallet ?? null,
  };
}
