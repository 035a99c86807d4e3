// The sitemap lists what is on sale: every active product and category, never an archived one.
import { afterAll, beforeAll, expect, it } from "vitest";
import { sitemapEntries } from "@/lib/seo/sitemap";
import { seedCatalog } from "@/prisma/seed-catalog";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedCatalog(db);
});
afterAll(() => db?.close());

it("every active product and category, and no archived one", async () => {
  await db.product.update({ where: { slug: "silk-fan" }, data: { active: false } });
  const urls = (await sitemapEntries(db, "https://shop.example")).map((e) => e.url);
  const products = await db.product.findMany({ where: { active: true }, select: { slug: true } });
  const categories = await db.category.findMany({ where: { active: true }, select: { slug: true } });
  expect(urls[0]).toBe("https://shop.example/");
  for (const { slug } of products) expect(urls).toContain(`https://shop.example/products/${slug}`);
  for (const { slug } of categories) expect(urls).toContain(`https://shop.example/categories/${slug}`);
  expect(urls).not.toContain("https://shop.example/products/silk-fan");
  expect(urls).toHaveLength(1 + products.length + categories.length);
});
