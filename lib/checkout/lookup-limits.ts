// The order lookup (order number + email) is a guessing game for anyone who knows or guesses
// an order number: at most 20 lookups an address and 10 an order number in 15 minutes, the
// counts in PostgreSQL so every instance shares them.
import type { Db } from "../db";
import { hit, type Limit } from "../ratelimit/limiter";

export const LOOKUP_BY_ADDRESS: Limit = { name: "lookup-address", max: 20, windowMs: 15 * 60_000 };
export const LOOKUP_BY_ORDER: Limit = { name: "lookup-order", max: 10, windowMs: 15 * 60_000 };

/** Counts the address first, and the order number only for an address still allowed (so a blocked client adds no rows). */
export async function lookupAllowed(db: Db, address: string, orderNo: string): Promise<boolean> {
  if (!(await hit(db, LOOKUP_BY_ADDRESS, address)).allowed) return false;
  return (await hit(db, LOOKUP_BY_ORDER, orderNo)).allowed;
}
