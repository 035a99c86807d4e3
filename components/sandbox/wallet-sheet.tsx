import { useTranslations } from "next-intl";
import type { SandboxCheckout } from "@/components/sandbox/outcome-form";
import { SandboxPayerFrame } from "@/components/sandbox/payer-frame";

/** The JS API flow: the wallet app's own payment sheet, sliding up over the shop's page. */
export function SandboxWalletSheet({ checkout }: { checkout: SandboxCheckout }) {
  const t = useTranslations("sandbox");
  const { wallet } = checkout;
  return (
    <SandboxPayerFrame
      checkout={checkout}
      look="sheet"
      heading={wallet.name}
      facts={[
        [t("facts.merchant"), checkout.merchant],
        !!checkout.title && [t("facts.order"), checkout.title],
        !!checkout.breakdown && [t("facts.goodsAmount"), checkout.breakdown.goods],
        !!checkout.breakdown && [t("facts.goodsExtraAmount"), checkout.breakdown.extra],
        [t("facts.paymentMethod"), t("facts.balance", { wallet: wallet.name })],
        [t("facts.reference"), checkout.partnerOrderNo],
      ]}
      labels={{ pay: t("sheet.pay"), fail: t("sheet.fail"), cancel: t("sheet.cancel") }}
    />
  );
}
