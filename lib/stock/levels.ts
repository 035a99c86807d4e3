// The merchant's side of stock: how many units are on hand. Orders take units out of
// `stockAvailable` while they wait for payment (held in `stockReserved`); on hand is the
// sum of both. See lib/stock/reserve.ts for the orders' side.
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../db";

type Tx = Prisma.TransactionClient | Db;

export type StockLevel = { tracked: false } | { tracked: true; available: number; reserved: number; onHand: number };

export function stockLevel(product: { stockAvailable: number | null; stockReserved: number }): StockLevel {
  if (product.stockAvailable === null) return { tracked: false };
  return {
    tracked: true,
    available: product.stockAvailable,
    reserved: product.stockReserved,
    onHand: product.stockAvailable + product.stockReserved,
  };
}

export type SetStockResult = { ok: true; level: StockLevel } | { ok: false; reserved: number };

/**
 * Sets a product's units on hand (null: stop tracking, unlimited). On hand may not be below
 * what orders waiting for payment hold: that is refused with the reserved count, nothing
 * written. One conditional statement, so an order reserving at the same moment is never lost.
 */
export async function setStockOnHand(tx: Tx, productId: string, onHand: number | null): Promise<SetStockResult> {
  if (onHand !== null && (!Number.isSafeInteger(onHand) || onHand < 0))
    throw new RangeError("on hand must be a whole number, at least 0");
  const changed =
    onHand === null
      ? await tx.$executeRaw`UPDATE "Product" SET "stockAvailable" = NULL, "updatedAt" = now() WHERE "id" = ${productId}`
      : await tx.$executeRaw`UPDATE "Product" SET "stockAvailable" = ${onHand}::int - "stockReserved", "updatedAt" = now()
          WHERE "id" = ${productId} AND "stockReserved" <= ${onHand}::int`;
  const product = await tx.product.findUniqueOrThrow({
    where: { id: productId },
    select: { stockAvailable: true, stockReserved: true },
  });
  if (changed === 0) return { ok: false, reserved: product.stockReserved };
  return { ok: true, level: stockLevel(product) };
}
