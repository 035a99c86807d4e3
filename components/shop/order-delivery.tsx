import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import type { OrderDeliveryView } from "@/lib/orders/customer-view";

/** The customer's order page: how the order reaches them (method, address or pick-up) and what shipping cost. */
export async function OrderDelivery({
  delivery,
  currency,
  locale,
}: {
  delivery: OrderDeliveryView;
  currency: string;
  locale: string;
}) {
  const t = await getTranslations("shipping");
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <section
      aria-labelledby="order-delivery"
      className="rounded-2xl border border-stone-200 bg-white p-5"
      data-testid="order-delivery"
      data-delivery={delivery.kind}
    >
      <h2 id="order-delivery" className="text-lg font-semibold">
        {t("orderHeading")}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-stone-600">{t("method")}</dt>
        <dd className="text-right font-medium">
          {delivery.methodName ?? (delivery.kind === "pickup" ? t("pickup") : t("ship"))}
        </dd>
        {delivery.addressLines ? (
          <>
            <dt className="text-stone-600">{t("address")}</dt>
            <dd className="text-right">
              <address className="not-italic" data-testid="order-address">
                {delivery.addressLines.map((line, i) => (
                  <span key={i} className="block wrap-anywhere">
                    {line}
                  </span>
                ))}
              </address>
            </dd>
          </>
        ) : (
          <>
            <dt className="sr-only">{t("pickup")}</dt>
            <dd className="col-span-2 text-stone-600">{t("pickupText")}</dd>
          </>
        )}
        <dt className="text-stone-600">{t("items")}</dt>
        <dd className="text-right tabular-nums">{money(delivery.itemsMinor)}</dd>
        <dt className="text-stone-600">{t("shipping")}</dt>
        <dd className="text-right tabular-nums" data-testid="order-shipping">
          {delivery.shippingMinor === 0 ? t("free") : money(delivery.shippingMinor)}
        </dd>
      </dl>
    </section>
  );
}
