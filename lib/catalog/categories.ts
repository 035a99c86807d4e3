// Categories as the shop shows them: active ones, in the merchant's order, in the customer's
// language, with their active products.
import { z } from "zod";
import type { Category } from "../generated/prisma/client";
import type { Db } from "../db";
import { isSlug } from "../cart/cookie";
import type { Locale } from "../i18n/locale";
import { localizeProduct, primaryImage, type ProductView } from "./products";
import { productOrderBy, type Sort } from "./sort";

export type CategoryView = { id: string; slug: string; name: string };

const translationsSchema = z.record(z.string(), z.object({ name: z.string().min(1) }).partial());

/** The category's name in a locale, falling back to the base (English) name. */
export function localizeCategory(category: Pick<Category, "id" | "slug" | "name" | "translations">, locale: Locale) {
  const parsed = translationsSchema.safeParse(category.translations ?? {});
  const name = (parsed.success ? parsed.data[locale]?.name : undefined) || category.name;
  return { id: category.id, slug: category.slug, name } satisfies CategoryView;
}

const categoryOrder = [{ position: "asc" as const }, { name: "asc" as const }, { id: "asc" as const }];

/** Active categories, lowest position first. */
export async function listCategories(db: Db, locale: Locale): Promise<CategoryView[]> {
  const categories = await db.category.findMany({ where: { active: true }, orderBy: categoryOrder });
  return categories.map((c) => localizeCategory(c, locale));
}

/** An active category by slug, or null (unknown, archived, or a slug that cannot exist). */
export async function getCategory(db: Db, slug: string, locale: Locale): Promise<CategoryView | null> {
  if (!isSlug(slug)) return null;
  const category = await db.category.findFirst({ where: { slug, active: true } });
  return category ? localizeCategory(category, locale) : null;
}

/** A category's active products. */
export async function listCategoryProducts(
  db: Db,
  categoryId: string,
  locale: Locale,
  sort: Sort = "position",
): Promise<ProductView[]> {
  const products = await db.product.findMany({
    where: { active: true, categories: { some: { id: categoryId } } },
    orderBy: productOrderBy(sort),
    include: { images: primaryImage },
  });
  return products.map((p) => localizeProduct(p, locale));
}

/** The active categories a product is in (for its page). */
export async function categoriesOfProduct(db: Db, productId: string, locale: Locale): Promise<CategoryView[]> {
  const categories = await db.category.findMany({
    where: { active: true, products: { some: { id: productId } } },
    orderBy: categoryOrder,
  });
  return categories.map((c) => localizeCategory(c, locale));
}
