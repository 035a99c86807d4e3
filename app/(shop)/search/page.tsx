import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/shop/empty-state";
import { ListingPending } from "@/components/shop/listing-pending";
import { ProductGrid } from "@/components/shop/product-grid";
import { SortForm } from "@/components/shop/sort-form";
import { cleanQuery, searchProducts } from "@/lib/catalog/search";
import { parseSort } from "@/lib/catalog/sort";
import { prisma } from "@/lib/db";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, query] = await Promise.all([getTranslations("search"), searchParams]);
  const q = cleanQuery(query.q);
  // Result pages are endless and thin: kept out of search engines.
  return { title: q ? t("resultsFor", { query: q }) : t("title"), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const [t, tc, locale, query] = await Promise.all([
    getTranslations("search"),
    getTranslations("common"),
    getLocale(),
    searchParams,
  ]);
  const q = cleanQuery(query.q);
  const sort = parseSort(query.sort);
  const products = q ? await searchProducts(prisma, q, locale, sort) : [];
  return (
    <ListingPending loadingLabel={tc("loading")}>
      <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
            {q ? t("resultsFor", { query: q }) : t("title")}
          </h1>
          {products.length > 0 && (
            <p className="mt-1 text-sm text-stone-500" role="status">
              {t("count", { count: products.length })}
            </p>
          )}
        </div>
        {products.length > 1 && <SortForm action="/search" current={sort} keep={{ q }} />}
      </div>
      {!q ? (
        <EmptyState title={t("noQueryTitle")} text={t("noQueryText")} action={{ href: "/", label: t("browseAll") }} />
      ) : products.length === 0 ? (
        <EmptyState
          title={t("emptyTitle", { query: q })}
          text={t("emptyText")}
          action={{ href: "/", label: t("browseAll") }}
        />
      ) : (
        <ProductGrid products={products} locale={locale} />
      )}
    </ListingPending>
  );
}
