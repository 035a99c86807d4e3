// The image route's throughput for a cached image (one a browser or CDN asks for again), on
// the same database as the shop: serveImage() (name check, lookup, headers) for a 640-px
// variant, and a conditional request answered 304 without reading bytes, next to the floor of
// one bare query fetching the same bytes by primary key. Sequential: one request at a time.
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import type { Db } from "@/lib/db";
import { serveImage } from "@/lib/images/serve";
import { addProductImage } from "@/lib/images/store";
import { imageUrl } from "@/lib/images/urls";

const N = 1000;

async function rate(run: () => Promise<unknown>): Promise<{ perSecond: number; meanMs: number }> {
  for (let i = 0; i < 50; i++) await run(); // warm up
  const start = performance.now();
  for (let i = 0; i < N; i++) await run();
  const ms = performance.now() - start;
  return { perSecond: (N / ms) * 1000, meanMs: ms / N };
}

export async function benchImages(db: Db): Promise<string[]> {
  const product = await db.product.create({
    data: { slug: "bench-image", name: "bench", description: "bench", priceMinor: 100, currency: "HKD" },
  });
  // A photo-like image (noise does not compress away, as a flat colour would): 1200 × 900 JPEG.
  const pixels = new Uint8Array(1200 * 900 * 3).map((_, i) => (i * 2654435761) % 251);
  const jpeg = await sharp(pixels, { raw: { width: 1200, height: 900, channels: 3 } })
    .jpeg({ quality: 70 })
    .toBuffer();
  const image = await addProductImage(db, { productId: product.id, bytes: new Uint8Array(jpeg) });
  const variant = await db.imageVariant.findFirstOrThrow({ where: { imageId: image.id, width: 640 } });
  const file = imageUrl(image, 640).replace(/^\/images\//, "");
  const url = `http://shop.test/images/${file}`;
  const etag = `"${image.hash}-640"`;

  const full = await rate(async () => {
    const response = await serveImage(db, new Request(url), file);
    if (response.status !== 200) throw new Error(`image route answered ${response.status}`);
    await response.arrayBuffer();
  });
  const conditional = await rate(async () => {
    const response = await serveImage(db, new Request(url, { headers: { "if-none-match": etag } }), file);
    if (response.status !== 304) throw new Error(`image route answered ${response.status}`);
  });
  const floor = await rate(() =>
    db.$queryRaw`SELECT "bytes" FROM "ImageVariant" WHERE "id" = ${variant.id}`.then((rows) => rows),
  );
  const row = (label: string, r: { perSecond: number; meanMs: number }) =>
    `| ${label} | ${Math.round(r.perSecond).toLocaleString("en")} /s | ${r.meanMs.toFixed(3)} ms | ${(floor.perSecond / r.perSecond).toFixed(2)} × |`;
  return [
    `The image route for a cached image (a ${variant.byteSize.toLocaleString("en")}-byte 640-px JPEG variant), ${N} requests each, one at a time; the floor reads the same bytes with one bare query by id.`,
    "",
    "| request | throughput | mean | time ÷ floor |",
    "| --- | --- | --- | --- |",
    row("GET, 200 with the bytes (immutable, ETag)", full),
    row("GET with If-None-Match, 304 (no bytes read)", conditional),
    row("floor: SELECT the variant's bytes by id", floor),
  ];
}
