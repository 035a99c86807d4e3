import { getTranslations } from "next-intl/server";
import { retryPaymentAction } from "@/app/actions/checkout";
import type { GatewayMethod } from "@/lib/checkout/pay-methods";
import { WalletChoice } from "./wallet-choice";

/** Another attempt on an unpaid order, with any wallet this browser may use. */
export async function RetryPaymentForm({
  orderNo,
  token,
  methods,
  totalLabel,
}: {
  orderNo: string;
  token: string;
  methods: GatewayMethod[];
  totalLabel: string;
}) {
  const t = await getTranslations();
  return (
    <form action={retryPaymentAction} className="space-y-4">
      <input type="hidden" name="orderNo" value={orderNo} />
      <input type="hidden" name="token" value={token} />
      <WalletChoice methods={methods} />
      <button
        type="submit"
        className="h-12 w-full rounded-xl bg-brand-700 text-base font-semibold text-white shadow-sm hover:bg-brand-800"
      >
        {t("checkout.pay", { amount: totalLabel })}
      </button>
    </form>
  );
}
