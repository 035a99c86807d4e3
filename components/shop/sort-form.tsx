import { useTranslations } from "next-intl";
import { SORTS, type Sort } from "@/lib/catalog/sort";
import { SortSelect } from "./sort-select";

/**
 * How a listing is sorted: a GET form to the listing itself (`action`), keeping its other
 * parameters (`keep`, e.g. the search query). Without JavaScript, a Sort button applies it;
 * with it, choosing applies it at once (in place inside a ListingPending).
 */
export function SortForm({
  action,
  current,
  keep = {},
}: {
  action: string;
  current: Sort;
  keep?: Record<string, string>;
}) {
  const t = useTranslations("sort");
  const id = "sort-select";
  return (
    // Keyed by the sort: after a navigation, the list shows the sort now applied.
    <form key={current} action={action} method="get" className="flex shrink-0 items-center gap-2">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="text-sm text-stone-600">
        {t("label")}
      </label>
      <SortSelect id={id} current={current} options={SORTS.map((sort) => ({ value: sort, label: t(sort) }))} />
      <noscript>
        <button
          type="submit"
          className="h-10 rounded-lg border border-stone-300 bg-white px-3 text-sm font-medium text-stone-700 hover:bg-stone-100"
        >
          {t("apply")}
        </button>
      </noscript>
    </form>
  );
}
