import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LiveOrderStatus } from "@/components/shop/live-order-status";
import { RetryPaymentForm } from "@/components/shop/retry-payment-form";
import { chooseFlow } from "@/lib/checkout/choose-flow";
import { findCustomerOrder, qrPageUrl, statusUrl } from "@/lib/checkout/place-order";
import { prisma } from "@/lib/db";
import { formatMoney } from "@/lib/money";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false } };

type Props = { params: Promise<{ orderNo: string }>; searchParams: Promise<{ t?: string; error?: string }> };

const tone = {
  paid: "border-emerald-200 bg-emerald-50 text-emerald-900",
  partially_refunded: "border-sky-200 bg-sky-50 text-sky-900",
  refunded: "border-sky-200 bg-sky-50 text-sky-900",
  pending: "border-amber-200 bg-amber-50 text-amber-900",
  failed: "border-red-200 bg-red-50 text-red-900",
  expired: "border-stone-300 bg-stone-100 text-stone-800",
} as const;

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ orderNo }, { t: token, error }] = await Promise.all([params, searchParams]);
  const found = await findCustomerOrder({ db: prisma }, orderNo, token);
  if (!found || !token) notFound();
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: found.id },
    include: { items: true, payments: { orderBy: { createdAt: "desc" } } },
  });
  const [t, tc, locale, format] = await Promise.all([
    getTranslations("order"),
    getTranslations("checkout"),
    getLocale(),
    getFormatter(),
  ]);
  const amount = formatMoney(order.totalMinor, order.currency, locale);
  const paidWith = order.payments.find((p) => p.id === order.paidPaymentId);
  const latest = order.payments[0];
  const payable = order.status === "pending" || order.status === "failed" || order.status === "expired";
  const showQr =
    order.status === "pending" && latest?.flow === "qrcode" && latest.status === "pending" && latest.payUrl;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("title", { orderNo: order.orderNo })}</h1>
      <section
        aria-live="polite"
        data-testid="order-status"
        data-status={order.status}
        className={`rounded-2xl border p-5 ${tone[order.status]}`}
      >
        <h2 className="text-lg font-semibold">{t(`status.${order.status}`)}</h2>
        <p className="mt-1 text-sm">{t(`statusText.${order.status}`, { amount, email: order.email })}</p>
        {order.status === "pending" && (
          <p className="mt-2 flex items-center gap-2 text-xs" role="status">
            <span aria-hidden className="size-2 animate-pulse rounded-full bg-amber-500" />
            {t("checking")}
          </p>
        )}
      </section>
      <LiveOrderStatus statusUrl={statusUrl(order)} status={order.status} />

      {error === "gateway" && payable && (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {t("gatewayError")}
        </p>
      )}

      {showQr && (
        <Link
          href={qrPageUrl(order)}
          className="block rounded-xl border border-brand-700 p-3 text-center font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t("showQr")}
        </Link>
      )}

      {payable && (
        <section aria-labelledby="pay-now" className="rounded-2xl border border-stone-200 bg-white p-5">
          <h2 id="pay-now" className="mb-4 text-lg font-semibold">
            {t("payNow")}
          </h2>
          <RetryPaymentForm
            orderNo={order.orderNo}
            token={token}
            options={chooseFlow((await headers()).get("user-agent")).options}
            totalLabel={amount}
          />
        </section>
      )}

      <section aria-labelledby="order-items" className="rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="order-items" className="text-lg font-semibold">
          {t("items")}
        </h2>
        <ul className="mt-2 divide-y divide-stone-200">
          {order.items.map((item) => (
            <li key={item.id} className="flex justify-between gap-3 py-2 text-sm">
              <span>
                {item.quantity} × {item.name}
              </span>
              <span className="tabular-nums">
                {formatMoney(item.unitPriceMinor * item.quantity, order.currency, locale)}
              </span>
            </li>
          ))}
        </ul>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-t border-stone-200 pt-3 text-sm">
          <dt className="font-medium">{t("total")}</dt>
          <dd className="text-right font-bold tabular-nums" data-testid="order-total">
            {amount}
          </dd>
          {(paidWith ?? latest) && (
            <>
              <dt className="text-stone-600">{t("wallet")}</dt>
              <dd className="text-right">{tc(`wallets.${(paidWith ?? latest)!.wallet}`)}</dd>
            </>
          )}
          <dt className="text-stone-600">{t("placedAt")}</dt>
          <dd className="text-right">{when(order.createdAt)}</dd>
          {order.paidAt && (
            <>
              <dt className="text-stone-600">{t("paidAt")}</dt>
              <dd className="text-right">{when(order.paidAt)}</dd>
            </>
          )}
        </dl>
      </section>
      <p className="text-center text-xs text-stone-500">{t("keepLink")}</p>
      <p className="text-center">
        <Link href="/" className="text-sm text-brand-700 hover:underline">
          {t("continueShopping")}
        </Link>
      </p>
    </div>
  );
}
