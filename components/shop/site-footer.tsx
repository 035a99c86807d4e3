import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-stone-500 sm:flex-row sm:justify-between sm:px-6">
        <p>{t("payments")}</p>
        <Link href="/orders/lookup" className="text-brand-700 hover:underline">
          {t("lookup")}
        </Link>
        <p>{t("template")}</p>
      </div>
    </footer>
  );
}
