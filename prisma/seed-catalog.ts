// The demo catalogue: eight products, prices in HKD minor units (cents).
// Images are drawn locally in public/products/ (no remote image hosts).
import type { PrismaClient } from "../lib/generated/prisma/client";
import { seedProductImages } from "./seed-images";

type Copy = { name: string; description: string };
export type SeedProduct = Copy & {
  slug: string;
  priceMinor: number;
  currency: string;
  translations: { "zh-HK": Copy; "zh-CN": Copy };
};

export const seedProducts: SeedProduct[] = [
  {
    slug: "jasmine-pearl-tea",
    name: "Jasmine Pearl Green Tea",
    description:
      "Hand-rolled green tea pearls scented with fresh jasmine blossoms over several nights. 50 g tin, about 25 pots.",
    priceMinor: 16800,
    currency: "HKD",
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
    translations: {
      "zh-HK": { name: "木製月餅模", description: "硬木雕刻月餅模，適用於 75 克月餅，香港餅家沿用多代的款式。" },
      "zh-CN": { name: "木制月饼模", description: "硬木雕刻月饼模，适用于 75 克月饼，香港饼家沿用多代的款式。" },
    },
  },
];

/**
 * Adds the demo products that are missing (matched by slug). Products that already exist
 * are left as they are, so a merchant's edits survive; running it twice changes nothing.
 * With `ifEmpty`, does nothing at all when the catalogue has any product.
 */
export async function seedCatalog(
  db: PrismaClient,
  { ifEmpty = false } = {},
): Promise<{ created: number; skipped: boolean }> {
  if (ifEmpty && (await db.product.count()) > 0) return { created: 0, skipped: true };
  const result = await db.product.createMany({
    data: seedProducts.map((p, position) => ({ ...p, image: `/products/${p.slug}.svg`, position })),
    skipDuplicates: true,
  });
  await seedProductImages(db);
  return { created: result.count, skipped: false };
}
