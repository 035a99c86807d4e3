"use client";
import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { placeOrderAction, type FormState } from "@/app/actions/checkout";
import { FormSubmit } from "./form-submit";

/**
 * Contact details, the wallet (rendered on the server: `walletChoice`) and the pay button.
 * A plain form posting to a server action: it works before JavaScript loads.
 */
export function CheckoutForm({
  totalLabel,
  walletChoice,
  blocked = false,
}: {
  totalLabel: string;
  walletChoice: ReactNode;
  /** Some line asks for more than is left: the pay button is disabled until the cart is changed. */
  blocked?: boolean;
}) {
  const t = useTranslations("checkout");
  const [state, action, pending] = useActionState<FormState, FormData>(placeOrderAction, { error: null });
  const field =
    "mt-1 block h-12 w-full rounded-xl border border-stone-300 bg-white px-3 text-base placeholder:text-stone-400";
  return (
    <form action={action} className="space-y-6">
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-stone-900">{t("contact")}</legend>
        <label className="block text-sm font-medium text-stone-700">
          {t("email")}
          <input
            name="email"
            type="email"
            required
            autoComplete="email"
            inputMode="email"
            maxLength={254}
            className={field}
            aria-describedby="email-hint"
          />
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
      {walletChoice}
      <FormSubmit
        error={state.error}
        pending={pending}
        label={t("pay", { amount: totalLabel })}
        busyLabel={t("paying")}
        disabled={blocked}
      />
    </form>
  );
}
