// The back office's catalogue on a real database: the headless API's routes (what a form or a
// script posts) answer a clear 4xx per field and change nothing on bad input; good writes keep
// an audit-log row each; order lines stay snapshots; stock cannot go below what orders hold.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifiedNotice } from "@/lib/catalog/admin/http";
import { parseProductForm } from "@/lib/catalog/admin/input";
import { getEnv } from "@/lib/env";
import { moveProduct, saveCategory, setProductActive } from "@/lib/catalog/admin/products";
import { getAdminProduct, listAdminProducts, productFiltersSchema } from "@/lib/catalog/admin/queries";
import { getProduct } from "@/lib/catalog/products";
import { searchProducts } from "@/lib/catalog/search";
import { createOrder } from "@/lib/orders/create";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
let admin: { email: string } | null = { email: "merchant@example.com" };
type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let routes: { create: Handler; update: Handler; upload: Handler };

beforeAll(async () => {
  db = await createTestDb();
  vi.doMock("@/lib/db", () => ({ prisma: db }));
  vi.doMock("@/lib/admin/guard", () => ({ currentAdmin: async () => admin }));
  routes = {
    create: (await import("@/app/api/admin/products/route")).POST as unknown as Handler,
    update: (await import("@/app/api/admin/products/[id]/route")).PATCH,
    upload: (await import("@/app/api/admin/products/[id]/images/route")).POST,
  };
});
afterAll(async () => {
  vi.doUnmock("@/lib/db");
  vi.doUnmock("@/lib/admin/guard");
  await db?.close();
});

const base = "http://shop.test";
let festivalId = "";
const valid = (over: Record<string, unknown> = {}) => ({
  slug: "lantern",
  name: "Paper lantern",
  description: "A red paper lantern for the Mid-Autumn Festival.",
  "name.zh-HK": "紙燈籠",
  "description.zh-HK": "中秋節的紅色紙燈籠。",
  price: "88.50",
  currency: "HKD",
  stock: 4,
  active: true,
  categories: festivalId ? [festivalId] : [],
  ...over,
});

async function send(handler: Handler, url: string, method: string, body: unknown, id = "") {
  const response = await handler(
    new Request(`${base}${url}`, {
      method,
      headers: { "content-type": "application/json", origin: base, host: "shop.test" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
const create = (body: unknown) => send(routes.create, "/api/admin/products", "POST", body);
const update = (id: string, body: unknown) => send(routes.update, `/api/admin/products/${id}`, "PATCH", body, id);

async function upload(id: string, bytes: Uint8Array, name = "photo.png", type = "image/png") {
  const form = new FormData();
  form.set("image", new Blob([new Uint8Array(bytes)], { type }), name);
  form.set("alt", "Lantern, lit");
  const response = await routes.upload(
    new Request(`${base}/api/admin/products/${id}/images`, { method: "POST", body: form, headers: { origin: base } }),
    { params: Promise.resolve({ id }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const png = async (width: number, height: number) =>
  new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: "#c33" } })
      .png()
      .toBuffer(),
  );

async function everything() {
  return {
    products: await db.product.findMany({ orderBy: { id: "asc" } }),
    images: await db.productImage.count(),
    audit: await db.auditLog.count(),
  };
}

let lanternId = "";

describe("creating a product", () => {
  it("creates it with its zh-HK copy, stock and category, at the end of the list, with an audit row", async () => {
    const category = await saveCategory(db, "merchant@example.com", null, {
      slug: "festival",
      name: "Festival",
      translations: { "zh-HK": { name: "節日" } },
      active: true,
    });
    expect(category.ok).toBe(true);
    festivalId = category.ok ? category.value.id : "";
    const { status, body } = await create(valid());
    expect(status).toBe(201);
    lanternId = body.product.id;
    const stored = await db.product.findUniqueOrThrow({ where: { id: lanternId }, include: { categories: true } });
    expect(stored).toMatchObject({
      priceMinor: 8850,
      currency: "HKD",
      stockAvailable: 4,
      stockReserved: 0,
      active: true,
    });
    expect(stored.categories.map((c) => c.slug)).toEqual(["festival"]);
    expect((await getProduct(db, "lantern", "zh-HK"))?.name).toBe("紙燈籠");
    expect((await getProduct(db, "lantern", "zh-CN"))?.name).toBe("Paper lantern"); // falls back to English
    expect((await searchProducts(db, "燈籠", "en")).map((p) => p.slug)).toEqual(["lantern"]);
    const log = await db.auditLog.findMany({ where: { entityId: lanternId } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: "merchant@example.com", action: "create", entity: "product" });
    expect(log[0]!.changes).toMatchObject({
      slug: "lantern",
      priceMinor: 8850,
      stockOnHand: 4,
      categories: ["festival"],
    });
  });

  it("refuses bad input with a clear 4xx per field and writes nothing", async () => {
    const before = await everything();
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [valid(), 409, "slug", /already uses this slug/],
      [valid({ slug: "Bad Slug!" }), 422, "slug", /lower-case letters/],
      [valid({ slug: "ok-2", price: "-5" }), 422, "price", /cannot be negative/],
      [valid({ slug: "ok-2", price: -5 }), 422, "price", /cannot be negative/],
      [valid({ slug: "ok-2", price: "1.234" }), 422, "price", /at most 2 decimals/],
      [valid({ slug: "ok-2", price: "12.5", currency: "JPY" }), 422, "price", /Whole JPY only/],
      [valid({ slug: "ok-2", price: "0" }), 422, "price", /more than zero/],
      [valid({ slug: "ok-2", currency: "XYZ" }), 422, "currency", /Choose one of HKD/],
      [valid({ slug: "ok-2", name: "" }), 422, "name", /Required/],
      [valid({ slug: "ok-2", stock: -1 }), 422, "stock", /cannot be negative/],
      [valid({ slug: "ok-2", stock: "2.5" }), 422, "stock", /whole number/],
      [valid({ slug: "ok-2", categories: ["nosuchcategory"] }), 422, "categories", /no longer exists/],
    ];
    for (const [body, status, field, message] of cases) {
      const answer = await create(body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.errors[field]).toMatch(message);
    }
    expect((await create("not an object")).status).toBe(400);
    const raw = await routes.create(
      new Request(`${base}/api/admin/products`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{",
      }),
      { params: Promise.resolve({ id: "" }) },
    );
    expect(raw.status).toBe(400);
    expect(await everything()).toEqual(before);
  });

  it("needs the back-office session, and refuses a write from another site", async () => {
    admin = null;
    expect((await create(valid({ slug: "ok-3" }))).status).toBe(401);
    admin = { email: "merchant@example.com" };
    const response = await routes.create(
      new Request(`${base}/api/admin/products`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://evil.example", host: "shop.test" },
        body: JSON.stringify(valid({ slug: "ok-3" })),
      }),
      { params: Promise.resolve({ id: "" }) },
    );
    expect(response.status).toBe(403);
    expect(await db.product.count({ where: { slug: "ok-3" } })).toBe(0);
  });
});

describe("editing a product", () => {
  it("keeps existing orders' lines, fixes the slug once ordered, and logs what changed", async () => {
    const order = await createOrder(db, { items: [{ slug: "lantern", quantity: 1 }], email: "a@example.com" });
    const { status, body } = await update(lanternId, valid({ price: "98.00", "name.zh-CN": "纸灯笼" }));
    expect(status).toBe(200);
    expect(Object.keys(body.changes).sort()).toEqual(["priceMinor", "translations"]);
    expect(body.changes.priceMinor).toEqual({ from: 8850, to: 9800 });
    const line = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
    expect(line).toMatchObject({ slug: "lantern", name: "Paper lantern", unitPriceMinor: 8850, quantity: 1 });
    expect((await getProduct(db, "lantern", "zh-CN"))?.name).toBe("纸灯笼");

    const renamed = await update(lanternId, valid({ slug: "red-lantern", price: "98.00" }));
    expect(renamed.status).toBe(409);
    expect(renamed.body.errors.slug).toMatch(/has been ordered, so its slug stays "lantern"/);
  });

  it("refuses stock below what orders waiting for payment hold, and changes nothing else with it", async () => {
    // One unit is held by the order above: on hand 4 = 3 available + 1 reserved.
    const before = await everything();
    const answer = await update(lanternId, valid({ price: "120.00", stock: 0 }));
    expect(answer.status).toBe(409);
    expect(answer.body.errors.stock).toMatch(/hold 1 unit: on hand cannot be less than that/);
    expect(await everything()).toEqual(before); // the price change rolled back with it
    const ok = await update(lanternId, valid({ price: "98.00", stock: 1, "name.zh-CN": "纸灯笼" }));
    expect(ok.status).toBe(200);
    expect(ok.body.changes).toEqual({ stockOnHand: { from: 4, to: 1 } });
    expect(await db.product.findUniqueOrThrow({ where: { id: lanternId } })).toMatchObject({
      stockAvailable: 0,
      stockReserved: 1,
    });
    const untracked = await update(lanternId, valid({ price: "98.00", stock: "", "name.zh-CN": "纸灯笼" }));
    expect(untracked.body.changes).toEqual({ stockOnHand: { from: 1, to: null } });
  });

  it("archives and restores (hidden from the shop, kept in the back office), and reorders", async () => {
    expect((await setProductActive(db, "merchant@example.com", lanternId, false)).ok).toBe(true);
    expect(await getProduct(db, "lantern", "en")).toBeNull();
    const archived = await listAdminProducts(db, productFiltersSchema.parse({ status: "archived" }));
    expect(archived.map((p) => p.slug)).toEqual(["lantern"]);
    expect((await listAdminProducts(db, productFiltersSchema.parse({ status: "active", q: "lantern" }))).length).toBe(
      0,
    );
    await setProductActive(db, "merchant@example.com", lanternId, true);
    expect(await getProduct(db, "lantern", "en")).not.toBeNull();

    const second = await create(valid({ slug: "moon-cake", name: "Moon cake", stock: "" }));
    const order = async () => (await listAdminProducts(db, productFiltersSchema.parse({}))).map((p) => p.slug);
    expect(await order()).toEqual(["lantern", "moon-cake"]);
    expect((await moveProduct(db, "merchant@example.com", second.body.product.id, "up")).ok).toBe(true);
    expect(await order()).toEqual(["moon-cake", "lantern"]);
    const top = await moveProduct(db, "merchant@example.com", second.body.product.id, "up");
    expect(top.ok && top.value.moved).toBe(false);

    const { audit } = (await getAdminProduct(db, lanternId))!;
    expect(audit.map((a) => a.action)).toEqual(["restore", "archive", "update", "update", "update", "create"]);
  });

  it("rejects a bad form before it reaches the database, with every field's message at once", () => {
    const fields = new FormData();
    fields.set("slug", "-x-");
    fields.set("price", "abc");
    fields.set("currency", "HKD");
    const parsed = parseProductForm(fields);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(["description", "name", "price", "slug"]);
  });
});

describe("uploading images", () => {
  it("stores a PNG with its size and a log row; refuses a non-image, an oversized file and an SVG with script", async () => {
    const ok = await upload(lanternId, await png(1200, 800));
    expect(ok.status).toBe(201);
    const { images, audit } = (await getAdminProduct(db, lanternId))!;
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ width: 1200, height: 800, mime: "image/png", alt: "Lantern, lit", position: 0 });
    expect(audit[0]).toMatchObject({ action: "image_add" });

    const before = await everything();
    const pdf = await upload(
      lanternId,
      new TextEncoder().encode("%PDF-1.7 not an image"),
      "doc.pdf",
      "application/pdf",
    );
    expect(pdf.status).toBe(422);
    expect(pdf.body.error).toMatch(/PNG, JPEG, WebP or SVG/);
    const big = await upload(lanternId, new Uint8Array(2 * 1024 * 1024 + 10));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatch(/at most 2 MB/);
    const script = await upload(
      lanternId,
      new TextEncoder().encode(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      ),
      "x.svg",
      "image/svg+xml",
    );
    expect(script.status).toBe(422);
    expect(script.body.error).toMatch(/script/i);
    expect(await everything()).toEqual(before);
    expect((await upload("no-such-product", await png(10, 10))).status).toBe(404);
  });

  it("sends a browser form back to the product's page with the outcome", async () => {
    const form = new FormData();
    form.set("image", new Blob([new TextEncoder().encode("hello")], { type: "text/plain" }), "a.txt");
    const response = await routes.upload(
      new Request(`${base}/api/admin/products/${lanternId}/images`, {
        method: "POST",
        body: form,
        headers: { origin: base, "sec-fetch-mode": "navigate" },
      }),
      { params: Promise.resolve({ id: lanternId }) },
    );
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, base);
    expect(location.pathname).toBe(`/admin/products/${lanternId}`);
    const notice = location.searchParams.get("imageError")!;
    expect(notice).toMatch(/PNG, JPEG, WebP or SVG/);
    // The page shows it only with this server's MAC: a link with text of someone else's is ignored.
    const secret = getEnv().sessionSecret;
    expect(verifiedNotice(notice, location.searchParams.get("mac")!, secret)).toBe(notice);
    expect(verifiedNotice("Call +852 0000 0000 for help", location.searchParams.get("mac")!, secret)).toBeNull();
  });
});

it("a category's slug is unique", async () => {
  const clash = await saveCategory(db, "merchant@example.com", null, {
    slug: "festival",
    name: "Again",
    translations: null,
    active: true,
  });
  expect(clash).toMatchObject({ ok: false, status: 409, errors: { slug: "Another category already uses this slug." } });
});
