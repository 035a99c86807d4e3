"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useTransition, type FormEvent } from "react";

/**
 * The header's search: a GET form to /search?q=…, so it works before JavaScript has loaded
 * (then as a plain page load) and navigates in place after, the button busy meanwhile. On
 * the search page it shows the query searched for.
 */
export function SearchBox({
  label,
  placeholder,
  submitLabel,
  loadingLabel,
  maxLength,
  className = "",
}: {
  label: string;
  placeholder: string;
  submitLabel: string;
  loadingLabel: string;
  maxLength: number;
  className?: string;
}) {
  const id = useId();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = pathname === "/search" ? (params.get("q") ?? "") : "";
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get("q");
    startTransition(() => router.push(`/search?${new URLSearchParams({ q: typeof q === "string" ? q : "" })}`));
  }
  return (
    <form action="/search" method="get" role="search" onSubmit={search} className={`flex items-center ${className}`}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        // A new query (a search from the page, back and forward) is a new field with it.
        key={query}
        id={id}
        type="search"
        name="q"
        defaultValue={query}
        placeholder={placeholder}
        maxLength={maxLength}
        enterKeyHint="search"
        autoComplete="off"
        className="h-10 min-w-0 flex-1 rounded-l-lg border border-r-0 border-stone-300 bg-white px-3 text-base placeholder:text-stone-400 sm:h-9 sm:text-sm"
      />
      <button
        type="submit"
        aria-busy={pending || undefined}
        className="grid h-10 w-11 shrink-0 place-items-center rounded-r-lg border border-brand-700 bg-brand-700 text-white hover:bg-brand-800 aria-busy:opacity-70 sm:h-9"
      >
        <svg
          aria-hidden
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          className={`size-4 ${pending ? "animate-pulse" : ""}`}
        >
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4.5 4.5" strokeLinecap="round" />
        </svg>
        <span className="sr-only">{submitLabel}</span>
      </button>
      <span role="status" className="sr-only">
        {pending ? loadingLabel : ""}
      </span>
    </form>
  );
}
