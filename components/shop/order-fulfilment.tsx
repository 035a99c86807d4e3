import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { customerFulfilment, type OrderFacts } from "@/lib/fulfilment/state";
import { storedMethodName } from "@/lib/shipping/snapshot";

type Props = {
  order: OrderFacts & {
    orderNo: string;
    shippingMethod: unknown;
    carrier: string | null;
    trackingNumber: string | null;
    trackingUrl: string | null;
    shippedAt: Date | null;
    deliveredAt: Date | null;
  };
};

const tone = {
  preparing: "border-stone-200 bg-white",
  ready_for_pickup: "border-emerald-200 bg-emerald-50 text-emerald-900",
  shipped: "border-sky-200 bg-sky-50 text-sky-900",
  delivered: "border-emerald-200 bg-emerald-50 text-emerald-900",
  collected: "border-emerald-200 bg-emerald-50 text-emerald-900",
} as const;

/** The customer's view of where the order is: preparing, shipped (with tracking), delivered; or pick-up. */
export async function OrderFulfilment({ order }: Props) {
  const stage = customerFulfilment(order);
  if (!stage) return null;
  const [t, format, locale] = await Promise.all([getTranslations("fulfilment"), getFormatter(), getLocale()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "");
  const method = order.delivery === "pickup" ? t("pickup") : storedMethodName(order.shippingMethod, locale);
  const link = order.trackingUrl?.startsWith("https://") ? order.trackingUrl : null;
  return (
    <section
      aria-labelledby="order-fulfilment"
      data-testid="order-fulfilment"
      data-stage={stage}
      className={`rounded-2xl border p-5 ${tone[stage]}`}
    >
      <p id="order-fulfilment" className="text-xs font-semibold tracking-wide uppercase opacity-80">
        {t("title")}
      </p>
      <h2 className="mt-1 text-lg font-semibold">{t(`${stage}.title`)}</h2>
      <p className="mt-1 text-sm">
        {t(`${stage}.text`, {
          orderNo: order.orderNo,
          date: date(stage === "shipped" ? order.shippedAt : order.deliveredAt),
          carrier: order.carrier ?? "",
        })}
      </p>
      {(method || order.trackingNumber) && (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {method && (
            <>
              <dt className="opacity-80">{t("method")}</dt>
              <dd>{method}</dd>
            </>
          )}
          {order.trackingNumber && order.delivery === "ship" && (
            <>
              <dt className="opacity-80">{t("trackingNumber")}</dt>
              <dd className="font-mono break-all" data-testid="order-tracking-number">
                {order.trackingNumber}
              </dd>
            </>
          )}
        </dl>
      )}
      {link && order.delivery === "ship" && (
        <a
          href={link}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="order-tracking-link"
          className="mt-3 inline-block rounded-xl border border-current px-3 py-2 text-sm font-semibold hover:bg-white/50"
        >
          {t("track")} <span className="sr-only">{t("newTab")}</span>
          <span aria-hidden> ↗</span>
        </a>
      )}
    </section>
  );
}
