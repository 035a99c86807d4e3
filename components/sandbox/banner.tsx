import { useTranslations } from "next-intl";

/** The strip on top of every sandbox gateway page: nobody may take it for the real ScanForPay. */
export function SandboxBanner() {
  const t = useTranslations("sandbox");
  return (
    <header className="bg-amber-500 px-4 py-2 text-center text-sm font-bold tracking-wide text-amber-950">
      <p>{t("banner")}</p>
    </header>
  );
}
