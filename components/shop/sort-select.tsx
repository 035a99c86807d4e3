"use client";
import type { ChangeEvent } from "react";
import { useListing } from "./listing-pending";

/**
 * The sort list of a SortForm: with JavaScript, choosing a sort applies it at once (in
 * place, inside a ListingPending; else by submitting the form).
 */
export function SortSelect({
  id,
  current,
  options,
}: {
  id: string;
  current: string;
  options: { value: string; label: string }[];
}) {
  const listing = useListing();
  function apply(event: ChangeEvent<HTMLSelectElement>) {
    const form = event.currentTarget.form;
    if (!form) return;
    if (!listing) return form.requestSubmit();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string") query.append(name, value);
    listing.navigate(`${form.getAttribute("action") ?? ""}?${query}`);
  }
  return (
    <select
      id={id}
      name="sort"
      defaultValue={current}
      onChange={apply}
      className="h-10 rounded-lg border border-stone-300 bg-white px-2 text-sm text-stone-800 group-aria-busy/listing:opacity-60"
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
