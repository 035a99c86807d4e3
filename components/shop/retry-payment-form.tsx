import { getTranslations } from "next-intl/server";
import { retryPaymentAction } from "@/app/actions/checkout";
import type { WalletOption } from "@/lib/checkout/choose-flow";
import { WalletChoice } from "./wallet-choice";

/** Another attempt on an unpaid order, with any wallet this browser may use. */
export async function RetryPaymentForm({
  orderNo,
  token,
  options,
  totalLabel,
}: {
  orderNo: string;
  token: string;
  options: WalletOption[];
  totalLabel: string;
}) {
  const t = await getTranslations();
  return (
    <form action={retryPaymentAction} className="space-y-4">
      <input type="hidden" name="orderNo" value={orderNo} />
      <input type="hidden" name="token" value={token} />
      <WalletChoice options={options} />
      <button
        type="submit"
        className="h-12 w-full rounded-xl bg-brand-700 text-base font-semibold text-white shadow-sm hover:bg-brand-800"
      >
        {t("checkout.pay", { amount: totalLabel })}
      </button>
    </form>
  );
}
