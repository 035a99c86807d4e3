"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { lookupOrderAction, type FormState } from "@/app/actions/checkout";
import { FormSubmit } from "./form-submit";

export function LookupForm() {
  const t = useTranslations("lookup");
  const [state, action, pending] = useActionState<FormState, FormData>(lookupOrderAction, { error: null });
  const field = "mt-1 block h-12 w-full rounded-xl border border-stone-300 bg-white px-3 text-base";
  return (
    <form action={action} className="space-y-4">
      <label className="block text-sm font-medium text-stone-700">
        {t("orderNo")}
        <input
          name="orderNo"
          required
          maxLength={20}
          autoCapitalize="characters"
          placeholder="HG-XXXX-XXXX"
          className={`${field} uppercase`}
        />
      </label>
      <label className="block text-sm font-medium text-stone-700">
        {t("email")}
        <input name="email" type="email" required autoComplete="email" maxLength={254} className={field} />
      </label>
      <FormSubmit error={state.error} pending={pending} label={t("find")} />
    </form>
  );
}
