// The demo catalogue's pictures (the SVGs drawn in public/products/) imported into
// PostgreSQL like any upload: through addProductImage, so they are inspected, hashed and
// served by /images/… with the rest. Only products with no image yet get one, so a database
// seeded before images lived in PostgreSQL gets them on its next `npm run db:seed`, and a
// merchant's own images are never touched.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { addProductImage } from "../lib/images/store";

const publicDir = fileURLToPath(new URL("../public/", import.meta.url));

/** Imports each legacy public/ image of a product that has no ProductImage; returns how many. */
export async function seedProductImages(db: PrismaClient): Promise<number> {
  const products = await db.product.findMany({
    where: { images: { none: {} }, image: { startsWith: "/products/" } },
    select: { id: true, name: true, image: true },
  });
  let imported = 0;
  for (const product of products) {
    const file = path.join(publicDir, path.normalize(product.image!));
    if (!file.startsWith(path.join(publicDir, "products") + path.sep)) continue;
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) continue;
    await addProductImage(db, { productId: product.id, bytes: new Uint8Array(bytes), alt: product.name });
    imported++;
  }
  return imported;
}
