// What the back office reads of the catalogue: every product (archived too), its images
// without their bytes, its stock, its categories and its audit log.
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "../../db";
import { listProductImages } from "../../images/store";
import { imageUrl } from "../../images/urls";
import { CURRENCIES, currencyExponent } from "../../money";
import { stockLevel } from "../../stock/levels";
import { PLACEHOLDER_IMAGE, primaryImage } from "../products";

export const productFiltersSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  status: z.enum(["all", "active", "archived"]).catch("all").default("all"),
});
export type ProductFilters = z.infer<typeof productFiltersSchema>;

export async function listAdminProducts(db: Db, filters: ProductFilters) {
  const where: Prisma.ProductWhereInput = {};
  if (filters.status !== "all") where.active = filters.status === "active";
  const q = filters.q.toLowerCase();
  if (q) where.OR = [{ slug: { contains: q } }, { searchText: { contains: q.normalize("NFKC") } }];
  const products = await db.product.findMany({
    where,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    include: { images: primaryImage, categories: { select: { name: true }, orderBy: { position: "asc" } } },
    take: 500,
  });
  return products.map((p) => ({
    id: p.id,
    slug: p.slug,
    name: p.name,
    priceMinor: p.priceMinor,
    currency: p.currency,
    active: p.active,
    stock: stockLevel(p),
    thumbnail: p.images[0]
      ? imageUrl(p.images[0], p.images[0].variants.some((v) => v.width === 320) ? 320 : undefined)
      : (p.image ?? PLACEHOLDER_IMAGE),
    categories: p.categories.map((c) => c.name),
  }));
}

export async function getAdminProduct(db: Db, id: string) {
  const product = await db.product.findUnique({
    where: { id },
    include: { categories: { select: { id: true } } },
  });
  if (!product) return null;
  const [images, audit, ordered] = await Promise.all([
    listProductImages(db, id),
    db.auditLog.findMany({
      where: { entity: "product", entityId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
    }),
    db.orderItem.count({ where: { productId: id } }),
  ]);
  return { product, images, audit, ordered, stock: stockLevel(product) };
}

export async function listAdminCategories(db: Db) {
  const categories = await db.category.findMany({
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { _count: { select: { products: true } } },
  });
  return categories.map((c) => ({ ...c, productCount: c._count.products }));
}

/** An audit entry's changes as lines a person reads: "price: 168.00 → 188.00". */
export function describeChanges(changes: unknown): string[] {
  if (!changes || typeof changes !== "object") return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, change]) => {
    const show = (value: unknown) =>
      value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value);
    if (change && typeof change === "object" && "from" in change && "to" in change) {
      const { from, to } = change as { from: unknown; to: unknown };
      return `${field}: ${show(from)} → ${show(to)}`;
    }
    return `${field}: ${show(change)}`;
  });
}

/** The choices a product form offers: categories by position, and the currencies of lib/money.ts with their exponents. */
export async function catalogFormOptions(db: Db) {
  const categories = await db.category.findMany({
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true },
  });
  return { categories, currencies: CURRENCIES.map((code) => ({ code, exponent: currencyExponent(code) })) };
}
