import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CategoryView } from "@/lib/catalog/categories";
import { LinkPending } from "./link-pending";

/**
 * "All products" and each active category, the one shown marked with aria-current.
 * `current`: the category's slug, or null on the home page (all products).
 */
export function CategoryNav({ categories, current }: { categories: CategoryView[]; current: string | null }) {
  const t = useTranslations();
  if (categories.length === 0) return null;
  const links = [
    { href: "/", name: t("categories.all"), slug: null },
    ...categories.map((c) => ({ href: `/categories/${c.slug}`, name: c.name, slug: c.slug })),
  ];
  return (
    <nav aria-label={t("nav.categories")} className="-mx-4 min-w-0 sm:mx-0">
      <ul className="flex gap-2 overflow-x-auto px-4 pb-1 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0">
        {links.map((link) => {
          const isCurrent = link.slug === current;
          return (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`block rounded-full border px-4 py-2 text-sm font-medium whitespace-nowrap transition ${
                  isCurrent
                    ? "border-brand-700 bg-brand-700 text-white"
                    : "border-stone-200 bg-white text-stone-700 hover:border-stone-300 hover:bg-stone-100"
                }`}
              >
                {link.name}
                <LinkPending label={t("common.loading")} />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
