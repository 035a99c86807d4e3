// The sandbox gateway's hosted payment page (payUrl): it imitates ScanForPay's page for the
// order's flow and lets the tester decide what happens. Buttons post to ./act.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SandboxBanner } from "@/components/sandbox/banner";
import type { SandboxCheckout } from "@/components/sandbox/outcome-form";
import { SandboxResultPanel } from "@/components/sandbox/result-panel";
import { SandboxScanConfirm } from "@/components/sandbox/scan-confirm";
import { SandboxWalletSheet } from "@/components/sandbox/wallet-sheet";
import { SandboxWebsiteCheckout } from "@/components/sandbox/website-checkout";
import { formatMoney } from "@/lib/money";
import { appSandboxDeps, sandboxEnabled } from "@/lib/sandbox/route-support";
import { describeOrder, findOrderByToken } from "@/lib/sandbox/customer";
import { SANDBOX_PATH } from "@/lib/scanforpay/config";

export const dynamic = "force-dynamic";

// `absolute`: a third party's page, so without the shop's "· {shop name}" title suffix.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sandbox");
  return { title: { absolute: t("metaTitle") }, robots: { index: false } };
}

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const ALIPAY_BLUE = "bg-[#1677ff] text-white";
/** Wallet colours; text on them is always large and bold (white on Alipay blue is 4.1:1). */
const WALLET_COLOURS: Readonly<Record<string, string>> = {
  Wechat: "bg-[#07c160] text-[#052e16]",
  Alipay: ALIPAY_BLUE,
  AlipayHK: ALIPAY_BLUE,
};
const WALLET_NAMES = ["Wechat", "Alipay", "AlipayHK"] as const;
const isKnownWallet = (wallet: string): wallet is (typeof WALLET_NAMES)[number] =>
  (WALLET_NAMES as readonly string[]).includes(wallet);

export default async function SandboxPayPage({ params, searchParams }: Props) {
  if (!sandboxEnabled()) notFound();
  const deps = appSandboxDeps();
  const order = await findOrderByToken(deps, (await params).token);
  if (!order) notFound();
  const scanned = (await searchParams).via === "scan";
  const view = describeOrder(deps, order);
  const [t, locale] = await Promise.all([getTranslations("sandbox"), getLocale()]);
  const amount = formatMoney(view.orderAmount, view.currency, locale);
  const wallet: SandboxCheckout["wallet"] = {
    name: isKnownWallet(view.wallet) ? t(`wallet.${view.wallet}`) : view.wallet,
    solid: WALLET_COLOURS[view.wallet] ?? ALIPAY_BLUE,
  };
  const hongKongTime = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Hong_Kong",
  });
  const pagePath = `${SANDBOX_PATH}/pay/${order.token}`;

  let content;
  if (view.state === "to be paid" || view.state === "cancelled") {
    const checkout: SandboxCheckout = {
      token: order.token,
      amount,
      breakdown:
        view.goodsAmount === null && view.goodsExtraAmount === null
          ? null
          : {
              goods: formatMoney(view.goodsAmount ?? 0, view.currency, locale),
              extra: formatMoney(view.goodsExtraAmount ?? 0, view.currency, locale),
            },
      merchant: t("merchantName", { storeNo: order.storeNo }),
      title: order.title,
      partnerOrderNo: view.partnerOrderNo,
      expires: { iso: view.expiresAt, label: t("expiresAt", { time: hongKongTime.format(order.expiresAt) }) },
      wallet,
    };
    if (view.flow === "qrcode" || scanned) content = <SandboxScanConfirm checkout={checkout} />;
    else if (view.flow === "jsapi") content = <SandboxWalletSheet checkout={checkout} />;
    else
      content = (
        <SandboxWebsiteCheckout
          checkout={checkout}
          scanUrl={`${deps.baseUrl}/pay/${order.token}?via=scan`}
          statusHref={pagePath}
        />
      );
  } else {
    const onPhone = scanned || view.flow === "qrcode";
    content = (
      <SandboxResultPanel
        kind={view.state}
        amount={amount}
        refunded={formatMoney(view.refundedAmount, view.currency, locale)}
        walletName={wallet.name}
        orderNo={view.orderNo}
        partnerOrderNo={view.partnerOrderNo}
        scanned={onPhone}
        returnUrl={onPhone ? null : order.returnUrl}
      />
    );
  }

  return (
    <>
      <SandboxBanner />
      {view.state === "cancelled" && (
        <p className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-center text-sm text-sky-950">
          {t("cancelledNotice")}
        </p>
      )}
      <main className="flex flex-1 flex-col">{content}</main>
    </>
  );
}
