import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CategoryNav } from "@/components/shop/category-nav";
import { EmptyState } from "@/components/shop/empty-state";
import { ListingPending } from "@/components/shop/listing-pending";
import { ProductGrid } from "@/components/shop/product-grid";
import { SortForm } from "@/components/shop/sort-form";
import { listCategories } from "@/lib/catalog/categories";
import { listProducts } from "@/lib/catalog/products";
import { parseSort } from "@/lib/catalog/sort";
import { prisma } from "@/lib/db";
import { JsonLdScript } from "@/components/shop/json-ld";
import { getEnv } from "@/lib/env";
import { organizationJsonLd } from "@/lib/seo/json-ld";

// The home page is one URL whatever the sort: ?sort= variants point search engines here.
export const metadata: Metadata = { alternates: { canonical: "/" } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const [t, tc, ts, locale, query] = await Promise.all([
    getTranslations("home"),
    getTranslations("common"),
    getTranslations("shop"),
    getLocale(),
    searchParams,
  ]);
  const sort = parseSort(query.sort);
  const [products, categories] = await Promise.all([
    listProducts(prisma, locale, sort),
    listCategories(prisma, locale),
  ]);
  return (
    <>
      <section className="mb-6 rounded-3xl bg-gradient-to-br from-brand-700 to-brand-900 px-6 py-10 text-white sm:mb-8 sm:px-10 sm:py-14">
        <h1 className="text-2xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-2 max-w-xl text-brand-100 sm:text-lg">{t("subtitle")}</p>
      </section>
      <h2 className="sr-only">{t("productsHeading")}</h2>
      {products.length === 0 ? (
        <EmptyState title={t("empty")} text={t("emptyHint")} />
      ) : (
        <ListingPending loadingLabel={tc("loading")}>
          <div className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <CategoryNav categories={categories} current={null} />
            <SortForm action="/" current={sort} />
          </div>
          <ProductGrid products={products} locale={locale} />
        </ListingPending>
      )}
      <JsonLdScript data={organizationJsonLd({ appUrl: getEnv().appUrl, shopName: ts("name") })} />
    </>
  );
}
