import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { AddToCartForm } from "@/components/shop/add-to-cart-form";
import { JsonLdScript } from "@/components/shop/json-ld";
import { StockBadge } from "@/components/shop/stock-badge";
import { categoriesOfProduct } from "@/lib/catalog/categories";
import { getProduct, getProductGallery } from "@/lib/catalog/products";
import { prisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locale";
import { formatMoney } from "@/lib/money";
import { quantityChoices } from "@/lib/stock/labels";
import { getEnv } from "@/lib/env";
import { breadcrumbJsonLd, productJsonLd, productTrail } from "@/lib/seo/json-ld";

type Props = { params: Promise<{ slug: string }> };

// generateMetadata and the page share one query per request.
const loadProduct = cache((slug: string, locale: Locale) => getProduct(prisma, slug, locale));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct((await params).slug, await getLocale());
  if (!product) return {};
  const [ts, locale] = await Promise.all([getTranslations("shop"), getLocale()]);
  const path = `/products/${product.slug}`;
  const image = { url: product.image, width: product.imageWidth, height: product.imageHeight, alt: product.name };
  // Link previews (WeChat, WhatsApp, search results) show the product, its picture and its words.
  return {
    title: product.name,
    description: product.description,
    alternates: { canonical: path },
    openGraph: {
      siteName: ts("name"),
      type: "website",
      locale: locale.replace("-", "_"),
      url: path,
      title: product.name,
      description: product.description,
      images: [image],
    },
    twitter: {
      card: "summary_large_image",
      title: product.name,
      description: product.description,
      images: [image.url],
    },
  };
}

export default async function ProductPage({ params }: Props) {
  const { slug } = await params;
  const locale = await getLocale();
  const product = await loadProduct(slug, locale);
  if (!product) notFound();
  const [t, tc, tn, ts, images, categories] = await Promise.all([
    getTranslations("product"),
    getTranslations("categories"),
    getTranslations("nav"),
    getTranslations("shop"),
    getProductGallery(prisma, product.id),
    categoriesOfProduct(prisma, product.id, locale),
  ]);
  const gallery = images.slice(1);
  return (
    <article className="grid gap-6 md:grid-cols-2 md:gap-10">
      <div className="overflow-hidden rounded-3xl border border-stone-200 bg-white">
        <img
          src={product.image}
          srcSet={product.imageSrcSet ?? undefined}
          sizes="(min-width: 768px) 50vw, 100vw"
          alt={product.name}
          width={product.imageWidth}
          height={product.imageHeight}
          fetchPriority="high"
          className="aspect-square w-full object-cover"
        />
        {gallery.length > 0 && (
          <ul className="grid grid-cols-4 gap-2 border-t border-stone-200 p-2" data-testid="product-gallery">
            {gallery.map((image) => (
              <li key={image.src}>
                <a href={image.src} className="block overflow-hidden rounded-lg bg-stone-100">
                  <img
                    src={image.src}
                    srcSet={image.srcSet ?? undefined}
                    sizes="(min-width: 768px) 12vw, 25vw"
                    alt={image.alt ?? ""}
                    width={image.width}
                    height={image.height}
                    loading="lazy"
                    decoding="async"
                    className="aspect-square w-full object-cover"
                  />
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="md:py-4">
        <Link href="/" className="text-sm text-stone-500 hover:text-stone-800">
          ← {t("backToShop")}
        </Link>
        <h1 className="mt-3 text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">{product.name}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <p className="text-2xl font-semibold text-brand-800">
            <span className="sr-only">{t("priceLabel")}: </span>
            {formatMoney(product.priceMinor, product.currency, locale)}
          </p>
          <StockBadge available={product.available} className="text-sm" />
        </div>
        <p className="mt-4 leading-relaxed text-stone-700">{product.description}</p>
        <AddToCartForm slug={product.slug} choices={quantityChoices(product.available)} />
        {categories.length > 0 && (
          <nav aria-label={tc("inCategories")} className="mt-6 border-t border-stone-200 pt-4">
            <h2 className="text-sm font-medium text-stone-500">{tc("inCategories")}</h2>
            <ul className="mt-2 flex flex-wrap gap-2">
              {categories.map((category) => (
                <li key={category.id}>
                  <Link
                    href={`/categories/${category.slug}`}
                    className="block rounded-full border border-stone-200 bg-white px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-100"
                  >
                    {category.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      <JsonLdScript
        data={[
          productJsonLd(product, { appUrl: getEnv().appUrl, shopName: ts("name") }),
          breadcrumbJsonLd(productTrail(tn("home"), product, categories), { appUrl: getEnv().appUrl }),
        ]}
      />
    </article>
  );
}
