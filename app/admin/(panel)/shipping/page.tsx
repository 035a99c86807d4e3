import type { Metadata } from "next";
import { ShippingMethodForm } from "@/components/admin/shipping-method-form";
import { requireAdmin } from "@/lib/admin/guard";
import { getAdminText } from "@/lib/admin/text-server";
import { prisma } from "@/lib/db";
import { CURRENCIES } from "@/lib/money";
import { methodFormValues, ZONE_LABELS, ZONES } from "@/lib/shipping/method-input";
import { listShippingMethods } from "@/lib/shipping/methods-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "Shipping · Back office" } };

const zones = ZONES.map((zone) => ({ zone, label: ZONE_LABELS[zone] }));

export default async function ShippingMethods() {
  await requireAdmin();
  const [methods, text] = await Promise.all([listShippingMethods(prisma), getAdminText()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Shipping methods</h1>
      <p className="text-sm text-stone-600">
        Checkout offers the active methods that serve the customer&apos;s zone, in this order (lowest position first),
        with the rate of that zone: the flat rate, plus the per-item amount for each unit after the first, or nothing
        once the items reach the free-shipping amount. Orders keep the method and price they were placed with.
      </p>
      <section aria-labelledby="new-method" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="new-method" className="mb-2 font-semibold">
          New shipping method
        </h2>
        <ShippingMethodForm
          values={{ kind: "ship", currency: "HKD", active: "on", position: String(methods.length) }}
          currencies={CURRENCIES}
          zones={zones}
        />
      </section>
      {methods.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600">
          No shipping methods yet: until one is added, every order is a pick-up order.
        </p>
      ) : (
        <ul className="space-y-3">
          {methods.map((m) => (
            <li
              key={m.id}
              className="rounded-xl border border-stone-200 bg-white p-4"
              data-testid="admin-shipping-method"
            >
              <h2 className="mb-2 font-semibold">
                {m.name}{" "}
                <span className="text-sm font-normal text-stone-500">
                  {m.kind === "ship" ? "delivery" : "pick-up"} · {m.currency} · {m.active ? "offered" : "not offered"}
                  {m.rates.length > 0 &&
                    ` · from ${text.money(Math.min(...m.rates.map((r) => r.flatMinor)), m.currency)}`}
                </span>
              </h2>
              <ShippingMethodForm
                key={m.id}
                id={m.id}
                values={methodFormValues(m)}
                currencies={CURRENCIES}
                zones={zones}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
