import Link from "next/link";
import { AdminReconcileStatus } from "@/components/admin/reconcile-status";
import { AdminRevenueChart } from "@/components/admin/revenue-chart";
import { reconcileHealth } from "@/lib/admin/background";
import { dashboard } from "@/lib/admin/dashboard";
import { getEnv } from "@/lib/env";
import { requireAdmin } from "@/lib/admin/guard";
import { getAdminText } from "@/lib/admin/text-server";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function AdminDashboard() {
  await requireAdmin();
  const env = getEnv();
  const now = new Date();
  const [data, health, text] = await Promise.all([
    dashboard(prisma, now),
    reconcileHealth(prisma, env.reconcile.intervalMs, now),
    getAdminText(),
  ]);
  const money = text.amounts;
  const labels = { 1: "Today", 7: "Last 7 days", 30: "Last 30 days" } as const;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Dashboard</h1>
      {data.stuckPending > 0 && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {data.stuckPending} payment{data.stuckPending === 1 ? " is" : "s are"} still pending past their time to pay.{" "}
          <Link href="/admin/orders?status=pending" className="font-semibold underline">
            See pending orders
          </Link>
          .
        </p>
      )}
      {data.oversold.length > 0 && (
        <section
          role="status"
          aria-label="Paid after their stock was released"
          data-testid="admin-oversold"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        >
          <p className="font-semibold">
            {data.oversold.length} order{data.oversold.length === 1 ? " was" : "s were"} paid after its stock was
            released, and the units had gone to other customers. Refund the customer, or restock and ship.
          </p>
          <ul className="mt-2 list-disc pl-5">
            {data.oversold.map((o) => (
              <li key={o.orderNo}>
                <Link href={`/admin/orders/${o.orderNo}#refund`} className="font-semibold underline">
                  {o.orderNo}
                </Link>{" "}
                · {text.money(o.totalMinor, o.currency)}
                {o.paidAt && <> · paid {text.time(o.paidAt)}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(data.messages.failed > 0 || data.messages.overdue > 0) && (
        <p
          role="status"
          data-testid="admin-messages-warning"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        >
          {data.messages.failed > 0 && (
            <>
              {data.messages.failed} message{data.messages.failed === 1 ? " has" : "s have"} failed (order mail, alerts
              or webhooks).{" "}
              <Link href="/admin/messages?status=failed" className="font-semibold underline">
                See failed messages
              </Link>
              .{" "}
            </>
          )}
          {data.messages.overdue > 0 && (
            <>
              {data.messages.overdue} message{data.messages.overdue === 1 ? " is" : "s are"} waiting more than 10
              minutes past their time: is the delivery worker or cron running?{" "}
              <Link href="/admin/messages?status=overdue" className="font-semibold underline">
                See overdue messages
              </Link>
              .
            </>
          )}
        </p>
      )}
      <AdminReconcileStatus
        health={health}
        intervalMs={env.reconcile.intervalMs}
        serverless={env.serverless}
        now={now}
        time={text.time}
      />
      <div className="grid gap-4 md:grid-cols-3">
        {data.periods.map((p) => (
          <section key={p.days} aria-label={labels[p.days]} className="rounded-xl border border-stone-200 bg-white p-4">
            <h2 className="text-sm font-semibold text-stone-500">{labels[p.days]}</h2>
            <dl className="mt-2 grid grid-cols-2 gap-y-1 text-sm">
              <dt>Paid revenue</dt>
              <dd className="text-right font-semibold tabular-nums" data-testid={`revenue-${p.days}`}>
                {money(p.revenue)}
              </dd>
              <dt>Paid orders</dt>
              <dd className="text-right tabular-nums">{p.paidOrders}</dd>
              <dt>Conversion</dt>
              <dd className="text-right tabular-nums">
                {p.conversion === null ? "—" : `${Math.round(p.conversion * 100)}% of ${p.createdOrders}`}
              </dd>
              <dt>Refunds</dt>
              <dd className="text-right tabular-nums">{money(p.refunds)}</dd>
            </dl>
          </section>
        ))}
      </div>
      <section className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">Revenue by day ({data.currency}, days in Hong Kong time)</h2>
        <AdminRevenueChart days={data.byDay} currency={data.currency} />
      </section>
      <section className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">Wallets, last 30 days</h2>
        {data.wallets.length === 0 ? (
          <p className="text-sm text-stone-500">No paid orders yet.</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-stone-500">
                <th className="py-1">Wallet</th>
                <th className="py-1 text-right">Orders</th>
                <th className="py-1 text-right">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {data.wallets.map((w) => (
                <tr key={w.wallet} className="border-t border-stone-100">
                  <td className="py-1">{text.wallet(w.wallet)}</td>
                  <td className="py-1 text-right tabular-nums">{w.orders}</td>
                  <td className="py-1 text-right tabular-nums">{money(w.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
