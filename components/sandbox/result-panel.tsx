import { useTranslations } from "next-intl";
import { SandboxOrderFacts } from "@/components/sandbox/order-facts";

export type SandboxResultKind = "paid" | "refunded" | "failed" | "expired";

/** Each kind: its heading (a key under sandbox.result), badge colours and icon. */
const LOOKS = {
  paid: { titleKey: "paid", badge: "bg-emerald-100 text-emerald-800", icon: "M5 12.5l4.5 4.5L19 7.5" },
  refunded: { titleKey: "paid", badge: "bg-emerald-100 text-emerald-800", icon: "M5 12.5l4.5 4.5L19 7.5" },
  failed: { titleKey: "failed", badge: "bg-red-100 text-red-800", icon: "M7 7l10 10M17 7L7 17" },
  expired: {
    titleKey: "expired",
    badge: "bg-stone-200 text-stone-700",
    icon: "M12 7v5l3.5 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z",
  },
} as const;

/**
 * A decided order: paid (or since refunded), failed or expired. `returnUrl` (the shop's, for
 * the browser that started the payment) adds a button back, posting as the gateway does.
 */
export function SandboxResultPanel({
  kind,
  amount,
  refunded,
  walletName,
  orderNo,
  partnerOrderNo,
  scanned,
  returnUrl,
}: {
  kind: SandboxResultKind;
  amount: string;
  refunded: string;
  walletName: string;
  orderNo: string;
  partnerOrderNo: string;
  /** The page is on the phone that scanned a QR code, not in the shop's browser. */
  scanned: boolean;
  returnUrl: string | null;
}) {
  const t = useTranslations("sandbox");
  const look = LOOKS[kind];
  const received = kind === "paid" || kind === "refunded";
  return (
    <div className="flex-1 px-4 py-8 sm:py-14">
      <section
        aria-labelledby="sandbox-result-heading"
        className="mx-auto max-w-md rounded-2xl border border-stone-200 bg-white p-6 text-center shadow-sm sm:p-8"
      >
        <div className={`mx-auto flex size-14 items-center justify-center rounded-full ${look.badge}`}>
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth={2.25}
            strokeLinecap="round"
            strokeLinejoin="round"
            className="size-7"
            aria-hidden="true"
          >
            <path d={look.icon} />
          </svg>
        </div>
        <h1 id="sandbox-result-heading" className="mt-4 text-2xl font-bold tracking-tight text-stone-900">
          {t(`result.${look.titleKey}`)}
        </h1>
        <p className="mt-2 text-stone-700">
          {received && t("result.paidWith", { wallet: walletName })}
          {kind === "refunded" && ` ${t("result.refundedNote")}`}
          {kind === "failed" && t("result.failedNote")}
          {kind === "expired" && t("result.expiredNote")}
        </p>
        <SandboxOrderFacts
          className="mt-6 border-t border-stone-200 pt-4 text-left"
          facts={[
            [t("facts.amount"), amount],
            kind === "refunded" && [t("facts.refunded"), refunded],
            [t("facts.gatewayOrderNo"), orderNo],
            [t("facts.shopReference"), partnerOrderNo],
          ]}
        />
        {received && scanned && (
          <p className="mt-6 rounded-xl bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-900">
            {t("result.backToComputer")}
          </p>
        )}
        {returnUrl && (
          <form method="post" action={returnUrl} className="mt-6">
            <input type="hidden" name="partnerOrderNo" value={partnerOrderNo} />
            <button
              type="submit"
              className="h-11 w-full cursor-pointer rounded-xl bg-stone-900 text-sm font-semibold text-white hover:bg-stone-700"
            >
              {t("result.returnToShop")}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
