import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/admin/print-button";
import { requireAdmin } from "@/lib/admin/guard";
import { getAdminText } from "@/lib/admin/text-server";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { storedMethodName } from "@/lib/shipping/snapshot";
import { isOrderNo } from "@/lib/orders/numbers";
import { addressLines, storedAddress } from "@/lib/shipping/address";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ orderNo: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { orderNo } = await params;
  return { title: { absolute: isOrderNo(orderNo) ? `Packing slip ${orderNo}` : "Packing slip" } };
}

/** What goes in the parcel, printed: order number, address, lines and quantities; no prices. */
export default async function PackingSlip({ params }: Props) {
  await requireAdmin();
  const { orderNo } = await params;
  if (!isOrderNo(orderNo)) notFound();
  const order = await prisma.order.findUnique({
    where: { orderNo },
    include: { items: { orderBy: { name: "asc" } } },
  });
  if (!order) notFound();
  const text = await getAdminText();
  const address = storedAddress(order.shippingAddress);
  const units = order.items.reduce((n, i) => n + i.quantity, 0);
  const method = storedMethodName(order.shippingMethod);
  return (
    <div className="mx-auto max-w-2xl space-y-6 bg-white p-6 text-black print:max-w-none print:p-0">
      <div className="flex items-center gap-3 print:hidden">
        <Link href={`/admin/orders/${order.orderNo}`} className="text-sm text-teal-800 underline">
          ← {order.orderNo}
        </Link>
        <span className="ml-auto" />
        <PrintButton />
      </div>
      <header className="flex flex-wrap items-start justify-between gap-4 border-b-2 border-black pb-3">
        <div>
          <p className="text-sm">{getEnv().mail.shopName}</p>
          <h1 className="text-2xl font-bold">Packing slip</h1>
        </div>
        <div className="text-right">
          <p className="font-mono text-2xl font-bold" data-testid="slip-order-no">
            {order.orderNo}
          </p>
          <p className="text-sm">Ordered {text.time(order.createdAt)}</p>
          {order.paidAt && <p className="text-sm">Paid {text.time(order.paidAt)}</p>}
        </div>
      </header>

      <section aria-labelledby="slip-to" className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
        <div>
          <h2 id="slip-to" className="text-xs font-bold tracking-wide uppercase">
            {order.delivery === "ship" ? "Ship to" : "Pick-up in store"}
          </h2>
          {order.delivery === "ship" ? (
            address ? (
              <address className="mt-1 text-lg leading-snug not-italic" data-testid="slip-address">
                {addressLines(address).map((line, i) => (
                  <span key={i} className="block">
                    {line}
                  </span>
                ))}
              </address>
            ) : (
              <p className="mt-1 font-bold">No readable address on this order: check before sending.</p>
            )
          ) : (
            <p className="mt-1 text-lg">
              {order.customerName ?? order.email}
              {order.phone && <span className="block">{order.phone}</span>}
            </p>
          )}
        </div>
        <dl className="grid grid-cols-[auto_1fr] content-start gap-x-3 text-sm">
          {method && (
            <>
              <dt className="font-bold">Method</dt>
              <dd>{method}</dd>
            </>
          )}
          <dt className="font-bold">Customer</dt>
          <dd>{order.customerName ?? "—"}</dd>
          <dt className="font-bold">Email</dt>
          <dd className="break-all">{order.email}</dd>
          {order.trackingNumber && (
            <>
              <dt className="font-bold">Tracking</dt>
              <dd>
                {order.carrier} <span className="font-mono">{order.trackingNumber}</span>
              </dd>
            </>
          )}
        </dl>
      </section>

      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Items in this parcel</caption>
        <thead>
          <tr className="border-b-2 border-black">
            <th scope="col" className="w-16 py-1.5 pr-3 text-right">
              Qty
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Item
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Code
            </th>
            <th scope="col" className="w-16 py-1.5 text-center">
              Packed
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id} className="border-b border-black/40 break-inside-avoid" data-testid="slip-line">
              <td className="py-2 pr-3 text-right text-lg font-bold tabular-nums">{item.quantity}</td>
              <td className="py-2 pr-3">{item.name}</td>
              <td className="py-2 pr-3 font-mono text-sm">{item.slug}</td>
              <td className="py-2 text-center" aria-hidden>
                <span className="inline-block size-5 border border-black" />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td className="py-2 pr-3 text-right font-bold tabular-nums">{units}</td>
            <td className="py-2" colSpan={3}>
              unit{units === 1 ? "" : "s"} in all
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="text-center text-sm">Thank you for your order.</p>
    </div>
  );
}
