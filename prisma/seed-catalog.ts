// The demo catalogue: eight products, prices in HKD minor units (cents), in three
// categories. Most are untracked or plentiful; the jasmine tea has only 3 tins, so a new
// user can watch it sell out. Images are drawn locally in public/products/ (no remote image hosts).
import type { PrismaClient } from "../lib/generated/prisma/client";
import { seedProductImages } from "./seed-images";
import { searchTextFor } from "../lib/catalog/search-text";

type Copy = { name: string; description: string };
export type SeedProduct = Copy & {
  slug: string;
  priceMinor: number;
  currency: string;
  translations: { "zh-HK": Copy; "zh-CN": Copy };
  /** Units in stock; null: not tracked (unlimited). */
  stock: number | null;
  /** Slugs of its seedCategories. */
  categories: string[];
};

export type SeedCategory = {
  slug: string;
  name: string;
  translations: { "zh-HK": { name: string }; "zh-CN": { name: string } };
};

export const seedCategories: SeedCategory[] = [
  { slug: "tea", name: "Tea", translations: { "zh-HK": { name: "茶品" }, "zh-CN": { name: "茶品" } } },
  { slug: "tableware", name: "Tableware", translations: { "zh-HK": { name: "餐具" }, "zh-CN": { name: "餐具" } } },
  { slug: "gifts", name: "Gifts", translations: { "zh-HK": { name: "禮品" }, "zh-CN": { name: "礼品" } } },
];

export const seedProducts: SeedProduct[] = [
  {
    slug: "jasmine-pearl-tea",
    name: "Jasmine Pearl Green Tea",
    description:
      "Hand-rolled green tea pearls scented with fresh jasmine blossoms over several nights. 50 g tin, about 25 pots.",
    priceMinor: 16800,
    currency: "HKD",
    stock: 3,
    categories: ["tea", "gifts"],
    translations: {
      "zh-HK": { name: "茉莉龍珠綠茶", description: "以新鮮茉莉花多夜窨製的手搓綠茶珠。50 克罐裝，約可沖泡 25 壺。" },
      "zh-CN": { name: "茉莉龙珠绿茶", description: "以新鲜茉莉花多夜窨制的手搓绿茶珠。50 克罐装，约可冲泡 25 壶。" },
    },
  },
  {
    slug: "celadon-tea-cup",
    name: "Celadon Tea Cup",
    description: "A thin porcelain cup in a soft celadon glaze, with its own saucer. Holds 120 ml.",
    priceMinor: 12800,
    currency: "HKD",
    stock: 50,
    categories: ["tea", "tableware"],
    translations: {
      "zh-HK": { name: "青瓷茶杯", description: "薄胎瓷杯，柔和青瓷釉色，附杯碟。容量 120 毫升。" },
      "zh-CN": { name: "青瓷茶杯", description: "薄胎瓷杯，柔和青瓷釉色，附杯碟。容量 120 毫升。" },
    },
  },
  {
    slug: "bamboo-chopsticks",
    name: "Bamboo Chopstick Set",
    description: "Five pairs of natural bamboo chopsticks with a glazed ceramic rest. Dishwasher safe.",
    priceMinor: 8800,
    currency: "HKD",
    stock: null,
    categories: ["tableware"],
    translations: {
      "zh-HK": { name: "竹筷套裝", description: "五對天然竹筷，配上釉陶瓷筷子架。可用洗碗機清洗。" },
      "zh-CN": { name: "竹筷套装", description: "五双天然竹筷，配上釉陶瓷筷架。可用洗碗机清洗。" },
    },
  },
  {
    slug: "silk-fan",
    name: "Hand-painted Silk Fan",
    description: "A folding fan of silk on bamboo ribs, painted by hand with a branch of plum blossom.",
    priceMinor: 22800,
    currency: "HKD",
    stock: null,
    categories: ["gifts"],
    translations: {
      "zh-HK": { name: "手繪絲綢摺扇", description: "竹骨絲面摺扇，以人手繪上梅花一枝。" },
      "zh-CN": { name: "手绘丝绸折扇", description: "竹骨丝面折扇，以人手绘上梅花一枝。" },
    },
  },
  {
    slug: "harbour-tote",
    name: "Harbour Tote Bag",
    description: "Heavy cotton canvas tote printed with the Victoria Harbour skyline. Fits a laptop.",
    priceMinor: 19800,
    currency: "HKD",
    stock: null,
    categories: ["gifts"],
    translations: {
      "zh-HK": { name: "維港帆布袋", description: "厚身棉質帆布袋，印有維多利亞港天際線，可放手提電腦。" },
      "zh-CN": { name: "维港帆布袋", description: "厚身棉质帆布袋，印有维多利亚港天际线，可放笔记本电脑。" },
    },
  },
  {
    slug: "bamboo-steamer",
    name: "Dim Sum Bamboo Steamer",
    description: "A two-tier 20 cm bamboo steamer with lid, woven the traditional way. For dumplings, buns and fish.",
    priceMinor: 15800,
    currency: "HKD",
    stock: 50,
    categories: ["tableware"],
    translations: {
      "zh-HK": { name: "點心竹蒸籠", description: "兩層 20 厘米竹蒸籠連蓋，傳統手工編織。蒸餃子、包點、魚皆宜。" },
      "zh-CN": { name: "点心竹蒸笼", description: "两层 20 厘米竹蒸笼带盖，传统手工编织。蒸饺子、包子、鱼皆宜。" },
    },
  },
  {
    slug: "paper-lantern",
    name: "Red Paper Lantern",
    description: "A classic red lantern of paper on a folding frame, with gold trim and a silk tassel. 35 cm.",
    priceMinor: 9800,
    currency: "HKD",
    stock: null,
    categories: ["gifts"],
    translations: {
      "zh-HK": { name: "紅紙燈籠", description: "經典紅色紙燈籠，可摺疊骨架，配金邊及絲穗。高 35 厘米。" },
      "zh-CN": { name: "红纸灯笼", description: "经典红色纸灯笼，可折叠骨架，配金边及丝穗。高 35 厘米。" },
    },
  },
  {
    slug: "mooncake-mould",
    name: "Wooden Mooncake Mould",
    description: "A carved hardwood mould for 75 g mooncakes, in the shape used by Hong Kong bakeries for generations.",
    priceMinor: 13800,
    currency: "HKD",
    stock: 50,
    categories: ["tableware", "gifts"],
    translations: {
      "zh-HK": { name: "木製月餅模", description: "硬木雕刻月餅模，適用於 75 克月餅，香港餅家沿用多代的款式。" },
      "zh-CN": { name: "木制月饼模", description: "硬木雕刻月饼模，适用于 75 克月饼，香港饼家沿用多代的款式。" },
    },
  },
];

/**
 * Adds the demo products and categories that are missing (matched by slug). Those that
 * already exist are left as they are, so a merchant's edits survive; running it twice
 * changes nothing. With `ifEmpty` (`npm run dev`), products are added only to a catalogue
 * with none, and categories only when there is none yet (so a database seeded before
 * categories existed gets them, with its demo products in them).
 */
export async function seedCatalog(
  db: PrismaClient,
  { ifEmpty = false } = {},
): Promise<{ created: number; categories: number; skipped: boolean }> {
  const [products, categories] = await Promise.all([db.product.count(), db.category.count()]);
  if (ifEmpty && products > 0 && categories > 0) return { created: 0, categories: 0, skipped: true };
  let created = 0;
  if (!ifEmpty || products === 0) {
    const result = await db.product.createMany({
      data: seedProducts.map(({ stock, categories: _categories, ...p }, position) => ({
        ...p,
        image: `/products/${p.slug}.svg`,
        position,
        stockAvailable: stock,
        searchText: searchTextFor(p),
      })),
      skipDuplicates: true,
    });
    created = result.count;
  }
  const categoriesCreated = !ifEmpty || categories === 0 ? await addSeedCategories(db) : 0;
  await seedProductImages(db);
  return { created, categories: categoriesCreated, skipped: false };
}

/** Creates the missing demo categories, each with the demo products (that exist) in it. */
async function addSeedCategories(db: PrismaClient): Promise<number> {
  const existing = new Set(
    (
      await db.category.findMany({ where: { slug: { in: seedCategories.map((c) => c.slug) } }, select: { slug: true } })
    ).map((c) => c.slug),
  );
  const productSlugs = new Set(
    (
      await db.product.findMany({ where: { slug: { in: seedProducts.map((p) => p.slug) } }, select: { slug: true } })
    ).map((p) => p.slug),
  );
  let created = 0;
  for (const [position, category] of seedCategories.entries()) {
    if (existing.has(category.slug)) continue;
    const members = seedProducts.filter((p) => p.categories.includes(category.slug) && productSlugs.has(p.slug));
    await db.category.create({
      data: { ...category, position, products: { connect: members.map((p) => ({ slug: p.slug })) } },
    });
    created++;
  }
  return created;
}
