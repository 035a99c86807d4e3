import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" className="animate-pulse">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <div className="mb-8 h-36 rounded-3xl bg-stone-200 sm:h-44" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="overflow-hidden rounded-2xl border border-stone-200 bg-white">
            <div className="aspect-square bg-stone-200" />
            <div className="space-y-2 p-4">
              <div className="h-4 w-3/4 rounded bg-stone-200" />
              <div className="h-4 w-1/3 rounded bg-stone-200" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
