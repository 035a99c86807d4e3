import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/shop/empty-state";
import { ShopChrome } from "@/components/shop/shop-chrome";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("notFoundTitle"), robots: { index: false } };
}

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <ShopChrome>
      <div className="py-10">
        <EmptyState title={t("notFoundTitle")} text={t("notFoundText")} action={{ href: "/", label: t("backHome") }} />
      </div>
    </ShopChrome>
  );
}
