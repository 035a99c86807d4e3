"use client";
import { useRouter } from "next/navigation";
import { createContext, useContext, useTransition, type ReactNode } from "react";

type Listing = { navigate(href: string): void };
const ListingContext = createContext<Listing | null>(null);

/**
 * A product listing (its sort form and grid) that stays in place, dimmed and marked busy,
 * while a new sort loads. A loading state without a route-level loading.tsx: a streamed
 * page needs JavaScript to show its content after the fallback, and the listings must work
 * without it (a plain GET form there).
 */
export function ListingPending({ loadingLabel, children }: { loadingLabel: string; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const listing: Listing = { navigate: (href) => startTransition(() => router.push(href, { scroll: false })) };
  return (
    <ListingContext value={listing}>
      <div aria-busy={pending || undefined} className="group/listing">
        <p role="status" className="sr-only">
          {pending ? loadingLabel : ""}
        </p>
        {children}
      </div>
    </ListingContext>
  );
}

/** The enclosing ListingPending, or null outside one. */
export function useListing(): Listing | null {
  return useContext(ListingContext);
}
