// The back office's order list: filters, search, pagination, totals and CSV.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../db";
import { hkMidnight } from "../hk-time";
import { toMajorString } from "../money";
import { ORDER_STATUSES } from "../orders/state";

export const PAGE_SIZE = 20;

/** A calendar day between 2000 and 2999 (a shop's orders; year 0 or 9999 would reach the database as nonsense). */
const day = z
  .string()
  .regex(/^2\d{3}-\d{2}-\d{2}$/)
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  )
  .optional()
  .catch(undefined);
export const orderFiltersSchema = z.object({
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  wallet: z.enum(["Alipay", "AlipayHK", "Wechat"]).optional().catch(undefined),
  flow: z.enum(["website", "jsapi", "qrcode"]).optional().catch(undefined),
  /** Inclusive days, Hong Kong time. */
  from: day,
  to: day,
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type OrderFilters = z.infer<typeof orderFiltersSchema>;

export function orderWhere(f: OrderFilters): Prisma.OrderWhereInput {
  const and: Prisma.OrderWhereInput[] = [];
  if (f.status) and.push({ status: f.status });
  if (f.wallet || f.flow)
    and.push({
      payments: { some: { ...(f.wallet ? { wallet: f.wallet } : {}), ...(f.flow ? { flow: f.flow } : {}) } },
    });
  if (f.from) and.push({ createdAt: { gte: hkMidnight(f.from) } });
  if (f.to) and.push({ createdAt: { lt: hkMidnight(f.to, 1) } });
  if (f.q) {
    const q = f.q;
    and.push({
      OR: [
        { orderNo: q.toUpperCase() },
        { email: { contains: q.toLowerCase(), mode: "insensitive" } },
        { payments: { some: { partnerOrderNo: q.toLowerCase() } } },
        { payments: { some: { gatewayOrderNo: q } } },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

export async function listOrders(db: Db, filters: OrderFilters) {
  const where = orderWhere(filters);
  const [rows, count, totals] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        payments: {
          orderBy: { createdAt: "desc" },
          select: { id: true, wallet: true, flow: true, status: true, refundedMinor: true },
        },
      },
    }),
    db.order.count({ where }),
    db.order.groupBy({ by: ["currency"], where, _sum: { totalMinor: true }, _count: { _all: true } }),
  ]);
  return {
    rows,
    count,
    pages: Math.max(1, Math.ceil(count / PAGE_SIZE)),
    totals: totals.map((t) => ({ currency: t.currency, totalMinor: t._sum.totalMinor ?? 0, orders: t._count._all })),
  };
}

/** Quoted when needed; text a spreadsheet would run as a formula (=, +, -, @ first, or after a separator) is neutralised. */
const csvCell = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) || /[;,\t]\s*[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",;\t\n\r']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Every order the filters match (not only one page), amounts in major units with currency. */
export async function ordersCsv(db: Db, filters: OrderFilters): Promise<string> {
  const orders = await db.order.findMany({
    where: orderWhere(filters),
    orderBy: { createdAt: "desc" },
    take: 50_000,
    include: { payments: { orderBy: { createdAt: "desc" } } },
  });
  const header = [
    "order_no",
    "created_at",
    "status",
    "email",
    "name",
    "wallet",
    "flow",
    "currency",
    "total",
    "refunded",
    "paid_at",
    "partner_order_no",
    "gateway_order_no",
  ];
  const lines = orders.map((o) => {
    const payment = o.payments.find((p) => p.id === o.paidPaymentId) ?? o.payments[0];
    return [
      o.orderNo,
      o.createdAt.toISOString(),
      o.status,
      o.email,
      o.customerName ?? "",
      payment?.wallet ?? "",
      payment?.flow ?? "",
      o.currency,
      toMajorString(o.totalMinor, o.currency),
      // What the merchant gave back on the payment that paid (a duplicate's automatic refund is not a refund of this order).
      toMajorString(o.payments.find((p) => p.id === o.paidPaymentId)?.refundedMinor ?? 0, o.currency),
      o.paidAt?.toISOString() ?? "",
      payment?.partnerOrderNo ?? "",
      payment?.gatewayOrderNo ?? "",
    ]
      .map(csvCell)
      .join(",");
  });
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
