// A fixed-window rate limiter whose counts live in PostgreSQL, so that every server
// instance (every serverless function, every `next start` behind a load balancer) sees the
// same counts. One statement a hit: an upsert that starts a new window when the old one is
// over, or adds one, and answers the count. A table of our own rather than a library's
// store: it is under the project's migrations (no table created at run time), works the
// same on PGlite and through PgBouncer in transaction mode, and needs no extra package.
import type { Db } from "../db";

export type Limit = { name: string; max: number; windowMs: number };

export type Hit = { allowed: boolean; count: number; retryAfterMs: number };

/** Pure: what a window's count means. */
export function decide(limit: Limit, count: number, resetAt: Date, now: Date): Hit {
  return { allowed: count <= limit.max, count, retryAfterMs: Math.max(0, resetAt.getTime() - now.getTime()) };
}

/** Keys are bounded in length: a limiter keyed by user input cannot store large rows. */
export function limitKey(limit: Limit, subject: string): string {
  return `${limit.name}:${subject.toLowerCase().slice(0, 200)}`;
}

/** Counts one hit for `subject` and says whether it is within the limit. */
export async function hit(db: Db, limit: Limit, subject: string, now = new Date()): Promise<Hit> {
  const key = limitKey(limit, subject);
  const resetAt = new Date(now.getTime() + limit.windowMs);
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0]!;
  return decide(limit, Number(row.count), new Date(row.resetAt), now);
}

/** How many hits `subject` has in its current window (0 when none), without counting one. */
export async function peek(db: Db, limit: Limit, subject: string, now = new Date()): Promise<Hit> {
  const row = await db.rateLimit.findUnique({ where: { key: limitKey(limit, subject) } });
  if (!row || row.resetAt <= now) return decide(limit, 0, now, now);
  return decide(limit, row.count, row.resetAt, now);
}

/** Forgets `subject`'s count (a successful login clears its failures). */
export async function reset(db: Db, limit: Limit, subject: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: limitKey(limit, subject) } });
}

/** Drops windows that ended long ago (reconciliation calls it), so the table stays small. */
export async function pruneLimits(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({
    where: { resetAt: { lt: new Date(now.getTime() - 60 * 60_000) } },
  });
  return count;
}
