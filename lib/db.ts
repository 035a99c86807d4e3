// The Prisma client: one driver (`pg` through @prisma/adapter-pg) for the embedded
// database and for a real PostgreSQL alike. pg connects lazily, so importing this
// module (for example while `next build` collects pages) opens no connection.
//
// Through a pooler in transaction mode (PgBouncer, as Neon and Supabase serve it) nothing
// may rely on a session: the adapter sends unnamed statements (parse, bind and execute in
// one round trip, never a named prepared statement kept across transactions), and the app
// sets no session variables and takes no session-level locks.
import { attachDatabasePool } from "@vercel/functions";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { localDatabaseUrl } from "../scripts/local-database.mjs";
import { getEnv, type Env } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

/** Pool settings for where the app runs (pure, for tests). */
export function poolConfig(
  env: Pick<Env, "DATABASE_URL" | "EMBEDDED_DATABASE" | "serverless" | "reconcile">,
): pg.PoolConfig {
  const connectionString = env.DATABASE_URL ?? localDatabaseUrl();
  // The embedded PGlite server takes one query at a time safely: queue them on one connection.
  if (env.EMBEDDED_DATABASE === "1" || env.DATABASE_URL === undefined) return { connectionString, max: 1 };
  if (env.serverless) {
    // A function instance serves a few requests at once and is then frozen: keep few
    // connections, close idle ones quickly (the pooler would cut them while frozen and the
    // next query would fail with "Connection terminated unexpectedly"), and give up on a
    // connection after a few seconds rather than at the function's time limit. One more
    // than a reconciliation pass's gateway calls at once, so its workers never wait for one.
    return {
      connectionString,
      max: Math.max(5, env.reconcile.concurrency + 1),
      idleTimeoutMillis: 5_000,
      connectionTimeoutMillis: 5_000,
    };
  }
  return {
    connectionString,
    max: Math.max(10, env.reconcile.concurrency + 2),
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  };
}

function createClient(): PrismaClient {
  const env = getEnv();
  const pool = new pg.Pool(poolConfig(env));
  // An idle connection the server or pooler closed is an event, not a crash: pg drops it
  // from the pool and the next query opens another.
  pool.on("error", (error) => console.error(`[db] idle connection closed: ${error.message}`));
  // On Vercel: before a function instance is suspended, close the idle connections cleanly
  // (a no-op elsewhere).
  if (env.serverless) attachDatabasePool(pool);
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

// One client (one pool) per process: across dev-mode hot reloads, and across the separate
// bundles of a production server (instrumentation.ts and the routes each load this module).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma: PrismaClient = (globalForPrisma.prisma ??= createClient());
