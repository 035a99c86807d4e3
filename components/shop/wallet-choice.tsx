import { getTranslations } from "next-intl/server";
import type { WalletOption } from "@/lib/checkout/choose-flow";

/** Radio buttons for the wallets this browser may use (chosen on the server from its user agent). */
export async function WalletChoice({ options }: { options: WalletOption[] }) {
  const t = await getTranslations("checkout");
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-lg font-semibold text-stone-900">{t("walletHeading")}</legend>
      {options.map((option, index) => (
        <label
          key={option.wallet}
          className="flex cursor-pointer items-center gap-3 rounded-xl border border-stone-300 bg-white p-3 has-[:checked]:border-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-100"
        >
          <input
            type="radio"
            name="wallet"
            value={option.wallet}
            defaultChecked={index === 0}
            required
            className="size-4 accent-brand-700"
          />
          <span className="flex flex-col">
            <span className="font-medium text-stone-900">{t(`wallets.${option.wallet}`)}</span>
            <span className="text-xs text-stone-600">{t(`flowHints.${option.flow}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
