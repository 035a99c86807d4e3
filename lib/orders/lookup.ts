// The order lookup (order number + email) is a guessing game for anyone who knows or guesses
// an order number: at most 20 lookups an address and 10 an order number in 15 minutes, the
// counts in PostgreSQL so every instance shares them.
import { z } from "zod";
import type { Db } from "../db";
import { hit, type Limit } from "../ratelimit/limiter";
import { safeEqual } from "../safe-equal";
import { isOrderNo } from "./numbers";

export const LOOKUP_BY_ADDRESS: Limit = { name: "lookup-address", max: 20, windowMs: 15 * 60_000 };
export const LOOKUP_BY_ORDER: Limit = { name: "lookup-order", max: 10, windowMs: 15 * 60_000 };

/** Counts the address first, and the order number only for an address still allowed (so a blocked client adds no rows). */
export async function lookupAllowed(db: Db, address: string, orderNo: string): Promise<boolean> {
  if (!(await hit(db, LOOKUP_BY_ADDRESS, address)).allowed) return false;
  return (await hit(db, LOOKUP_BY_ORDER, orderNo)).allowed;
}

const lookupSchema = z.object({
  orderNo: z.string().trim().toUpperCase().max(20).refine(isOrderNo),
  email: z.string().trim().toLowerCase().min(1).max(254),
});

export type LookupResult = { found: { orderNo: string; accessToken: string } } | { refused: "notFound" | "tooMany" };

/**
 * The customer's order by its number and email, from `address` (counted, see above). Only
 * a real order number's shape is looked up, or counted; a wrong email and an unknown order
 * read the same.
 */
export async function lookupOrder(
  db: Db,
  address: string,
  input: { orderNo: string; email: string },
): Promise<LookupResult> {
  const parsed = lookupSchema.safeParse(input);
  if (!parsed.success) return { refused: "notFound" };
  const { orderNo, email } = parsed.data;
  if (!(await lookupAllowed(db, address, orderNo))) return { refused: "tooMany" };
  const order = await db.order.findUnique({
    where: { orderNo },
    select: { orderNo: true, accessToken: true, email: true },
  });
  if (!order || !safeEqual(order.email, email)) return { refused: "notFound" };
  return { found: { orderNo: order.orderNo, accessToken: order.accessToken } };
}
