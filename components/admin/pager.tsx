import Link from "next/link";

/** Newer / older links of a paged back-office list; `href` gives a page's query string. */
export function AdminPager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
      {page > 1 && <Link href={href(page - 1)}>← Newer</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>Older →</Link>}
    </nav>
  );
}
