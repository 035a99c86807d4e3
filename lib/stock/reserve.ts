// The orders' side of stock, always inside the order's own transaction (tx): an order takes
// its tracked lines' units with one conditional UPDATE per product (`… WHERE stockAvailable
// >= qty`), so any number of concurrent checkouts for k units get exactly k; releases and
// sales are guarded by the order's stock state (lib/orders/state.ts), so each happens once.
import type { Prisma } from "../generated/prisma/client";
import {
  STOCK_LATE_SALE,
  STOCK_OVERSELL,
  STOCK_RELEASE,
  STOCK_RETAKE,
  STOCK_SELL,
  type StockState,
  type Transition,
} from "../orders/state";

type Tx = Prisma.TransactionClient;

/** A line that asks for more than is left: the product and what can still be ordered. */
export type Shortfall = { productId: string; requested: number; available: number };

/** A line as stock sees it: which product, how many, and whether that product counts its units. */
export type StockLine = { productId: string; quantity: number; tracked: boolean };

/** How the taken units are held: reserved while the order waits for payment, or sold outright. */
type Mode = "hold" | "sell";

async function take(tx: Tx, productId: string, quantity: number, mode: Mode): Promise<boolean> {
  const { count } = await tx.product.updateMany({
    where: { id: productId, stockAvailable: { gte: quantity } },
    data: {
      stockAvailable: { decrement: quantity },
      ...(mode === "hold" ? { stockReserved: { increment: quantity } } : {}),
    },
  });
  return count === 1;
}

async function giveBack(tx: Tx, productId: string, quantity: number, mode: Mode): Promise<void> {
  // A product whose tracking was switched off meanwhile keeps NULL (NULL + n is NULL).
  await tx.product.updateMany({
    where: { id: productId },
    data: {
      stockAvailable: { increment: quantity },
      ...(mode === "hold" ? { stockReserved: { decrement: quantity } } : {}),
    },
  });
}

/**
 * Takes every tracked line's units, or none: a line that exceeds what is left is reported
 * (with what is left) and the units already taken for the other lines are given back, in
 * the same transaction. Products are locked in id order, so two multi-line orders never
 * deadlock. Returns the units taken per product.
 */
export async function takeLines(
  tx: Tx,
  lines: readonly StockLine[],
  mode: Mode,
): Promise<{ ok: true; taken: Map<string, number> } | { ok: false; short: Shortfall[] }> {
  const tracked = lines
    .filter((l) => l.tracked && l.quantity > 0)
    .sort((a, b) => a.productId.localeCompare(b.productId));
  const taken = new Map<string, number>();
  const short: Shortfall[] = [];
  for (const line of tracked) {
    if (await take(tx, line.productId, line.quantity, mode)) taken.set(line.productId, line.quantity);
    else short.push({ productId: line.productId, requested: line.quantity, available: 0 });
  }
  if (short.length === 0) return { ok: true, taken };
  for (const [productId, quantity] of taken) await giveBack(tx, productId, quantity, mode);
  // What is left now (still within the transaction; the product rows are not ours to lock).
  const left = await tx.product.findMany({
    where: { id: { in: short.map((s) => s.productId) } },
    select: { id: true, stockAvailable: true },
  });
  for (const s of short) s.available = Math.max(0, left.find((p) => p.id === s.productId)?.stockAvailable ?? 0);
  return { ok: false, short };
}

/** Moves an order's stock state if it is still in one the transition starts from (exactly once). */
async function moveStock(tx: Tx, orderId: string, transition: Transition<StockState>): Promise<boolean> {
  const { count } = await tx.order.updateMany({
    where: { id: orderId, stockState: { in: [...transition.from] } },
    data: { stockState: transition.to },
  });
  return count === 1;
}

async function heldLines(tx: Tx, orderId: string) {
  const items = await tx.orderItem.findMany({
    where: { orderId, reservedQty: { gt: 0 }, productId: { not: null } },
    select: { productId: true, reservedQty: true },
  });
  return items.flatMap((i) => (i.productId ? [{ productId: i.productId, quantity: i.reservedQty }] : []));
}

/** The order failed or expired: its units go back on sale (once, whoever calls it). */
export async function releaseOrderStock(tx: Tx, orderId: string): Promise<boolean> {
  if (!(await moveStock(tx, orderId, STOCK_RELEASE))) return false;
  for (const line of await heldLines(tx, orderId)) await giveBack(tx, line.productId, line.quantity, "hold");
  return true;
}

/** The lines of an order with their products' current tracking, for taking them again. */
async function currentLines(tx: Tx, orderId: string): Promise<(StockLine & { itemId: string })[]> {
  const items = await tx.orderItem.findMany({
    where: { orderId, productId: { not: null } },
    select: { id: true, productId: true, quantity: true, product: { select: { stockAvailable: true } } },
  });
  return items.flatMap((i) =>
    i.productId
      ? [
          {
            itemId: i.id,
            productId: i.productId,
            quantity: i.quantity,
            tracked: i.product !== null && i.product.stockAvailable !== null,
          },
        ]
      : [],
  );
}

async function recordTaken(tx: Tx, lines: (StockLine & { itemId: string })[], taken: Map<string, number>) {
  for (const line of lines)
    await tx.orderItem.update({ where: { id: line.itemId }, data: { reservedQty: taken.get(line.productId) ?? 0 } });
}

/**
 * A released order takes a new attempt: it holds its units again first. Refused with what
 * is left when they are gone (the caller rolls the attempt back). Nothing to do for an order
 * that still holds them or holds none.
 */
export async function retakeOrderStock(
  tx: Tx,
  orderId: string,
): Promise<{ ok: true } | { ok: false; short: Shortfall[] }> {
  if (!(await moveStock(tx, orderId, STOCK_RETAKE))) return { ok: true };
  const lines = await currentLines(tx, orderId);
  const result = await takeLines(tx, lines, "hold");
  if (!result.ok) return result;
  await recordTaken(tx, lines, result.taken);
  return { ok: true };
}

/**
 * The order was paid: held units are sold. Paid after they were released (a late success:
 * the money was taken, and is recorded whatever happens here), the units are taken again if
 * they are still there; if not, the order is oversold and flagged for the merchant.
 */
export async function sellOrderStock(tx: Tx, orderId: string): Promise<StockState | null> {
  if (await moveStock(tx, orderId, STOCK_SELL)) {
    for (const line of await heldLines(tx, orderId))
      await tx.product.updateMany({
        where: { id: line.productId },
        data: { stockReserved: { decrement: line.quantity } },
      });
    return STOCK_SELL.to;
  }
  const released = await tx.order.count({ where: { id: orderId, stockState: { in: [...STOCK_LATE_SALE.from] } } });
  if (released === 0) return null;
  const lines = await currentLines(tx, orderId);
  const result = await takeLines(tx, lines, "sell");
  if (result.ok) {
    await recordTaken(tx, lines, result.taken);
    await moveStock(tx, orderId, STOCK_LATE_SALE);
    return STOCK_LATE_SALE.to;
  }
  await moveStock(tx, orderId, STOCK_OVERSELL);
  return STOCK_OVERSELL.to;
}
