import { getTranslations } from "next-intl/server";
import type { PayMethod } from "@/lib/checkout/pay-methods";

/** Radio buttons for the wallets this browser may use (chosen on the server from its user agent). */
export async function WalletChoice({ methods }: { methods: PayMethod[] }) {
  const [t, tw] = await Promise.all([getTranslations("checkout"), getTranslations("wallet")]);
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-lg font-semibold text-stone-900">{t("walletHeading")}</legend>
      {methods.map((method, index) => (
        <label
          key={method.wallet}
          className="flex cursor-pointer items-center gap-3 rounded-xl border border-stone-300 bg-white p-3 has-[:checked]:border-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-100"
        >
          <input
            type="radio"
            name="wallet"
            value={method.wallet}
            defaultChecked={index === 0}
            required
            className="size-4 accent-brand-700"
          />
          <span className="flex flex-col">
            <span className="font-medium text-stone-900">{tw(method.wallet)}</span>
            <span className="text-xs text-stone-600">{t(`flowHints.${method.flow}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
