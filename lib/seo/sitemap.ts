// The sitemap's entries: the home page, each active category, each active product.
import type { Db } from "../db";

export type SitemapEntry = {
  url: string;
  lastModified?: Date;
  changeFrequency?: "daily" | "weekly";
  priority?: number;
};

export async function sitemapEntries(db: Db, appUrl: string): Promise<SitemapEntry[]> {
  const [products, categories] = await Promise.all([
    db.product.findMany({
      where: { active: true },
      select: { slug: true, updatedAt: true },
      orderBy: { position: "asc" },
    }),
    db.category.findMany({
      where: { active: true },
      select: { slug: true, updatedAt: true },
      orderBy: { position: "asc" },
    }),
  ]);
  return [
    { url: `${appUrl}/`, changeFrequency: "daily", priority: 1 },
    ...categories.map((c) => ({
      url: `${appUrl}/categories/${c.slug}`,
      lastModified: c.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.6,
    })),
    ...products.map((p) => ({
      url: `${appUrl}/products/${p.slug}`,
      lastModified: p.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
  ];
}
