// Sales at a glance: paid revenue, paid orders, conversion, refunds, stuck payments,
// revenue by day and the wallet split. Days are Hong Kong days.
import type { Db } from "../db";
import { AWAITING_GATEWAY, NEEDS_STOCK_ATTENTION, REFUND_SUCCEED } from "../orders/state";
import { hkDate, hkMidnight } from "../hk-time";
import { outboxHealth } from "../outbox/admin";

/** Start of the Hong Kong day `daysAgo` days before `now`'s. */
const hkDayStart = (now: Date, daysAgo: number) => hkMidnight(hkDate(now), -daysAgo);

export type Period = {
  days: 1 | 7 | 30;
  revenue: Record<string, number>;
  paidOrders: number;
  createdOrders: number;
  conversion: number | null;
  refunds: Record<string, number>;
};

export async function dashboard(db: Db, now = new Date()) {
  const since = hkDayStart(now, 29);
  const [paid, created, refunds, stuck, oversold, messages] = await Promise.all([
    db.order.findMany({
      where: { paidAt: { gte: since }, paidPaymentId: { not: null } },
      select: {
        paidAt: true,
        totalMinor: true,
        currency: true,
        payments: { select: { id: true, wallet: true } },
        paidPaymentId: true,
      },
    }),
    db.order.findMany({ where: { createdAt: { gte: since } }, select: { createdAt: true, paidPaymentId: true } }),
    // The merchant's refunds; a duplicate payment's automatic refund was never revenue.
    db.refund.findMany({
      where: { status: REFUND_SUCCEED.to, reason: "merchant", updatedAt: { gte: since } },
      select: { updatedAt: true, amountMinor: true, payment: { select: { currency: true } } },
    }),
    // Past its time to pay and still undecided: reconciliation has not settled it.
    db.payment.count({ where: { status: AWAITING_GATEWAY, expiresAt: { lt: new Date(now.getTime() - 5 * 60_000) } } }),
    // Paid after their stock was released, with nothing left to take again: refund or restock.
    db.order.findMany({
      where: { stockState: NEEDS_STOCK_ATTENTION.stockState, status: { in: [...NEEDS_STOCK_ATTENTION.status] } },
      select: { orderNo: true, totalMinor: true, currency: true, paidAt: true },
      orderBy: { paidAt: "desc" },
      take: 20,
    }),
    // Order mail, alerts and webhooks that failed, or that no delivery pass has picked up.
    outboxHealth(db, now),
  ]);
  const add = (into: Record<string, number>, currency: string, minor: number) =>
    void (into[currency] = (into[currency] ?? 0) + minor);

  const periods: Period[] = ([1, 7, 30] as const).map((days) => {
    const start = hkDayStart(now, days - 1);
    const inPeriod = paid.filter((o) => o.paidAt! >= start);
    const revenue: Record<string, number> = {};
    for (const o of inPeriod) add(revenue, o.currency, o.totalMinor);
    const refunded: Record<string, number> = {};
    for (const r of refunds.filter((r) => r.updatedAt >= start)) add(refunded, r.payment.currency, r.amountMinor);
    const createdInPeriod = created.filter((o) => o.createdAt >= start);
    // Conversion: of the orders created in the period, how many are paid.
    const converted = createdInPeriod.filter((o) => o.paidPaymentId !== null).length;
    return {
      days,
      revenue,
      paidOrders: inPeriod.length,
      createdOrders: createdInPeriod.length,
      conversion: createdInPeriod.length ? converted / createdInPeriod.length : null,
      refunds: refunded,
    };
  });

  const byDay = Array.from({ length: 30 }, (_, i) => ({
    day: hkDate(hkDayStart(now, 29 - i)),
    revenue: {} as Record<string, number>,
  }));
  for (const o of paid) {
    const slot = byDay.find((d) => d.day === hkDate(o.paidAt!));
    if (slot) add(slot.revenue, o.currency, o.totalMinor);
  }
  const wallets = new Map<string, { orders: number; revenue: Record<string, number> }>();
  for (const o of paid) {
    const wallet = o.payments.find((p) => p.id === o.paidPaymentId)?.wallet ?? "unknown";
    const entry = wallets.get(wallet) ?? { orders: 0, revenue: {} };
    entry.orders++;
    add(entry.revenue, o.currency, o.totalMinor);
    wallets.set(wallet, entry);
  }
  const currencies = [...new Set(paid.map((o) => o.currency))];
  return {
    periods,
    byDay,
    wallets: [...wallets].map(([wallet, v]) => ({ wallet, ...v })),
    stuckPending: stuck,
    oversold,
    messages,
    currency: currencies[0] ?? "HKD",
  };
}
