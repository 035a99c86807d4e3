import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="py-10">
      <EmptyState title={t("notFoundTitle")} text={t("notFoundText")} action={{ href: "/", label: t("backHome") }} />
    </div>
  );
}
