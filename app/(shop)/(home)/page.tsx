import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/shop/empty-state";
import { ProductCard } from "@/components/shop/product-card";
import { listProducts } from "@/lib/catalog/products";
import { prisma } from "@/lib/db";

export default async function HomePage() {
  const [t, locale] = await Promise.all([getTranslations("home"), getLocale()]);
  const products = await listProducts(prisma, locale);
  return (
    <>
      <section className="mb-8 rounded-3xl bg-gradient-to-br from-brand-700 to-brand-900 px-6 py-10 text-white sm:px-10 sm:py-14">
        <h1 className="text-2xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-2 max-w-xl text-brand-100 sm:text-lg">{t("subtitle")}</p>
      </section>
      <h2 className="sr-only">{t("productsHeading")}</h2>
      {products.length === 0 ? (
        <EmptyState title={t("empty")} text={t("emptyHint")} />
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 lg:grid-cols-4">
          {products.map((product, index) => (
            <ProductCard key={product.id} product={product} locale={locale} preload={index < 4} />
          ))}
        </ul>
      )}
    </>
  );
}
