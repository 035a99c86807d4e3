"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

/**
 * Contact details and the pay button. Payments are wired in by the checkout issue; until
 * then the button validates the form and says plainly that nothing was charged.
 */
export function CheckoutForm({ totalLabel }: { totalLabel: string }) {
  const t = useTranslations("checkout");
  const [notice, setNotice] = useState(false);
  const field = "mt-1 block h-12 w-full rounded-xl border border-stone-300 bg-white px-3 text-base placeholder:text-stone-400";
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setNotice(true);
      }}
      className="space-y-4"
    >
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-stone-900">{t("contact")}</legend>
        <label className="block text-sm font-medium text-stone-700">
          {t("email")}
          <input name="email" type="email" required autoComplete="email" inputMode="email" maxLength={254} className={field} aria-describedby="email-hint" />
          <span id="email-hint" className="mt-1 block text-xs font-normal text-stone-500">
            {t("emailHint")}
          </span>
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="block text-sm font-medium text-stone-700">
            {t("name")} <span className="font-normal text-stone-500">({t("optional")})</span>
            <input name="name" type="text" autoComplete="name" maxLength={120} className={field} />
          </label>
          <label className="block text-sm font-medium text-stone-700">
            {t("phone")} <span className="font-normal text-stone-500">({t("optional")})</span>
            <input name="phone" type="tel" autoComplete="tel" maxLength={40} className={field} />
          </label>
        </div>
      </fieldset>
      <p className="text-sm text-stone-500">{t("wallets")}</p>
      <button type="submit" className="h-12 w-full rounded-xl bg-brand-700 text-base font-semibold text-white shadow-sm hover:bg-brand-800">
        {t("pay", { amount: totalLabel })}
      </button>
      {notice && (
        <div role="status" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">{t("paymentsSoonTitle")}</p>
          <p className="mt-1">{t("paymentsSoon")}</p>
        </div>
      )}
    </form>
  );
}
