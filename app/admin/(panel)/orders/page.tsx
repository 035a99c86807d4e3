import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { listOrders, orderFiltersSchema } from "@/lib/admin/orders";
import { getAdminText } from "@/lib/admin/text-server";
import { prisma } from "@/lib/db";
import { ORDER_STATUSES } from "@/lib/orders/state";
import { AdminPager } from "@/components/admin/pager";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOrders({ searchParams }: Props) {
  await requireAdmin();
  const raw = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v !== undefined && v !== ""),
  );
  const filters = orderFiltersSchema.parse(raw);
  const [{ rows, count, pages, totals }, text] = await Promise.all([listOrders(prisma, filters), getAdminText()]);
  const query = (page: number) =>
    new URLSearchParams({ ...(raw as Record<string, string>), page: String(page) }).toString();
  const select = "h-9 rounded-lg border border-stone-300 bg-white px-2 text-sm";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Orders</h1>
      <form
        method="get"
        className="flex flex-wrap items-end gap-2 rounded-xl border border-stone-200 bg-white p-3 text-sm"
      >
        <label className="flex flex-col">
          Search
          <input
            name="q"
            defaultValue={filters.q}
            placeholder="Order no., email, partnerOrderNo, gateway no."
            className={`${select} w-72`}
          />
        </label>
        <label className="flex flex-col">
          Status
          <select name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">Any</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {text.status(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Wallet
          <select name="wallet" defaultValue={filters.wallet ?? ""} className={select}>
            <option value="">Any</option>
            {(["AlipayHK", "Alipay", "Wechat"] as const).map((w) => (
              <option key={w} value={w}>
                {text.wallet(w)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Flow
          <select name="flow" defaultValue={filters.flow ?? ""} className={select}>
            <option value="">Any</option>
            {orderFiltersSchema.shape.flow
              .unwrap()
              .unwrap()
              .options.map((f) => (
                <option key={f} value={f}>
                  {text.flow(f)}
                </option>
              ))}
          </select>
        </label>
        <label className="flex flex-col">
          From (HKT)
          <input type="date" name="from" defaultValue={filters.from} className={select} />
        </label>
        <label className="flex flex-col">
          To (HKT)
          <input type="date" name="to" defaultValue={filters.to} className={select} />
        </label>
        <button className="h-9 rounded-lg bg-stone-900 px-4 font-semibold text-white">Filter</button>
        <a
          href={`/api/admin/orders/export?${new URLSearchParams(raw as Record<string, string>)}`}
          className="h-9 rounded-lg border border-stone-300 px-3 leading-9 hover:bg-stone-100"
        >
          Export CSV
        </a>
      </form>
      <p className="text-sm text-stone-600" data-testid="orders-summary">
        {count} order{count === 1 ? "" : "s"}
        {totals.length > 0 && <> · {totals.map((t) => text.money(t.totalMinor, t.currency)).join(" + ")}</>}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center text-stone-500">
          No orders match.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-stone-50 text-left text-stone-500">
              <tr>
                <th className="p-2">Order</th>
                <th className="p-2">Created</th>
                <th className="p-2">Customer</th>
                <th className="p-2">Wallet</th>
                <th className="p-2">Status</th>
                <th className="p-2 text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} className="border-t border-stone-100">
                  <td className="p-2">
                    <Link href={`/admin/orders/${o.orderNo}`} className="font-medium text-teal-800 underline">
                      {o.orderNo}
                    </Link>
                  </td>
                  <td className="p-2 whitespace-nowrap" data-testid="admin-order-created">
                    {text.time(o.createdAt)}
                  </td>
                  <td className="p-2">{o.email}</td>
                  <td className="p-2">{o.payments.map((p) => text.wallet(p.wallet)).join(", ") || "—"}</td>
                  <td className="p-2" data-status={o.status}>
                    {text.status(o.status)}
                  </td>
                  <td className="p-2 text-right tabular-nums">{text.money(o.totalMinor, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminPager page={filters.page} pages={pages} href={(page) => `?${query(page)}`} />
    </div>
  );
}
