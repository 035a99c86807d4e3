import Form from "next/form";
import { useTranslations } from "next-intl";
import { SORTS, type Sort } from "@/lib/catalog/sort";
import { SortSelect } from "./sort-select";

/**
 * How a listing is sorted: a GET form to the listing itself (`action`), keeping its other
 * parameters (`keep`, e.g. the search query). Before JavaScript has loaded, a Sort button
 * applies it; after, choosing applies it at once.
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
    <Form key={current} action={action} className="flex shrink-0 items-center gap-2">
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
    </Form>
  );
}
