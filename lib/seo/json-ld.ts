// Structured data for search engines and link previews (pure): schema.org Product with its
// Offer, the BreadcrumbList to it, and the shop's Organization, as JSON-LD. Prices in major
// units with the currency's exponent (HK$98.00 is "98.00", ¥500 is "500"); availability from
// stock when the product tracks it.
import type { CategoryView } from "../catalog/categories";
import type { ProductView } from "../catalog/products";
import { toMajorString } from "../money";

export type JsonLd = Record<string, unknown>;

const absolute = (appUrl: string, path: string) => (/^https?:\/\//.test(path) ? path : `${appUrl}${path}`);

export function availabilityOf(available: number | null): string {
  return available === null || available > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock";
}

export function productJsonLd(
  product: Pick<ProductView, "slug" | "name" | "description" | "image" | "priceMinor" | "currency" | "available">,
  context: { appUrl: string; shopName: string },
): JsonLd {
  const url = absolute(context.appUrl, `/products/${product.slug}`);
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description,
    image: [absolute(context.appUrl, product.image)],
    sku: product.slug,
    url,
    offers: {
      "@type": "Offer",
      url,
      price: toMajorString(product.priceMinor, product.currency),
      priceCurrency: product.currency,
      availability: availabilityOf(product.available),
      itemCondition: "https://schema.org/NewCondition",
      seller: { "@type": "Organization", name: context.shopName },
    },
  };
}

/** Home › the product's first category (if any) › the product. */
export function breadcrumbJsonLd(trail: { name: string; path: string }[], context: { appUrl: string }): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((step, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: step.name,
      item: absolute(context.appUrl, step.path),
    })),
  };
}

export function productTrail(
  home: string,
  product: Pick<ProductView, "slug" | "name">,
  categories: Pick<CategoryView, "slug" | "name">[],
): { name: string; path: string }[] {
  const first = categories[0];
  return [
    { name: home, path: "/" },
    ...(first ? [{ name: first.name, path: `/categories/${first.slug}` }] : []),
    { name: product.name, path: `/products/${product.slug}` },
  ];
}

export function organizationJsonLd(context: { appUrl: string; shopName: string }): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: context.shopName,
    url: `${context.appUrl}/`,
    logo: `${context.appUrl}/icon.svg`,
  };
}

/** The JSON for a `<script type="application/ld+json">`: nothing in it can close the element. */
export function jsonLdText(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
