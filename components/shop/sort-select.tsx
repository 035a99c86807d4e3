"use client";

/** The sort list of a SortForm: with JavaScript, choosing a sort applies it at once. */
export function SortSelect({
  id,
  current,
  options,
}: {
  id: string;
  current: string;
  options: { value: string; label: string }[];
}) {
  return (
    <select
      id={id}
      name="sort"
      defaultValue={current}
      onChange={(event) => event.currentTarget.form?.requestSubmit()}
      className="h-10 rounded-lg border border-stone-300 bg-white px-2 text-sm text-stone-800"
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
