import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LiveOrderStatus } from "@/components/shop/live-order-status";
import { OrderDelivery } from "@/components/shop/order-delivery";
import { OrderFulfilment } from "@/components/shop/order-fulfilment";
import { RetryPaymentForm } from "@/components/shop/retry-payment-form";
import { WeChatHandoff } from "@/components/shop/wechat-handoff";
import { gatewayMethods, handsOffWeChat, payMethods } from "@/lib/checkout/pay-methods";
import { findCustomerOrder, orderUrl, qrPageUrl, statusUrl } from "@/lib/checkout/place-order";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isLoopbackUrl } from "@/lib/checkout/qr-sandbox-aid";
import { isLocale } from "@/lib/i18n/locale";
import { formatMoney } from "@/lib/money";
import { isOrderNo } from "@/lib/orders/numbers";
import { customerOrderView } from "@/lib/orders/customer-view";
import { isAwaitingPayment } from "@/lib/orders/state";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ orderNo: string }>;
  searchParams: Promise<{ t?: string; error?: string; handoff?: string; returned?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("order");
  // The order number is in the URL already; the title names it (nothing more) for tabs and history.
  const orderNo = (await params).orderNo;
  const title = isOrderNo(orderNo) ? t("title", { orderNo }) : undefined;
  return { ...(title ? { title } : {}), robots: { index: false } };
}

const tone = {
  done: "border-emerald-200 bg-emerald-50 text-emerald-900",
  refunded: "border-sky-200 bg-sky-50 text-sky-900",
  waiting: "border-amber-200 bg-amber-50 text-amber-900",
  unpaid: "border-stone-300 bg-stone-100 text-stone-800",
} as const;

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ orderNo }, { t: token, error, handoff, returned }] = await Promise.all([params, searchParams]);
  const found = await findCustomerOrder({ db: prisma }, orderNo, token);
  if (!found || !token) notFound();
  const [t, tw, locale, format] = await Promise.all([
    getTranslations("order"),
    getTranslations("wallet"),
    getLocale(),
    getFormatter(),
  ]);
  const order = await customerOrderView(prisma, found.id, isLocale(locale) ? locale : "en", returned === "unpaid");
  const amount = formatMoney(order.totalMinor, order.currency, locale);
  const refunded = formatMoney(order.refundedMinor, order.currency, locale);
  const methods = payMethods((await headers()).get("user-agent"));
  const handsOff = order.payable && handsOffWeChat(methods);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const { appUrl } = getEnv();
  const handoffPanel = handsOff && (
    <WeChatHandoff href={appUrl + orderUrl(order)} emphasised={handoff === "wechat"} loopback={isLoopbackUrl(appUrl)} />
  );

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("title", { orderNo: order.orderNo })}</h1>
      <section
        aria-live="polite"
        data-testid="order-status"
        data-status={order.status}
        className={`rounded-2xl border p-5 ${tone[order.group]}`}
      >
        <h2 className="text-lg font-semibold">{t(`status.${order.shown}`)}</h2>
        <p className="mt-1 text-sm">{t(`statusText.${order.shown}`, { amount, refunded, email: order.email })}</p>
        {order.shown === order.status && isAwaitingPayment(order.status) && order.payments.length > 0 && (
          <p className="mt-2 flex items-center gap-2 text-xs" role="status">
            <span aria-hidden className="size-2 animate-pulse rounded-full bg-amber-500" />
            {t("checking")}
          </p>
        )}
      </section>
      <LiveOrderStatus statusUrl={statusUrl(order)} status={order.status} waiting={isAwaitingPayment(order.status)} />
      <OrderFulfilment order={order} />

      {error === "gateway" && order.payable && (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {t("gatewayError")}
        </p>
      )}

      {error === "out_of_stock" && order.payable && (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {t("outOfStockError")}
        </p>
      )}

      {order.qrWaiting && (
        <Link
          href={qrPageUrl(order)}
          className="block rounded-xl border border-brand-700 p-3 text-center font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t("showQr")}
        </Link>
      )}

      {handoff === "wechat" && handoffPanel}

      {order.payable && (
        <section aria-labelledby="pay-now" className="rounded-2xl border border-stone-200 bg-white p-5">
          <h2 id="pay-now" className="mb-4 text-lg font-semibold">
            {handsOff ? t("handoff.otherWallets") : t("payNow")}
          </h2>
          <RetryPaymentForm
            orderNo={order.orderNo}
            token={token}
            methods={gatewayMethods(methods)}
            totalLabel={amount}
          />
        </section>
      )}

      {handoff !== "wechat" && handoffPanel}

      <section aria-labelledby="order-items" className="rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="order-items" className="text-lg font-semibold">
          {t("items")}
        </h2>
        <ul className="mt-2 divide-y divide-stone-200">
          {order.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-3 py-2 text-sm">
              <span>
                {line.quantity} × {line.name}
              </span>
              <span className="tabular-nums">{formatMoney(line.lineTotalMinor, order.currency, locale)}</span>
            </li>
          ))}
        </ul>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-t border-stone-200 pt-3 text-sm">
          <dt className="font-medium">{t("total")}</dt>
          <dd className="text-right font-bold tabular-nums" data-testid="order-total">
            {amount}
          </dd>
          {order.wallet && (
            <>
              <dt className="text-stone-600">{t("wallet")}</dt>
              <dd className="text-right">{tw(order.wallet)}</dd>
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
      <OrderDelivery delivery={order.shipping} currency={order.currency} locale={locale} />
      <p className="text-center text-xs text-stone-500">{t("keepLink")}</p>
      <p className="text-center">
        <Link href="/" className="text-sm text-brand-700 hover:underline">
          {t("continueShopping")}
        </Link>
      </p>
    </div>
  );
}
