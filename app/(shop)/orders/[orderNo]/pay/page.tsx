// Desktop WeChat Pay: the QR code of the gateway's payUrl, drawn here on the server (no
// third-party QR service), with the amount, a countdown, and live status that moves on to
// the order page by itself once the payment arrives. In sandbox mode, a link that opens the
// sandbox's phone page in a new tab ("scanning" without a phone), and a note when APP_URL is
// a loopback address that no phone can open.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { Countdown } from "@/components/shop/countdown";
import { LiveOrderStatus } from "@/components/shop/live-order-status";
import { findCustomerOrder, orderUrl, statusUrl } from "@/lib/checkout/place-order";
import { qrSandboxAid } from "@/lib/checkout/qr-sandbox-aid";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { isOrderNo } from "@/lib/orders/numbers";
import { AWAITING_GATEWAY, isAwaitingPayment } from "@/lib/orders/state";

export const dynamic = "force-dynamic";
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("qr");
  const orderNo = (await params).orderNo;
  const title = isOrderNo(orderNo) ? t("pageTitle", { orderNo }) : t("title");
  return { title, robots: { index: false } };
}

type Props = { params: Promise<{ orderNo: string }>; searchParams: Promise<{ t?: string }> };

export default async function QrPayPage({ params, searchParams }: Props) {
  const [{ orderNo }, { t: token }] = await Promise.all([params, searchParams]);
  const order = await findCustomerOrder({ db: prisma }, orderNo, token);
  if (!order) notFound();
  const payment = await prisma.payment.findFirst({
    where: { orderId: order.id, flow: "qrcode", status: AWAITING_GATEWAY, payUrl: { not: null } },
    orderBy: { createdAt: "desc" },
  });
  if (!isAwaitingPayment(order.status) || !payment?.payUrl) redirect(orderUrl(order));
  const [t, locale] = await Promise.all([getTranslations("qr"), getLocale()]);
  // The payUrl as the gateway gave it; the sandbox builds it on APP_URL (lib/sandbox/route-support.ts).
  const svg = await QRCode.toString(payment.payUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const aid = qrSandboxAid(getEnv(), payment.payUrl);
  return (
    <div className="mx-auto max-w-md rounded-3xl border border-stone-200 bg-white p-6 text-center shadow-sm sm:p-8">
      <h1 className="text-xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-3xl font-bold tabular-nums" data-testid="qr-amount">
        {formatMoney(order.totalMinor, order.currency, locale)}
      </p>
      <div
        role="img"
        aria-label={t("alt")}
        className="mx-auto mt-5 size-64 rounded-xl border border-stone-200 bg-white p-2 [&>svg]:size-full"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="mt-4 text-sm text-stone-700">{t("text")}</p>
      {aid?.phonePagePath && (
        <>
          <a
            href={aid.phonePagePath}
            target="_blank"
            rel="noopener"
            aria-describedby="qr-simulate-hint"
            className="mt-4 flex min-h-11 w-full flex-wrap items-center justify-center gap-2 rounded-xl border-2 border-dashed border-amber-600 bg-amber-400 px-4 py-2 font-semibold text-amber-950 hover:bg-amber-300"
          >
            <span className="rounded bg-amber-950 px-1.5 py-0.5 text-xs font-bold tracking-wide text-amber-50">
              {t("sandboxMark")}
            </span>
            {t("simulate")}
          </a>
          <p id="qr-simulate-hint" className="mt-2 text-xs text-stone-600">
            {t("simulateHint")}
          </p>
        </>
      )}
      {aid?.loopbackAppUrl && (
        <p
          role="note"
          data-testid="qr-loopback-note"
          className="mt-3 rounded-xl border border-dashed border-amber-500 bg-amber-50 p-3 text-left text-xs text-amber-950"
        >
          <strong>{t("sandboxMark")}</strong> · {t("localOnly", { appUrl: aid.loopbackAppUrl })}
        </p>
      )}
      {payment.expiresAt && (
        <div className="mt-2">
          <Countdown until={payment.expiresAt.toISOString()} />
        </div>
      )}
      <p className="mt-4 flex items-center justify-center gap-2 text-sm text-amber-800" role="status">
        <span aria-hidden className="size-2 animate-pulse rounded-full bg-amber-500" />
        {t("waiting")}
      </p>
      <LiveOrderStatus statusUrl={statusUrl(order)} status={order.status} waiting onChangeHref={orderUrl(order)} />
      <Link href={orderUrl(order)} className="mt-6 inline-block text-sm text-brand-700 hover:underline">
        {t("backToOrder")}
      </Link>
    </div>
  );
}
