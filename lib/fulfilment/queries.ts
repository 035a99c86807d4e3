// What the back office reads about fulfilment: the queue of paid orders to send or hand over,
// and one order's fulfilment timeline (its audit-log rows).
import type { Db } from "../db";
import { FULFILLABLE } from "../orders/state";

/** Most orders the queue page lists per section (the counts say how many there are in all). */
export const QUEUE_LIMIT = 200;

const queueSelect = {
  id: true,
  orderNo: true,
  status: true,
  email: true,
  customerName: true,
  totalMinor: true,
  currency: true,
  paidAt: true,
  delivery: true,
  shippingMethod: true,
  shippingAddress: true,
  items: { select: { quantity: true } },
} as const;

export async function fulfilmentQueue(db: Db) {
  const waiting = { status: { in: [...FULFILLABLE] }, fulfilment: "unfulfilled" as const };
  const order = [{ paidAt: "asc" }, { id: "asc" }] as const;
  const [toShip, toCollect, shipToCount, collectCount, shipped] = await Promise.all([
    db.order.findMany({
      where: { ...waiting, delivery: "ship" },
      orderBy: [...order],
      take: QUEUE_LIMIT,
      select: queueSelect,
    }),
    db.order.findMany({
      where: { ...waiting, delivery: "pickup" },
      orderBy: [...order],
      take: QUEUE_LIMIT,
      select: queueSelect,
    }),
    db.order.count({ where: { ...waiting, delivery: "ship" } }),
    db.order.count({ where: { ...waiting, delivery: "pickup" } }),
    db.order.count({ where: { fulfilment: "shipped" } }),
  ]);
  const units = (o: { items: { quantity: number }[] }) => o.items.reduce((n, i) => n + i.quantity, 0);
  return {
    toShip: toShip.map((o) => ({ ...o, units: units(o) })),
    toCollect: toCollect.map((o) => ({ ...o, units: units(o) })),
    counts: { toShip: shipToCount, toCollect: collectCount, shipped },
  };
}

export type TimelineEntry = {
  id: string;
  action: string;
  actor: string;
  createdAt: Date;
  changes: Record<string, { from: unknown; to: unknown }>;
};

/** An order's fulfilment moves, oldest first. */
export async function orderFulfilment(db: Db, orderId: string): Promise<{ timeline: TimelineEntry[] }> {
  const rows = await db.auditLog.findMany({
    where: { entity: "order", entityId: orderId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
  });
  return {
    timeline: rows.map((r) => ({
      id: r.id,
      action: r.action,
      actor: r.actor,
      createdAt: r.createdAt,
      changes: (r.changes ?? {}) as TimelineEntry["changes"],
    })),
  };
}
