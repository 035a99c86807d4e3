// The catalogue as the shop shows it: active products, in the customer's language.
import { z } from "zod";
import type { Prisma, Product } from "../generated/prisma/client";
import type { Db } from "../db";
import { isSlug } from "../cart/cookie";
import type { Locale } from "../i18n/locale";
import { imageSrcSet, imageUrl } from "../images/urls";
import { productOrderBy, type Sort } from "./sort";

export type ProductView = {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** The primary image's URL; else the legacy public/ path; else a neutral placeholder. */
  image: string;
  /** Width variants of the primary image for `<img srcset>`; null when there are none. */
  imageSrcSet: string | null;
  imageWidth: number;
  imageHeight: number;
  priceMinor: number;
  currency: string;
  /** Units that can still be ordered; null: stock is not tracked (unlimited). */
  available: number | null;
};

const copySchema = z.object({ name: z.string().min(1), description: z.string().min(1) });
const translationsSchema = z.record(z.string(), copySchema.partial());

export const PLACEHOLDER_IMAGE = "/placeholder.svg";
/** The size the legacy SVGs and the placeholder are drawn at. */
const LEGACY_SIZE = 800;

/**
 * The primary image, loaded with every product query: its URL's parts and size, never its
 * bytes (a listing would read megabytes it does not show).
 */
export const primaryImage = {
  orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  take: 1,
  select: { hash: true, mime: true, width: true, height: true, position: true, variants: { select: { width: true } } },
} satisfies Prisma.Product$imagesArgs;

type PrimaryImage = { hash: string; mime: string; width: number; height: number; variants: { width: number }[] };

function productImage(product: Pick<Product, "image"> & { images?: PrimaryImage[] }) {
  const primary = product.images?.[0];
  if (primary)
    return {
      image: imageUrl(primary),
      imageSrcSet: imageSrcSet(
        primary,
        primary.variants.map((v) => v.width),
      ),
      imageWidth: primary.width,
      imageHeight: primary.height,
    };
  return {
    image: product.image || PLACEHOLDER_IMAGE,
    imageSrcSet: null,
    imageWidth: LEGACY_SIZE,
    imageHeight: LEGACY_SIZE,
  };
}

/** Picks the product's copy for a locale, falling back to the base (English) text. */
export function localizeProduct(product: Product & { images?: PrimaryImage[] }, locale: Locale): ProductView {
  const parsed = translationsSchema.safeParse(product.translations ?? {});
  const copy = parsed.success ? parsed.data[locale] : undefined;
  return {
    id: product.id,
    slug: product.slug,
    name: copy?.name || product.name,
    description: copy?.description || product.description,
    ...productImage(product),
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
  const products = await db.product.findMany({
    where: { active: true },
    orderBy: productOrderBy(sort),
    include: { images: primaryImage },
  });
  return products.map((p) => localizeProduct(p, locale));
}

/** An active product by slug, or null (also for a slug that cannot exist). */
export async function getProduct(db: Db, slug: string, locale: Locale): Promise<ProductView | null> {
  if (!isSlug(slug)) return null;
  const product = await db.product.findFirst({ where: { slug, active: true }, include: { images: primaryImage } });
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
  const products = await db.product.findMany({
    where: { slug: { in: valid }, active: true },
    include: { images: primaryImage },
  });
  return new Map(products.map((p) => [p.slug, localizeProduct(p, locale)]));
}

export type GalleryImage = {
  src: string;
  srcSet: string | null;
  width: number;
  height: number;
  alt: string | null;
};

/** All of a product's images for its page, primary first (no bytes read). */
export async function getProductGallery(db: Db, productId: string): Promise<GalleryImage[]> {
  const images = await db.productImage.findMany({
    where: { productId },
    orderBy: primaryImage.orderBy,
    select: { ...primaryImage.select, alt: true },
  });
  return images.map((image) => ({
    src: imageUrl(image),
    srcSet: imageSrcSet(
      image,
      image.variants.map((v) => v.width),
    ),
    width: image.width,
    height: image.height,
    alt: image.alt,
  }));
}
