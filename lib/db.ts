// The Prisma client: one driver (`pg` through @prisma/adapter-pg) for the embedded
// database and for a real PostgreSQL alike. pg connects lazily, so importing this
// module (for example while `next build` collects pages) opens no connection.
import { PrismaPg } from "@prisma/adapter-pg";
import { localDatabaseUrl } from "../scripts/local-database.mjs";
import { getEnv } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  const connectionString = getEnv().DATABASE_URL ?? localDatabaseUrl();
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

// One client per process, also across Next.js dev-mode hot reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
