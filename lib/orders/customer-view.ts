// What the customer's order page shows: the order in their language, the status they read,
// and what they can do next. The statuses and their rules come from lib/orders/state.ts;
// this only reads.
import type { Db } from "../db";
import type { Wallet } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locale";
import { orderLineName } from "../catalog/products";
import { addressLines, storedAddress } from "../shipping/address";
import { snapshotName, storedMethod } from "../shipping/snapshot";
import {
  AWAITING_GATEWAY,
  customerStatus,
  displayGroup,
  isAwaitingPayment,
  isPayable,
  type CustomerStatus,
  type DisplayGroup,
} from "./state";

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
  /** How the order reaches the customer, from its snapshot (components/shop/order-delivery.tsx). */
  shipping: OrderDeliveryView;
};

export type OrderDeliveryView = {
  kind: "ship" | "pickup";
  /** The method's name in the customer's language; null for an order placed without a choice. */
  methodName: string | null;
  /** The address as printable lines; null for pick-up. */
  addressLines: string[] | null;
  itemsMinor: number;
  shippingMinor: number;
};

/** The delivery part of an order as the customer's page shows it. */
export function orderDeliveryView(
  order: {
    delivery: "ship" | "pickup";
    shippingMethod: unknown;
    shippingAddress: unknown;
    totalMinor: number;
    shippingMinor: number;
  },
  locale: Locale,
): OrderDeliveryView {
  const method = storedMethod(order.shippingMethod);
  const address = order.delivery === "ship" ? storedAddress(order.shippingAddress) : null;
  return {
    kind: order.delivery,
    methodName: method ? snapshotName(method, locale) : null,
    addressLines: address ? addressLines(address, locale) : null,
    itemsMinor: order.totalMinor - order.shippingMinor,
    shippingMinor: order.shippingMinor,
  };
}

function loadOrder(db: Db, id: string) {
  return db.order.findUniqueOrThrow({
    where: { id },
    include: { items: true, payments: { orderBy: { createdAt: "desc" } } },
  });
}

/** `unpaidSinceReturn`: the browser's return was just told "still to be paid" (a cancel). */
export async function customerOrderView(
  db: Db,
  orderId: string,
  locale: Locale,
  unpaidSinceReturn = false,
): Promise<CustomerOrderView> {
  const order = await loadOrder(db, orderId);
  const latest = order.payments[0];
  const paidWith = order.payments.find((p) => p.id === order.paidPaymentId);
  const shown = customerStatus(order.status, unpaidSinceReturn);
  return {
    ...order,
    lines: order.items.map((item) => ({
      id: item.id,
      name: orderLineName(item, locale),
      quantity: item.quantity,
      lineTotalMinor: item.unitPriceMinor * item.quantity,
    })),
    shown,
    group: displayGroup(shown),
    payable: isPayable(order.status),
    qrWaiting:
      isAwaitingPayment(order.status) &&
      latest?.flow === "qrcode" &&
      latest.status === AWAITING_GATEWAY &&
      latest.payUrl !== null,
    refundedMinor: paidWith?.refundedMinor ?? 0,
    wallet: (paidWith ?? latest)?.wallet ?? null,
    shipping: orderDeliveryView(order, locale),
  };
}
