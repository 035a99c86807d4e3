import { useTranslations } from "next-intl";
import { SandboxOutcomeButton } from "@/components/sandbox/outcome-button";
import type { SandboxCheckout } from "@/components/sandbox/outcome-form";
import { SandboxPayerFrame } from "@/components/sandbox/payer-frame";
import { SandboxQrCode } from "@/components/sandbox/qr-code";

const field =
  "mt-1 block h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base font-normal text-stone-900";

/**
 * The desktop hosted checkout (website flow): the order on the left; on the right a QR code
 * for the wallet app on a phone, or a (fake) wallet log-in.
 */
export function SandboxWebsiteCheckout({
  checkout,
  scanUrl,
  statusHref,
}: {
  checkout: SandboxCheckout;
  scanUrl: string;
  statusHref: string;
}) {
  const t = useTranslations("sandbox");
  const { wallet } = checkout;
  const names = { wallet: wallet.name };
  const phoneOptions = (
    <section
      aria-labelledby="sandbox-phone-heading"
      className="border-t border-stone-200 bg-stone-50 p-5 sm:p-8 md:border-t-0 md:border-l"
    >
      <h2 id="sandbox-phone-heading" className="text-center text-base font-semibold text-stone-700">
        {t("website.phoneHeading")}
      </h2>
      <figure className="mt-4 flex flex-col items-center">
        <div className="rounded-xl border border-stone-200 bg-white p-2">
          <SandboxQrCode text={scanUrl} label={t("website.qrLabel", names)} />
        </div>
        <figcaption className="mt-3 text-center font-semibold text-stone-900">
          {t("website.scanCaption", names)}
        </figcaption>
      </figure>
      <p className="mt-1 text-center text-sm text-stone-600">
        {t("website.paidOnPhone")}{" "}
        <a href={statusHref} className="font-semibold text-stone-900 underline underline-offset-4">
          {t("website.checkPayment")}
        </a>
      </p>
      <details className="mt-6 rounded-xl border border-stone-200 bg-white">
        <summary className="cursor-pointer rounded-xl px-4 py-3 text-sm font-semibold text-stone-900">
          {t("website.logIn", names)}
        </summary>
        <div className="space-y-3 px-4 pb-4">
          <label className="block text-sm font-medium text-stone-700">
            {t("website.account")}
            <input type="text" autoComplete="off" className={field} />
          </label>
          <label className="block text-sm font-medium text-stone-700">
            {t("website.password")}
            <input type="password" autoComplete="off" className={field} />
          </label>
          <p className="text-xs text-stone-600">{t("website.logInHint")}</p>
          <SandboxOutcomeButton outcome="success" solid={wallet.solid}>
            {t("website.logInAndPay", { amount: checkout.amount })}
          </SandboxOutcomeButton>
        </div>
      </details>
    </section>
  );
  return (
    <SandboxPayerFrame
      checkout={checkout}
      look="website"
      heading={t("website.heading", names)}
      band={
        <p className="text-sm text-stone-600">
          <span className="font-bold text-stone-900">ScanForPay</span> · {t("website.secureCheckout")}
        </p>
      }
      facts={[
        [t("facts.merchant"), checkout.merchant],
        !!checkout.title && [t("facts.order"), checkout.title],
        !!checkout.breakdown && [t("facts.goodsAmount"), checkout.breakdown.goods],
        !!checkout.breakdown && [t("facts.goodsExtraAmount"), checkout.breakdown.extra],
        [t("facts.reference"), checkout.partnerOrderNo],
        [t("facts.expires"), <time dateTime={checkout.expires.iso}>{checkout.expires.label}</time>],
      ]}
      labels={{
        pay: t("website.pay", { amount: checkout.amount }),
        fail: t("website.fail"),
        cancel: t("website.cancel"),
      }}
      aside={phoneOptions}
    />
  );
}
