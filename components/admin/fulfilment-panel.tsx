import Link from "next/link";
import { FulfilmentMoveForm } from "@/components/admin/fulfilment-move-form";
import { ShipForm } from "@/components/admin/ship-form";
import { getAdminText } from "@/lib/admin/text-server";
import { prisma } from "@/lib/db";
import { orderFulfilment, type TimelineEntry } from "@/lib/fulfilment/queries";
import { availableActions, check, refusalText, type OrderFacts } from "@/lib/fulfilment/state";
import { storedMethodName } from "@/lib/shipping/snapshot";
import { isAwaitingPayment, isPartlyRefunded } from "@/lib/orders/state";
import { addressLines, storedAddress } from "@/lib/shipping/address";

type Order = OrderFacts & {
  id: string;
  orderNo: string;
  currency: string;
  shippingMinor: number;
  shippingMethod: unknown;
  shippingAddress: unknown;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
};

const FULFILMENT_LABEL = {
  unfulfilled: "Not sent yet",
  shipped: "Shipped",
  delivered: "Delivered",
  collected: "Collected",
} as const;

const ACTION_LABEL: Record<string, string> = {
  ship: "Marked shipped",
  update_tracking: "Tracking corrected",
  deliver: "Marked delivered",
  collect: "Marked collected",
};

function describe(entry: TimelineEntry): string {
  const to = (key: string) => {
    const value = entry.changes[key]?.to;
    return typeof value === "string" ? value : null;
  };
  const parts = [to("carrier"), to("trackingNumber")].filter(Boolean);
  return parts.length > 0 ? ` · ${parts.join(" ")}` : "";
}

/** The admin order page's fulfilment: how it is delivered, where, what is done, what to do next. */
export async function FulfilmentPanel({ order }: { order: Order }) {
  const [text, { timeline }] = await Promise.all([getAdminText(), orderFulfilment(prisma, order.id)]);
  const time = (date: Date) => text.time(date);
  const address = storedAddress(order.shippingAddress);
  const actions = availableActions(order);
  const blocked =
    order.fulfilment === "unfulfilled" ? check(order, order.delivery === "ship" ? "ship" : "collect") : null;
  return (
    <section
      aria-labelledby="fulfilment"
      data-testid="admin-fulfilment"
      data-fulfilment={order.fulfilment}
      className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 text-sm"
    >
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="fulfilment" className="text-xl font-bold">
          Fulfilment
        </h2>
        <span className="rounded-full bg-stone-200 px-3 py-0.5 font-semibold" data-testid="admin-fulfilment-status">
          {FULFILMENT_LABEL[order.fulfilment]}
        </span>
        <Link href={`/admin/orders/${order.orderNo}/packing-slip`} className="ml-auto text-teal-800 underline">
          Packing slip
        </Link>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-stone-500">Delivery</dt>
        <dd>
          {order.delivery === "ship" ? "Shipped to the customer" : "Pick-up in store"}
          {storedMethodName(order.shippingMethod) && <> · {storedMethodName(order.shippingMethod)}</>}
          {order.shippingMinor > 0 && <> · {text.money(order.shippingMinor, order.currency)}</>}
        </dd>
        {order.delivery === "ship" && (
          <>
            <dt className="text-stone-500">Address</dt>
            <dd>
              {address ? (
                <address className="not-italic" data-testid="admin-shipping-address">
                  {addressLines(address).map((line, i) => (
                    <span key={i} className="block">
                      {line}
                    </span>
                  ))}
                </address>
              ) : (
                <span className="text-red-700">No readable address on this order.</span>
              )}
            </dd>
          </>
        )}
        {order.trackingNumber && (
          <>
            <dt className="text-stone-500">Tracking</dt>
            <dd data-testid="admin-tracking">
              {order.carrier} · <span className="font-mono">{order.trackingNumber}</span>
              {order.trackingUrl && (
                <>
                  {" · "}
                  <a
                    href={order.trackingUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="text-teal-800 underline"
                  >
                    track
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        {order.shippedAt && (
          <>
            <dt className="text-stone-500">Shipped</dt>
            <dd>{time(order.shippedAt)}</dd>
          </>
        )}
        {order.deliveredAt && (
          <>
            <dt className="text-stone-500">{order.fulfilment === "collected" ? "Collected" : "Delivered"}</dt>
            <dd>{time(order.deliveredAt)}</dd>
          </>
        )}
      </dl>

      {blocked && !blocked.ok && !isAwaitingPayment(order.status) && (
        <p className="rounded border border-amber-200 bg-amber-50 p-2 text-amber-900">{refusalText(blocked.reason)}</p>
      )}
      {isPartlyRefunded(order.status) && order.fulfilment === "unfulfilled" && (
        <p className="rounded border border-amber-200 bg-amber-50 p-2 text-amber-900">
          Partly refunded: check which items are still to be sent before packing.
        </p>
      )}
      {actions.includes("ship") && <ShipForm orderNo={order.orderNo} mode="ship" />}
      {actions.includes("collect") && <FulfilmentMoveForm orderNo={order.orderNo} intent="collect" />}
      {actions.includes("deliver") && <FulfilmentMoveForm orderNo={order.orderNo} intent="deliver" />}
      {actions.includes("update_tracking") && (
        <details>
          <summary className="cursor-pointer font-semibold">Correct the tracking</summary>
          <div className="mt-2">
            <ShipForm
              orderNo={order.orderNo}
              mode="update_tracking"
              defaults={{
                carrier: order.carrier,
                trackingNumber: order.trackingNumber,
                trackingUrl: order.trackingUrl,
              }}
            />
          </div>
        </details>
      )}

      <div>
        <h3 className="font-semibold">Timeline</h3>
        {timeline.length === 0 ? (
          <p className="text-stone-500">Nothing done yet.</p>
        ) : (
          <ol className="mt-1 space-y-1" data-testid="admin-fulfilment-timeline">
            {timeline.map((entry) => (
              <li key={entry.id} className="border-t border-stone-100 pt-1">
                <span className="font-semibold">{ACTION_LABEL[entry.action] ?? entry.action}</span>
                {describe(entry)} · {entry.actor} · {time(entry.createdAt)}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
