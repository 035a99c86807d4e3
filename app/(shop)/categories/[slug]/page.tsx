import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { CategoryNav } from "@/components/shop/category-nav";
import { EmptyState } from "@/components/shop/empty-state";
import { ListingPending } from "@/components/shop/listing-pending";
import { ProductGrid } from "@/components/shop/product-grid";
import { SortForm } from "@/components/shop/sort-form";
import { getCategory, listCategories, listCategoryProducts } from "@/lib/catalog/categories";
import { parseSort } from "@/lib/catalog/sort";
import { prisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locale";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page share one query per request.
const loadCategory = cache((slug: string, locale: Locale) => getCategory(prisma, slug, locale));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await loadCategory((await params).slug, await getLocale());
  return category
    ? {
        title: category.name,
        alternates: { canonical: `/categories/${category.slug}` },
        openGraph: { title: category.name },
      }
    : {};
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const [{ slug }, query, locale] = await Promise.all([params, searchParams, getLocale()]);
  const category = await loadCategory(slug, locale);
  if (!category) notFound();
  const sort = parseSort(query.sort);
  const [t, tc, categories, products] = await Promise.all([
    getTranslations("categories"),
    getTranslations("common"),
    listCategories(prisma, locale),
    listCategoryProducts(prisma, category.id, locale, sort),
  ]);
  return (
    <ListingPending loadingLabel={tc("loading")}>
      <div className="mb-6">
        <CategoryNav categories={categories} current={category.slug} />
      </div>
      <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">{category.name}</h1>
          <p className="mt-1 text-sm text-stone-500">{t("count", { count: products.length })}</p>
        </div>
        {products.length > 1 && <SortForm action={`/categories/${category.slug}`} current={sort} />}
      </div>
      {products.length === 0 ? (
        <EmptyState title={t("emptyTitle")} text={t("emptyText")} action={{ href: "/", label: t("all") }} />
      ) : (
        <ProductGrid products={products} locale={locale} />
      )}
    </ListingPending>
  );
}
