// Product images in PostgreSQL: the store (validation, hash, positions, variants, one
// transaction) and the /images/[file] route (headers, 304, 404, HEAD, 405), on a real database.
import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getProduct, getProductGallery, listProducts, PLACEHOLDER_IMAGE } from "@/lib/catalog/products";
import { ImageError } from "@/lib/images/inspect";
import { addProductImage, listProductImages, makePrimary, removeProductImage } from "@/lib/images/store";
import { imageUrl } from "@/lib/images/urls";
import { seedProductImages } from "@/prisma/seed-images";
import { seedCatalog, seedProducts } from "@/prisma/seed-catalog";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
let route: Record<
  "GET" | "HEAD" | "POST" | "DELETE",
  (r: Request, c: { params: Promise<{ file: string }> }) => Promise<Response>
>;

beforeAll(async () => {
  db = await createTestDb();
  vi.doMock("@/lib/db", () => ({ prisma: db }));
  route = (await import("@/app/images/[file]/route")) as unknown as typeof route;
});
afterAll(async () => {
  vi.doUnmock("@/lib/db");
  await db?.close();
});

const png = async (width: number, height: number, color = "#2a7") =>
  new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: color } })
      .png()
      .toBuffer(),
  );
const svg = (body = "") =>
  new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">${body}</svg>`);

let n = 0;
async function product(image: string | null = null) {
  n++;
  return db.product.create({
    data: {
      slug: `img-product-${n}`,
      name: `Image product ${n}`,
      description: "x",
      priceMinor: 100,
      currency: "HKD",
      image,
      position: 100 + n,
    },
  });
}

function get(file: string, headers: Record<string, string> = {}, method = "GET") {
  const handler = route[method as keyof typeof route];
  return handler(new Request(`http://shop.test/images/${file}`, { method, headers }), {
    params: Promise.resolve({ file }),
  });
}
const fileOf = (url: string) => url.replace(/^\/images\//, "");

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageError);
  return (error as ImageError).code;
}

describe("the image store", () => {
  it("adds an image with its hash, size, position and the width variants narrower than it", async () => {
    const p = await product();
    const bytes = await png(1500, 900);
    const image = await addProductImage(db, { productId: p.id, bytes, alt: "  A green square  " });
    expect(image).toMatchObject({
      productId: p.id,
      hash: createHash("sha256").update(bytes).digest("hex"),
      mime: "image/png",
      width: 1500,
      height: 900,
      byteSize: bytes.length,
      position: 0,
      alt: "A green square",
    });
    const variants = await db.imageVariant.findMany({ where: { imageId: image.id }, orderBy: { width: "asc" } });
    expect(variants.map((v) => [v.width, v.height, v.mime])).toEqual([
      [320, 192, "image/png"],
      [640, 384, "image/png"],
      [1024, 614, "image/png"],
    ]);
    for (const v of variants) {
      expect((await sharp(v.bytes).metadata()).width).toBe(v.width);
      expect(v.byteSize).toBe(v.bytes.length);
    }
    // A second image goes after the first; the same bytes again are kept once.
    const second = await addProductImage(db, { productId: p.id, bytes: await png(500, 500, "#a27") });
    expect(second.position).toBe(1);
    expect((await addProductImage(db, { productId: p.id, bytes })).id).toBe(image.id);
    expect(await db.productImage.count({ where: { productId: p.id } })).toBe(2);
    // 500 px wide: only the 320 variant.
    expect((await db.imageVariant.findMany({ where: { imageId: second.id } })).map((v) => v.width)).toEqual([320]);
  });

  it("makes JPEG and WebP variants in their own format, and none for a small image or an SVG", async () => {
    const p = await product();
    const base = sharp({ create: { width: 700, height: 350, channels: 3, background: "#357" } });
    const jpeg = await addProductImage(db, {
      productId: p.id,
      bytes: new Uint8Array(await base.clone().jpeg().toBuffer()),
    });
    const webp = await addProductImage(db, {
      productId: p.id,
      bytes: new Uint8Array(await base.clone().webp().toBuffer()),
    });
    const small = await addProductImage(db, { productId: p.id, bytes: await png(300, 200) });
    const vector = await addProductImage(db, { productId: p.id, bytes: svg() });
    const widths = async (id: string) =>
      (await db.imageVariant.findMany({ where: { imageId: id } })).map((v) => [v.width, v.mime]);
    expect(await widths(jpeg.id)).toEqual(
      expect.arrayContaining([
        [320, "image/jpeg"],
        [640, "image/jpeg"],
      ]),
    );
    expect(await widths(webp.id)).toEqual(
      expect.arrayContaining([
        [320, "image/webp"],
        [640, "image/webp"],
      ]),
    );
    expect(await widths(small.id)).toEqual([]);
    expect(vector).toMatchObject({ mime: "image/svg+xml", width: 120, height: 80 });
    expect(await widths(vector.id)).toEqual([]);
  });

  it("refuses what is not an acceptable image with an ImageError, and writes nothing", async () => {
    const p = await product();
    expect(await refusal(addProductImage(db, { productId: p.id, bytes: new TextEncoder().encode("%PDF-1.7") }))).toBe(
      "not_image",
    );
    expect(await refusal(addProductImage(db, { productId: p.id, bytes: svg("<script>alert(1)</script>") }))).toBe(
      "unsafe_svg",
    );
    expect(await refusal(addProductImage(db, { productId: p.id, bytes: new Uint8Array(2 * 1024 * 1024 + 1) }))).toBe(
      "too_large",
    );
    // A real PNG header with its pixel data cut away: the header reads, the data does not decode.
    const damaged = (await png(400, 400)).subarray(0, 60);
    expect(await refusal(addProductImage(db, { productId: p.id, bytes: damaged }))).toBe("unreadable");
    expect(await db.productImage.count({ where: { productId: p.id } })).toBe(0);
  });

  it("lists without bytes, makes an image primary, and removes one with its variants", async () => {
    const p = await product();
    const a = await addProductImage(db, { productId: p.id, bytes: await png(800, 800, "#111") });
    const b = await addProductImage(db, { productId: p.id, bytes: await png(400, 400, "#222") });
    const c = await addProductImage(db, { productId: p.id, bytes: svg() });
    const listed = await listProductImages(db, p.id);
    expect(listed.map((i) => i.id)).toEqual([a.id, b.id, c.id]);
    expect(listed[0]).not.toHaveProperty("bytes");
    expect(listed[0]!.variants.map((v) => v.width)).toEqual([320, 640]);

    expect(await makePrimary(db, p.id, c.id)).toBe(true);
    expect((await listProductImages(db, p.id)).map((i) => [i.id, i.position])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
    const other = await product();
    expect(await makePrimary(db, other.id, a.id)).toBe(false); // not that product's image

    expect(await removeProductImage(db, a.id)).toBe(true);
    expect(await removeProductImage(db, a.id)).toBe(false);
    expect(await db.imageVariant.count({ where: { imageId: a.id } })).toBe(0);
    expect((await listProductImages(db, p.id)).map((i) => i.id)).toEqual([c.id, b.id]);
  });
});

describe("the shop's product views", () => {
  it("show the primary image with its srcset and size; else the legacy path; else the placeholder", async () => {
    const withImage = await product("/products/silk-fan.svg");
    const image = await addProductImage(db, { productId: withImage.id, bytes: await png(900, 600, "#369") });
    const legacy = await product("/products/silk-fan.svg");
    const bare = await product();
    const views = new Map((await listProducts(db, "en")).map((v) => [v.slug, v]));
    expect(views.get(withImage.slug)).toMatchObject({
      image: `/images/${image.hash}.png`,
      imageSrcSet: `/images/${image.hash}-320.png 320w, /images/${image.hash}-640.png 640w, /images/${image.hash}.png 900w`,
      imageWidth: 900,
      imageHeight: 600,
    });
    expect(views.get(legacy.slug)).toMatchObject({
      image: "/products/silk-fan.svg",
      imageSrcSet: null,
      imageWidth: 800,
    });
    expect(views.get(bare.slug)).toMatchObject({ image: PLACEHOLDER_IMAGE, imageSrcSet: null });
    expect((await getProduct(db, withImage.slug, "en"))?.image).toBe(`/images/${image.hash}.png`);
    const second = await addProductImage(db, { productId: withImage.id, bytes: svg(), alt: "Side" });
    expect(await getProductGallery(db, withImage.id)).toEqual([
      expect.objectContaining({ src: `/images/${image.hash}.png`, width: 900 }),
      { src: `/images/${second.hash}.svg`, srcSet: null, width: 120, height: 80, alt: "Side" },
    ]);
  });

  it("the seed imports the demo SVGs once, through the store", async () => {
    await seedCatalog(db);
    const demo = await db.product.findMany({
      where: { slug: { in: seedProducts.map((p) => p.slug) } },
      include: { images: true },
    });
    expect(demo).toHaveLength(seedProducts.length);
    for (const p of demo)
      expect(
        p.images.map((i) => i.mime),
        p.slug,
      ).toEqual(["image/svg+xml"]);
    expect(await seedProductImages(db)).toBe(0);
    await seedCatalog(db);
    expect(await db.productImage.count({ where: { productId: { in: demo.map((p) => p.id) } } })).toBe(
      seedProducts.length,
    );
  });
});

describe("GET /images/[file]", () => {
  let raster: { hash: string; mime: string; bytes: Uint8Array };
  let vector: { hash: string; mime: string };
  beforeAll(async () => {
    const p = await product();
    const bytes = await png(700, 500, "#963");
    raster = { ...(await addProductImage(db, { productId: p.id, bytes })), bytes };
    vector = await addProductImage(db, { productId: p.id, bytes: svg('<rect width="1" height="1"/>') });
  });

  it("serves the original with its type, immutable caching, the hash as ETag and nosniff", async () => {
    const response = await get(fileOf(imageUrl(raster)));
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${raster.hash}"`,
      "x-content-type-options": "nosniff",
      "content-length": String(raster.bytes.length),
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(raster.bytes);
  });

  it("serves a width variant, and 404 for a width that was not made", async () => {
    const response = await get(fileOf(imageUrl(raster, 640)));
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(`"${raster.hash}-640"`);
    const meta = await sharp(new Uint8Array(await response.arrayBuffer())).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([640, 457, "png"]);
    expect((await get(fileOf(imageUrl(raster, 1024)))).status).toBe(404); // narrower only
    expect((await get(fileOf(imageUrl(raster, 333)))).status).toBe(404);
  });

  it("answers 304 with no body to a matching If-None-Match, and 200 to another", async () => {
    const etag = `"${raster.hash}"`;
    for (const header of [etag, `W/${etag}`, `"x", ${etag}`, "*"]) {
      const response = await get(fileOf(imageUrl(raster)), { "if-none-match": header });
      expect(response.status, header).toBe(304);
      expect(response.headers.get("etag")).toBe(etag);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(await response.text()).toBe("");
    }
    expect((await get(fileOf(imageUrl(raster)), { "if-none-match": '"other"' })).status).toBe(200);
    // A conditional request for bytes we do not have is still a 404.
    expect((await get(`${"0".repeat(64)}.png`, { "if-none-match": "*" })).status).toBe(404);
  });

  it("serves SVG with a sandboxing Content-Security-Policy", async () => {
    const response = await get(fileOf(imageUrl(vector)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    expect(await response.text()).toContain("<svg");
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await get(fileOf(imageUrl(raster)), {}, "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(raster.bytes.length));
    expect(await response.text()).toBe("");
  });

  it("answers 404 with a message for an unknown hash, a wrong extension and every malformed name; 405 for writes", async () => {
    for (const file of [
      `${"f".repeat(64)}.png`,
      `${raster.hash}.jpg`,
      `${raster.hash}.svg`,
      `${raster.hash.toUpperCase()}.png`,
      `${raster.hash}-0.png`,
      `${raster.hash}-640`,
      `${raster.hash}.png.exe`,
      "..%2F..%2Fetc%2Fpasswd",
      "a".repeat(300),
      "__proto__",
      "",
    ]) {
      const response = await get(file);
      expect(response.status, file).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toMatch(/^no such image/);
    }
    for (const method of ["POST", "DELETE"]) {
      const response = await get(fileOf(imageUrl(raster)), {}, method);
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
    }
  });
});
