// The back office's writes to the catalogue. Every write runs in one transaction with its
// audit-log row (who, what changed), so the log never misses a change nor records one that
// rolled back. Order lines are snapshots (slug, name, price copied at checkout): nothing here
// touches them, and a product's slug is fixed once it has been ordered.
import { Prisma, type Product } from "../../generated/prisma/client";
import type { Db } from "../../db";
import { addProductImage, makePrimary } from "../../images/store";
import { ImageError } from "../../images/inspect";
import { setStockOnHand, stockLevel } from "../../stock/levels";
import { searchTextFor } from "../search-text";
import type { CategoryInput, FieldErrors, ProductInput } from "./input";

type Tx = Prisma.TransactionClient;
export type WriteResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; status: 404 | 409 | 422 };

export type Change = { from: unknown; to: unknown };

/** The fields that differ between two records, as { field: { from, to } }. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, Change> {
  const changes: Record<string, Change> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

async function audit(
  tx: Tx,
  entry: { actor: string; action: string; entity: "product" | "category"; entityId: string; changes: object },
): Promise<void> {
  await tx.auditLog.create({ data: { ...entry, changes: entry.changes as Prisma.InputJsonValue } });
}

class Refused extends Error {
  constructor(
    readonly errors: FieldErrors,
    readonly status: 404 | 409 | 422,
  ) {
    super(Object.values(errors).join(" "));
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Runs a write; a refusal thrown inside rolls it back whole and comes out as field errors. */
async function write<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<WriteResult<T>> {
  try {
    return { ok: true, value: await db.$transaction(run) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors, status: error.status };
    if (isUniqueViolation(error))
      return { ok: false, errors: { slug: "Another product already uses this slug." }, status: 409 };
    throw error;
  }
}

/** The record as the audit log and the form compare it. */
function snapshot(product: Product & { categories: { slug: string }[] }) {
  const level = stockLevel(product);
  return {
    slug: product.slug,
    name: product.name,
    description: product.description,
    translations: product.translations ?? null,
    priceMinor: product.priceMinor,
    currency: product.currency,
    stockOnHand: level.tracked ? level.onHand : null,
    categories: product.categories.map((c) => c.slug).sort(),
    active: product.active,
  };
}

async function checkCategories(tx: Tx, ids: string[]): Promise<{ id: string; slug: string }[]> {
  if (ids.length === 0) return [];
  const found = await tx.category.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } });
  if (found.length !== ids.length) throw new Refused({ categories: "A chosen category no longer exists." }, 422);
  return found;
}

async function applyStock(tx: Tx, productId: string, onHand: number | null): Promise<void> {
  const result = await setStockOnHand(tx, productId, onHand);
  if (!result.ok)
    throw new Refused(
      {
        stock: `Orders waiting for payment hold ${result.reserved} unit${result.reserved === 1 ? "" : "s"}: on hand cannot be less than that.`,
      },
      409,
    );
}

/** The columns a product form sets (stock and categories apart), with the search text they make. */
function productFields(input: ProductInput) {
  return {
    slug: input.slug,
    name: input.name,
    description: input.description,
    translations: input.translations ?? Prisma.DbNull,
    priceMinor: input.priceMinor,
    currency: input.currency,
    active: input.active,
    searchText: searchTextFor(input),
  };
}

const withCategories = { categories: { select: { slug: true }, orderBy: { slug: "asc" } } } as const;

export async function createProduct(db: Db, actor: string, input: ProductInput): Promise<WriteResult<Product>> {
  return write(db, async (tx) => {
    if (await tx.product.findUnique({ where: { slug: input.slug }, select: { id: true } }))
      throw new Refused({ slug: "Another product already uses this slug." }, 409);
    const categories = await checkCategories(tx, input.categoryIds);
    const last = await tx.product.aggregate({ _max: { position: true } });
    const product = await tx.product.create({
      data: {
        ...productFields(input),
        position: (last._max.position ?? -1) + 1,
        stockAvailable: input.stockOnHand,
        categories: { connect: categories.map((c) => ({ id: c.id })) },
      },
      include: withCategories,
    });
    await audit(tx, { actor, action: "create", entity: "product", entityId: product.id, changes: snapshot(product) });
    return product;
  });
}

export async function updateProduct(
  db: Db,
  actor: string,
  id: string,
  input: ProductInput,
): Promise<WriteResult<{ product: Product; changes: Record<string, Change> }>> {
  return write(db, async (tx) => {
    // Lock the row: two merchants saving at once apply one after the other, each diffed right.
    await tx.$executeRaw`SELECT 1 FROM "Product" WHERE "id" = ${id} FOR UPDATE`;
    const before = await tx.product.findUnique({ where: { id }, include: withCategories });
    if (!before) throw new Refused({ form: "This product no longer exists." }, 404);
    if (input.slug !== before.slug) {
      if ((await tx.orderItem.count({ where: { productId: id } })) > 0)
        throw new Refused(
          { slug: `This product has been ordered, so its slug stays "${before.slug}" (orders and links keep it).` },
          409,
        );
      if (await tx.product.findUnique({ where: { slug: input.slug }, select: { id: true } }))
        throw new Refused({ slug: "Another product already uses this slug." }, 409);
    }
    const categories = await checkCategories(tx, input.categoryIds);
    await tx.product.update({
      where: { id },
      data: {
        ...productFields(input),
        categories: { set: categories.map((c) => ({ id: c.id })) },
      },
    });
    const beforeSnapshot = snapshot(before);
    if (input.stockOnHand !== beforeSnapshot.stockOnHand) await applyStock(tx, id, input.stockOnHand);
    const after = await tx.product.findUniqueOrThrow({ where: { id }, include: withCategories });
    const changes = diff(beforeSnapshot, snapshot(after));
    if (Object.keys(changes).length > 0)
      await audit(tx, { actor, action: "update", entity: "product", entityId: id, changes });
    return { product: after, changes };
  });
}

/** Archives (hidden from the shop, kept for orders and the back office) or restores a product. */
export async function setProductActive(
  db: Db,
  actor: string,
  id: string,
  active: boolean,
): Promise<WriteResult<Product>> {
  return write(db, async (tx) => {
    const { count } = await tx.product.updateMany({ where: { id, active: !active }, data: { active } });
    const product = await tx.product.findUnique({ where: { id } });
    if (!product) throw new Refused({ form: "This product no longer exists." }, 404);
    if (count > 0)
      await audit(tx, {
        actor,
        action: active ? "restore" : "archive",
        entity: "product",
        entityId: id,
        changes: { active: { from: !active, to: active } },
      });
    return product;
  });
}

/** Moves a product one place up or down in the shop's order (positions renumbered 0, 1, …). */
export async function moveProduct(
  db: Db,
  actor: string,
  id: string,
  direction: "up" | "down",
): Promise<WriteResult<{ moved: boolean }>> {
  return write(db, async (tx) => {
    // One reorder at a time: positions are read and rewritten as a whole.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('catalog-reorder'))`;
    const all = await tx.product.findMany({
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    const index = all.findIndex((p) => p.id === id);
    if (index < 0) throw new Refused({ form: "This product no longer exists." }, 404);
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= all.length) return { moved: false };
    const ordered = [...all];
    [ordered[index], ordered[target]] = [ordered[target]!, ordered[index]!];
    for (const [position, product] of ordered.entries())
      if (product.position !== position) await tx.product.update({ where: { id: product.id }, data: { position } });
    await audit(tx, {
      actor,
      action: "reorder",
      entity: "product",
      entityId: id,
      changes: { position: { from: index, to: target } },
    });
    return { moved: true };
  });
}

/** Adds an uploaded image; an unacceptable file is a field error (422, or 413 when too large), nothing written. */
export async function addImage(
  db: Db,
  actor: string,
  productId: string,
  bytes: Uint8Array,
  alt: string | null,
): Promise<{ ok: true; imageId: string } | { ok: false; errors: FieldErrors; status: 404 | 413 | 422 }> {
  if (!(await db.product.findUnique({ where: { id: productId }, select: { id: true } })))
    return { ok: false, errors: { form: "This product no longer exists." }, status: 404 };
  try {
    const image = await addProductImage(db, { productId, bytes, alt }, (tx, created) =>
      audit(tx, {
        actor,
        action: "image_add",
        entity: "product",
        entityId: productId,
        changes: {
          image: {
            from: null,
            to: { hash: created.hash, mime: created.mime, width: created.width, height: created.height },
          },
        },
      }),
    );
    return { ok: true, imageId: image.id };
  } catch (error) {
    if (error instanceof ImageError)
      return { ok: false, errors: { image: error.message }, status: error.code === "too_large" ? 413 : 422 };
    throw error;
  }
}

export async function removeImage(db: Db, actor: string, productId: string, imageId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const image = await tx.productImage.findFirst({ where: { id: imageId, productId }, omit: { bytes: true } });
    if (!image) return false;
    await tx.productImage.delete({ where: { id: imageId } });
    await audit(tx, {
      actor,
      action: "image_remove",
      entity: "product",
      entityId: productId,
      changes: { image: { from: { hash: image.hash, mime: image.mime }, to: null } },
    });
    return true;
  });
}

export async function makeImagePrimary(db: Db, actor: string, productId: string, imageId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const image = await tx.productImage.findFirst({ where: { id: imageId, productId }, select: { hash: true } });
    if (!image || !(await makePrimary(tx, productId, imageId))) return false;
    await audit(tx, {
      actor,
      action: "image_primary",
      entity: "product",
      entityId: productId,
      changes: { primaryImage: { from: null, to: image.hash } },
    });
    return true;
  });
}

export async function saveCategory(
  db: Db,
  actor: string,
  id: string | null,
  input: CategoryInput,
): Promise<WriteResult<{ id: string }>> {
  const result = await write(db, async (tx) => {
    const clash = await tx.category.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (clash && clash.id !== id) throw new Refused({ slug: "Another category already uses this slug." }, 409);
    const data = {
      slug: input.slug,
      name: input.name,
      translations: input.translations ?? Prisma.DbNull,
      active: input.active,
    };
    if (id === null) {
      const last = await tx.category.aggregate({ _max: { position: true } });
      const created = await tx.category.create({ data: { ...data, position: (last._max.position ?? -1) + 1 } });
      await audit(tx, { actor, action: "create", entity: "category", entityId: created.id, changes: input });
      return { id: created.id };
    }
    const before = await tx.category.findUnique({ where: { id } });
    if (!before) throw new Refused({ form: "This category no longer exists." }, 404);
    await tx.category.update({ where: { id }, data });
    const changes = diff(
      { slug: before.slug, name: before.name, translations: before.translations, active: before.active },
      input,
    );
    if (Object.keys(changes).length > 0)
      await audit(tx, { actor, action: "update", entity: "category", entityId: id, changes });
    return { id };
  });
  if (!result.ok && result.errors.slug?.startsWith("Another product"))
    return { ...result, errors: { slug: "Another category already uses this slug." } };
  return result;
}
