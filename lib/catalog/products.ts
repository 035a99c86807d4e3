// The catalogue as the shop shows it: active products, in the customer's language.
import { z } from "zod";
import type { Product } from "../generated/prisma/client";
import type { Db } from "../db";
import { isSlug } from "../cart/cookie";
import type { Locale } from "../i18n/locale";
import { productOrderBy, type Sort } from "./sort";

export type ProductView = {
  id: string;
  slug: string;
  name: string;
  description: string;
  image: string;
  priceMinor: number;
  currency: string;
  /** Units that can still be ordered; null: stock is not tracked (unlimited). */
  available: number | null;
};

const copySchema = z.object({ name: z.string().min(1), description: z.string().min(1) });
const translationsSchema = z.record(z.string(), copySchema.partial());

/** Picks the product's copy for a locale, falling back to the base (English) text. */
export function localizeProduct(product: Product, locale: Locale): ProductView {
  const parsed = translationsSchema.safeParse(product.translations ?? {});
  const copy = parsed.success ? parsed.data[locale] : undefined;
  return {
    id: product.id,
    slug: product.slug,
    name: copy?.name || product.name,
    description: copy?.description || product.description,
    image: product.image ?? "",
    priceMinor: product.priceMinor,
    currency: product.currency,
    available: product.stockAvailable,
  };
}

/** The product's names in the other languages, as an order line keeps them (a snapshot). */
export function nameTranslations(product: Pick<Product, "translations">): Record<string, string> {
  const parsed = translationsSchema.safeParse(product.translations ?? {});
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).flatMap(([locale, copy]) => (copy.name ? [[locale, copy.name]] : [])),
  );
}

/** An order line's name in a locale: its snapshot, or the English name it was ordered under. */
export function orderLineName(line: { name: string; nameTranslations: unknown }, locale: Locale): string {
  const names = z.record(z.string(), z.string()).safeParse(line.nameTranslations ?? {});
  return (names.success ? names.data[locale] : undefined) || line.name;
}

export async function listProducts(db: Db, locale: Locale, sort: Sort = "position"): Promise<ProductView[]> {
  const products = await db.product.findMany({ where: { active: true }, orderBy: productOrderBy(sort) });
  return products.map((p) => localizeProduct(p, locale));
}

/** An active product by slug, or null (also for a slug that cannot exist). */
export async function getProduct(db: Db, slug: string, locale: Locale): Promise<ProductView | null> {
  if (!isSlug(slug)) return null;
  const product = await db.product.findFirst({ where: { slug, active: true } });
  return product ? localizeProduct(product, locale) : null;
}

/** Active products by slug, for the cart. */
export async function getProductsBySlug(
  db: Db,
  slugs: readonly string[],
  locale: Locale,
): Promise<Map<string, ProductView>> {
  const valid = slugs.filter(isSlug);
  if (valid.length === 0) return new Map();
  const products = await db.product.findMany({ where: { slug: { in: valid }, active: true } });
  return new Map(products.map((p) => [p.slug, localizeProduct(p, locale)]));
}
