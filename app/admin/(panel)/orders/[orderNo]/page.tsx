import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminOrderMessages } from "@/components/admin/order-messages";
import { AdminRefund, AdminRequery } from "@/components/admin/payment-actions";
import { FulfilmentPanel } from "@/components/admin/fulfilment-panel";
import { requireAdmin } from "@/lib/admin/guard";
import { newRefundNo, refundableLeft } from "@/lib/admin/refunds";
import { isAwaitingPayment, needsStockAttention } from "@/lib/orders/state";
import { prisma } from "@/lib/db";
import { appOrdersDeps } from "@/lib/orders/shop-wiring";
import { checkOrderNow, ADMIN_QUERY_INTERVAL_MS } from "@/lib/orders/check";
import { getAdminText } from "@/lib/admin/text-server";
import { toMajorString } from "@/lib/money";
import { deliverOutboxAfterResponse } from "@/lib/outbox/wiring";

export const dynamic = "force-dynamic";

export default async function AdminOrder({ params }: { params: Promise<{ orderNo: string }> }) {
  await requireAdmin();
  const { orderNo } = await params;
  // Opening an unpaid order asks the gateway about its pending attempts first (rate-limited).
  const unpaid = await prisma.order.findUnique({
    where: { orderNo: orderNo.slice(0, 20) },
    select: { id: true, status: true },
  });
  if (
    unpaid &&
    isAwaitingPayment(unpaid.status) &&
    (await checkOrderNow(appOrdersDeps(), unpaid.id, ADMIN_QUERY_INTERVAL_MS))
  )
    deliverOutboxAfterResponse(); // what the query settled wrote its messages
  const order = await prisma.order.findUnique({
    where: { orderNo: orderNo.slice(0, 20) },
    include: {
      items: true,
      payments: {
        orderBy: { createdAt: "asc" },
        include: { events: { orderBy: { createdAt: "asc" } }, refunds: { orderBy: { createdAt: "asc" } } },
      },
    },
  });
  if (!order) notFound();
  const text = await getAdminText();
  const money = (minor: number) => text.money(minor, order.currency);
  const time = (date: Date) => text.time(date, { seconds: true });
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/orders" className="text-sm text-teal-800 underline">
          ← Orders
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">{order.orderNo}</h1>
        <span
          data-testid="admin-order-status"
          data-status={order.status}
          className="rounded-full bg-stone-200 px-3 py-0.5 text-sm font-semibold"
        >
          {text.status(order.status)}
        </span>
      </div>
      {needsStockAttention(order) && (
        <p
          role="status"
          data-testid="admin-order-oversold"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        >
          <strong>Paid after its stock was released.</strong> The payment came in after this order&apos;s units went
          back on sale, and they have been sold to someone else. Refund the customer, or restock and ship.{" "}
          {order.paidPaymentId && (
            <a href="#refund" className="font-semibold underline">
              Refund this payment
            </a>
          )}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <section className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 className="font-semibold">Items</h2>
          <ul className="mt-2 text-sm">
            {order.items.map((i) => (
              <li key={i.id} className="flex justify-between border-t border-stone-100 py-1">
                <span>
                  {i.quantity} × {i.name} <span className="text-stone-500">({i.slug})</span>
                </span>
                <span className="tabular-nums">{money(i.unitPriceMinor * i.quantity)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-right font-semibold">Total {money(order.totalMinor)}</p>
        </section>
        <section className="rounded-xl border border-stone-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">Customer</h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-stone-500">Email</dt>
            <dd>{order.email}</dd>
            <dt className="text-stone-500">Name</dt>
            <dd>{order.customerName ?? "—"}</dd>
            <dt className="text-stone-500">Phone</dt>
            <dd>{order.phone ?? "—"}</dd>
            <dt className="text-stone-500">Language</dt>
            <dd>{text.language(order.locale)}</dd>
            <dt className="text-stone-500">Created</dt>
            <dd>{time(order.createdAt)}</dd>
            <dt className="text-stone-500">Paid</dt>
            <dd>{order.paidAt ? time(order.paidAt) : "—"}</dd>
          </dl>
        </section>
      </div>

      <FulfilmentPanel order={order} />
      <AdminOrderMessages orderId={order.id} />

      <h2 className="text-xl font-bold">Payment attempts</h2>
      {order.payments.length === 0 && <p className="text-sm text-stone-500">No payment attempt yet.</p>}
      {order.payments.map((payment, index) => {
        const left = refundableLeft(payment);
        const refundable = left > 0;
        return (
          <section
            key={payment.id}
            aria-label={`Attempt ${index + 1}`}
            data-testid="admin-payment"
            className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
          >
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <strong>Attempt {index + 1}</strong>
              <span data-testid="admin-payment-method">
                {text.wallet(payment.wallet)} · {text.flow(payment.flow)}
              </span>
              <span
                className="rounded bg-stone-100 px-2 font-semibold"
                data-testid="admin-payment-status"
                data-status={payment.status}
              >
                {text.status(payment.status)}
              </span>
              <span className="tabular-nums">{money(payment.amountMinor)}</span>
              {payment.refundedMinor > 0 && (
                <span className="text-red-700">refunded {money(payment.refundedMinor)}</span>
              )}
              {order.paidPaymentId === payment.id && (
                <span className="rounded bg-emerald-100 px-2 text-emerald-900">paid this order</span>
              )}
            </div>
            <p className="text-xs text-stone-500">
              partnerOrderNo {payment.partnerOrderNo} · gateway order {payment.gatewayOrderNo ?? "—"} · created{" "}
              {time(payment.createdAt)}
              {payment.expiresAt && <> · expires {time(payment.expiresAt)}</>}
            </p>
            {payment.lastError && <p className="text-sm text-red-700">Last error: {payment.lastError}</p>}
            <div className="flex flex-wrap items-start gap-6">
              <AdminRequery paymentId={payment.id} />
              {refundable && (
                <div id={order.paidPaymentId === payment.id ? "refund" : undefined} className="scroll-mt-4">
                  <AdminRefund
                    paymentId={payment.id}
                    refundNo={newRefundNo()}
                    currency={payment.currency}
                    leftLabel={money(left)}
                    leftMajor={toMajorString(left, payment.currency)}
                  />
                </div>
              )}
            </div>
            {payment.refunds.length > 0 && (
              <table className="w-full text-sm">
                <caption className="text-left font-semibold">Refunds</caption>
                <tbody>
                  {payment.refunds.map((r) => (
                    <tr key={r.id} className="border-t border-stone-100" data-testid="admin-refund">
                      <td className="py-1">{r.refundNo}</td>
                      <td className="py-1 tabular-nums">{money(r.amountMinor)}</td>
                      <td className="py-1" data-status={r.status}>
                        {text.refundStatus(r.status)}
                      </td>
                      <td className="py-1">{text.refundReason(r.reason)}</td>
                      <td className="py-1">{r.operator ?? ""}</td>
                      <td className="py-1">{time(r.createdAt)}</td>
                      <td className="py-1 text-red-700">{r.lastError ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <details>
              <summary className="cursor-pointer text-sm font-semibold">
                Timeline ({payment.events.length} messages)
              </summary>
              <ol className="mt-2 space-y-2">
                {payment.events.map((e) => (
                  <li key={e.id} className="rounded border border-stone-100 p-2 text-xs">
                    <span className="font-semibold">{e.direction === "sent" ? "→ sent" : "← received"}</span>{" "}
                    {text.eventKind(e.kind)} · {time(e.createdAt)} ·{" "}
                    {e.signatureValid === null ? (
                      "unsigned"
                    ) : e.signatureValid ? (
                      "signature valid"
                    ) : (
                      <span className="text-red-700">signature INVALID</span>
                    )}
                    {e.note && <span className="text-red-700"> · {e.note}</span>}
                    <details>
                      <summary className="cursor-pointer text-stone-500">raw message</summary>
                      <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all bg-stone-50 p-2">
                        {e.rawText}
                      </pre>
                    </details>
                  </li>
                ))}
              </ol>
            </details>
          </section>
        );
      })}
    </div>
  );
}
