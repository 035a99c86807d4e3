import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProduct, listProducts } from "@/lib/catalog/products";
import { summarizeCart } from "@/lib/cart/summary";
import { Prisma } from "@/lib/generated/prisma/client";
import { createOrder } from "@/lib/orders/create";
import { customerOrderView } from "@/lib/orders/customer-view";
import { seedCatalog, seedProducts } from "@/prisma/seed-catalog";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe("seed", () => {
  it("adds the demo catalogue once, keeps merchant edits, and --if-empty skips a filled catalogue", async () => {
    expect(await seedCatalog(db)).toEqual({ created: seedProducts.length, categories: 3, skipped: false });
    await db.product.update({ where: { slug: "silk-fan" }, data: { priceMinor: 25000 } });
    expect(await seedCatalog(db)).toEqual({ created: 0, categories: 0, skipped: false });
    expect(await seedCatalog(db, { ifEmpty: true })).toEqual({ created: 0, categories: 0, skipped: true });
    expect(await db.product.count()).toBe(seedProducts.length);
    expect((await db.product.findUniqueOrThrow({ where: { slug: "silk-fan" } })).priceMinor).toBe(25000);
    await db.product.update({ where: { slug: "silk-fan" }, data: { priceMinor: 22800 } });
  });

  it("has 6 to 8 HKD products with integer prices and local images", () => {
    expect(seedProducts.length).toBeGreaterThanOrEqual(6);
    expect(seedProducts.length).toBeLessThanOrEqual(8);
    for (const p of seedProducts) {
      expect(p.currency).toBe("HKD");
      expect(Number.isInteger(p.priceMinor) && p.priceMinor > 0).toBe(true);
    }
  });
});

describe("catalogue", () => {
  it("lists active products in order, in the customer's language", async () => {
    const en = await listProducts(db, "en");
    expect(en.map((p) => p.slug)).toEqual(seedProducts.map((p) => p.slug));
    expect(en[0]).toMatchObject({
      name: "Jasmine Pearl Green Tea",
      priceMinor: 16800,
      currency: "HKD",
      image: expect.stringMatching(/^\/images\/[0-9a-f]{64}\.svg$/),
    });
    const hk = await listProducts(db, "zh-HK");
    expect(hk[0]?.name).toBe("茉莉龍珠綠茶");
    const cn = await listProducts(db, "zh-CN");
    expect(cn[0]?.name).toBe("茉莉龙珠绿茶");
  });

  it("hides inactive products and answers null for unknown or impossible slugs", async () => {
    await db.product.update({ where: { slug: "paper-lantern" }, data: { active: false } });
    try {
      expect((await listProducts(db, "en")).some((p) => p.slug === "paper-lantern")).toBe(false);
      expect(await getProduct(db, "paper-lantern", "en")).toBeNull();
    } finally {
      await db.product.update({ where: { slug: "paper-lantern" }, data: { active: true } });
    }
    expect(await getProduct(db, "no-such-thing", "en")).toBeNull();
    expect(await getProduct(db, "../../etc/passwd", "en")).toBeNull();
    expect(await getProduct(db, "x".repeat(500), "en")).toBeNull();
    expect(await getProduct(db, "silk-fan", "zh-HK")).toMatchObject({ name: "手繪絲綢摺扇", priceMinor: 22800 });
  });

  it("falls back to the base copy when a translation is missing or malformed", async () => {
    await db.product.update({ where: { slug: "harbour-tote" }, data: { translations: { "zh-HK": { name: 42 } } } });
    expect((await getProduct(db, "harbour-tote", "zh-HK"))?.name).toBe("Harbour Tote Bag");
  });
});

describe("cart pricing", () => {
  it("prices from the database, skipping gone products and other currencies", async () => {
    await db.product.create({
      data: {
        slug: "yen-thing",
        name: "Yen thing",
        description: "d",
        image: "/x.svg",
        priceMinor: 500,
        currency: "JPY",
      },
    });
    const cart = await summarizeCart(
      db,
      [
        { slug: "silk-fan", quantity: 2 },
        { slug: "deleted-product", quantity: 1 },
        { slug: "yen-thing", quantity: 1 },
        { slug: "bamboo-chopsticks", quantity: 3 },
      ],
      "en",
    );
    expect(cart.currency).toBe("HKD");
    expect(cart.lines.map((l) => [l.product.slug, l.quantity, l.lineTotalMinor])).toEqual([
      ["silk-fan", 2, 45600],
      ["bamboo-chopsticks", 3, 26400],
    ]);
    expect(cart.count).toBe(5);
    expect(cart.subtotalMinor).toBe(72000);
  });

  it("is empty for an empty cookie", async () => {
    expect(await summarizeCart(db, [], "en")).toEqual({
      lines: [],
      count: 0,
      subtotalMinor: 0,
      currency: null,
      blocked: false,
    });
  });
});

describe("order lines in the customer's language", () => {
  it("keep each locale's name as a snapshot, shown on the order page in en, zh-HK and zh-CN", async () => {
    const order = await createOrder(db, {
      items: [
        { slug: "paper-lantern", quantity: 1 },
        { slug: "celadon-tea-cup", quantity: 2 },
      ],
      email: "names@example.com",
      locale: "en",
    });
    const names = async (locale: "en" | "zh-HK" | "zh-CN") =>
      (await customerOrderView(db, order.id, locale)).lines.map((l) => `${l.quantity} × ${l.name}`).sort();
    expect(await names("en")).toEqual(["1 × Red Paper Lantern", "2 × Celadon Tea Cup"]);
    expect(await names("zh-HK")).toEqual(["1 × 紅紙燈籠", "2 × 青瓷茶杯"]);
    expect(await names("zh-CN")).toEqual(["1 × 红纸灯笼", "2 × 青瓷茶杯"]);
    // A snapshot: renaming the product later changes no order.
    await db.product.update({ where: { slug: "paper-lantern" }, data: { name: "Lantern", translations: {} } });
    expect(await names("zh-HK")).toEqual(["1 × 紅紙燈籠", "2 × 青瓷茶杯"]);
    // An order from before the snapshot (no translations kept) reads its English name.
    await db.orderItem.updateMany({ where: { orderId: order.id }, data: { nameTranslations: Prisma.DbNull } });
    expect(await names("zh-CN")).toEqual(["1 × Red Paper Lantern", "2 × Celadon Tea Cup"]);
  });
});
