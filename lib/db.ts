// The Prisma client: one driver (`pg` through @prisma/adapter-pg) for the embedded
// database and for a real PostgreSQL alike. pg connects lazily, so importing this
// module (for example while `next build` collects pages) opens no connection.
import { PrismaPg } from "@prisma/adapter-pg";
import { localDatabaseUrl } from "../scripts/local-database.mjs";
import { getEnv } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  const env = getEnv();
  const connectionString = env.DATABASE_URL ?? localDatabaseUrl();
  // The embedded PGlite server takes one query at a time safely: queue them on one connection.
  const embedded = env.EMBEDDED_DATABASE === "1" || env.DATABASE_URL === undefined;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, ...(embedded ? { max: 1 } : {}) }) });
}

// One client (one pool) per process: across dev-mode hot reloads, and across the separate
// bundles of a production server (instrumentation.ts and the routes each load this module).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma: PrismaClient = (globalForPrisma.prisma ??= createClient());
