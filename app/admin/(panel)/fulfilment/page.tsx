import type { Metadata } from "next";
import Link from "next/link";
import { BulkShipForm } from "@/components/admin/bulk-ship-form";
import { requireAdmin } from "@/lib/admin/guard";
import { getAdminText } from "@/lib/admin/text-server";
import { prisma } from "@/lib/db";
import { fulfilmentQueue, QUEUE_LIMIT } from "@/lib/fulfilment/queries";
import { storedMethodName } from "@/lib/shipping/snapshot";
import { isPartlyRefunded } from "@/lib/orders/state";
import { countryName, storedAddress } from "@/lib/shipping/address";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "Fulfilment · Back office" } };

type Row = Awaited<ReturnType<typeof fulfilmentQueue>>["toShip"][number];

function QueueTable({
  rows,
  label,
  ship,
  time,
}: {
  rows: Row[];
  label: string;
  ship: boolean;
  time: (date: Date) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="text-stone-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Order
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Paid
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Customer
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Units
            </th>
            {ship && (
              <th scope="col" className="py-1 pr-3 font-medium">
                To
              </th>
            )}
            <th scope="col" className="py-1 font-medium">
              <span className="sr-only">Links</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <QueueRow key={row.id} row={row} ship={ship} time={time} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QueueRow({ row, ship, time }: { row: Row; ship: boolean; time: (date: Date) => string }) {
  const address = storedAddress(row.shippingAddress);
  return (
    <tr className="border-t border-stone-100 align-top" data-testid={ship ? "queue-ship" : "queue-collect"}>
      <td className="py-1.5 pr-3">
        <Link href={`/admin/orders/${row.orderNo}`} className="font-mono text-teal-800 underline">
          {row.orderNo}
        </Link>
        {isPartlyRefunded(row.status) && <span className="block text-xs text-amber-800">partly refunded</span>}
      </td>
      <td className="py-1.5 pr-3 whitespace-nowrap">{row.paidAt ? time(row.paidAt) : "—"}</td>
      <td className="py-1.5 pr-3">{row.customerName ?? row.email}</td>
      <td className="py-1.5 pr-3 tabular-nums">{row.units}</td>
      {ship && (
        <td className="py-1.5 pr-3">
          {address ? `${address.district ?? address.region ?? ""} ${countryName(address.country)}`.trim() : "—"}
          {storedMethodName(row.shippingMethod) && (
            <span className="block text-stone-500">{storedMethodName(row.shippingMethod)}</span>
          )}
        </td>
      )}
      <td className="py-1.5 whitespace-nowrap">
        <Link href={`/admin/orders/${row.orderNo}/packing-slip`} className="text-teal-800 underline">
          Packing slip
        </Link>
      </td>
    </tr>
  );
}

export default async function FulfilmentQueue() {
  await requireAdmin();
  const [{ toShip, toCollect, counts }, text] = await Promise.all([fulfilmentQueue(prisma), getAdminText()]);
  const time = (date: Date) => text.time(date);
  const more = (shown: number, all: number) =>
    all > shown ? (
      <p className="mt-2 text-xs text-stone-500">
        Showing the {QUEUE_LIMIT} oldest of {all}.
      </p>
    ) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Fulfilment</h1>
      <dl className="grid gap-3 sm:grid-cols-3" aria-label="Counts">
        {[
          ["To ship", counts.toShip, "count-to-ship"],
          ["Waiting for pick-up", counts.toCollect, "count-to-collect"],
          ["Shipped, not yet delivered", counts.shipped, "count-shipped"],
        ].map(([label, count, id]) => (
          <div key={id} className="rounded-xl border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-500">{label}</dt>
            <dd className="text-2xl font-bold tabular-nums" data-testid={id}>
              {count}
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="to-ship" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="to-ship" className="mb-2 font-semibold">
          Paid orders to ship <span className="text-stone-500">(oldest paid first)</span>
        </h2>
        {toShip.length === 0 ? (
          <p className="text-sm text-stone-500">Nothing to ship: every paid delivery order has been sent.</p>
        ) : (
          <QueueTable rows={toShip} label="Paid orders to ship" ship time={time} />
        )}
        {more(toShip.length, counts.toShip)}
      </section>

      <section aria-labelledby="to-collect" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="to-collect" className="mb-2 font-semibold">
          Pick-ups waiting to be collected
        </h2>
        {toCollect.length === 0 ? (
          <p className="text-sm text-stone-500">No paid pick-up order is waiting.</p>
        ) : (
          <QueueTable rows={toCollect} label="Pick-ups waiting to be collected" ship={false} time={time} />
        )}
        {more(toCollect.length, counts.toCollect)}
      </section>

      <section aria-labelledby="bulk-ship" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="bulk-ship" className="mb-2 font-semibold">
          Mark shipped from a CSV
        </h2>
        <BulkShipForm />
      </section>
    </div>
  );
}
