import { useTranslations } from "next-intl";
import type { SandboxCheckout } from "@/components/sandbox/outcome-form";
import { SandboxPayerFrame } from "@/components/sandbox/payer-frame";

/** What the customer's phone shows after scanning a QR code: the wallet's confirm screen. */
export function SandboxScanConfirm({ checkout }: { checkout: SandboxCheckout }) {
  const t = useTranslations("sandbox");
  return (
    <SandboxPayerFrame
      checkout={checkout}
      look="phone"
      heading={checkout.wallet.name}
      facts={[
        [t("facts.merchant"), checkout.merchant],
        !!checkout.title && [t("facts.order"), checkout.title],
        !!checkout.breakdown && [t("facts.goodsAmount"), checkout.breakdown.goods],
        !!checkout.breakdown && [t("facts.goodsExtraAmount"), checkout.breakdown.extra],
        [t("facts.reference"), checkout.partnerOrderNo],
      ]}
      labels={{ pay: t("scan.confirm"), fail: t("scan.fail"), cancel: t("scan.cancel") }}
    />
  );
}
