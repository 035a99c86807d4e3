import { getTranslations } from "next-intl/server";
import { ProductGridSkeleton } from "@/components/shop/product-grid-skeleton";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" className="animate-pulse">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <div className="mb-6 h-10 w-2/3 rounded-full bg-stone-200" />
      <div className="mb-5 h-8 w-48 rounded bg-stone-200" />
      <ProductGridSkeleton />
    </div>
  );
}
