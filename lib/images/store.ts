// Product images in PostgreSQL (framework-free): validated through inspectImage, keyed by the
// SHA-256 of their bytes, with their width variants made once here, on upload. The lowest
// position is the product's primary image.
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient, ProductImage } from "../generated/prisma/client";
import { inspectImage } from "./inspect";
import { makeVariants } from "./variants";

type Db = PrismaClient;

export const MAX_ALT_LENGTH = 200;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Adds an image at the end of a product's images (the first one becomes its primary).
 * Throws ImageError (code and a message for the merchant) for a file that is not an
 * acceptable image; nothing is written then. The same bytes added twice to one product
 * are kept once: the existing image is returned. Alt text is trimmed and kept to 200
 * characters.
 */
export async function addProductImage(
  db: Db,
  input: { productId: string; bytes: Uint8Array; alt?: string | null },
  /** Runs in the same transaction once a new image is written (the back office's audit log). */
  afterCreate?: (tx: Prisma.TransactionClient, image: ProductImage) => Promise<void>,
): Promise<ProductImage> {
  const inspected = inspectImage(input.bytes);
  const { width, height, variants } = await makeVariants(inspected);
  const hash = sha256Hex(inspected.bytes);
  const alt = input.alt?.trim().slice(0, MAX_ALT_LENGTH) || null;
  return db.$transaction(async (tx) => {
    await tx.product.findUniqueOrThrow({ where: { id: input.productId }, select: { id: true } });
    const existing = await tx.productImage.findFirst({ where: { productId: input.productId, hash } });
    if (existing) return existing;
    const last = await tx.productImage.aggregate({ where: { productId: input.productId }, _max: { position: true } });
    const image = await tx.productImage.create({
      data: {
        productId: input.productId,
        hash,
        mime: inspected.mime,
        width,
        height,
        byteSize: inspected.bytes.length,
        bytes: new Uint8Array(inspected.bytes),
        position: (last._max.position ?? -1) + 1,
        alt,
        variants: { create: variants },
      },
    });
    await afterCreate?.(tx, image);
    return image;
  });
}

/** Removes an image and its variants; false when there was no such image. */
export async function removeProductImage(db: Db, imageId: string): Promise<boolean> {
  const { count } = await db.productImage.deleteMany({ where: { id: imageId } });
  return count > 0;
}

/**
 * Makes an image its product's primary one: it moves to position 0 and the others follow
 * in their order (1, 2, …). False when the image is not one of that product's.
 */
export async function makePrimary(
  db: Db | Prisma.TransactionClient,
  productId: string,
  imageId: string,
): Promise<boolean> {
  const run = async (tx: Prisma.TransactionClient) => {
    const images = await tx.productImage.findMany({
      where: { productId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    const target = images.find((i) => i.id === imageId);
    if (!target) return false;
    const ordered = [target, ...images.filter((i) => i.id !== imageId)];
    for (const [position, image] of ordered.entries()) {
      if (image.position !== position) await tx.productImage.update({ where: { id: image.id }, data: { position } });
    }
    return true;
  };
  return "$transaction" in db ? db.$transaction(run) : run(db);
}

export type ProductImageInfo = Omit<ProductImage, "bytes"> & {
  variants: { width: number; height: number; byteSize: number }[];
};

/** A product's images, primary first, without their bytes. */
export async function listProductImages(db: Db, productId: string): Promise<ProductImageInfo[]> {
  return db.productImage.findMany({
    where: { productId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    omit: { bytes: true },
    include: { variants: { select: { width: true, height: true, byteSize: true }, orderBy: { width: "asc" } } },
  });
}

/** The bytes a URL names: an original by hash, or one of its width variants. */
export async function findImageBytes(
  db: Db,
  hash: string,
  width: number | null,
): Promise<{ mime: string; bytes: Uint8Array } | null> {
  // One statement each, on the hash index (Prisma's relation filter would be a subquery).
  const rows =
    width === null
      ? await db.$queryRaw<{ mime: string; bytes: Uint8Array }[]>`
          SELECT "mime", "bytes" FROM "ProductImage" WHERE "hash" = ${hash} LIMIT 1`
      : await db.$queryRaw<{ mime: string; bytes: Uint8Array }[]>`
          SELECT v."mime", v."bytes" FROM "ImageVariant" v JOIN "ProductImage" i ON i."id" = v."imageId"
          WHERE i."hash" = ${hash} AND v."width" = ${width} LIMIT 1`;
  return rows[0] ?? null;
}

/** Whether a URL names stored bytes (for a conditional request: no bytes read). */
export async function imageExists(db: Db, hash: string, width: number | null): Promise<boolean> {
  const found =
    width === null
      ? await db.productImage.findFirst({ where: { hash }, select: { id: true } })
      : await db.imageVariant.findFirst({ where: { width, image: { hash } }, select: { id: true } });
  return found !== null;
}
