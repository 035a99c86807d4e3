// A fresh, migrated database for one test file, through the same Prisma client the app uses.
//
// Default: an in-memory PGlite (PostgreSQL in WebAssembly) in this process; no server needed.
// TEST_DATABASE_URL=postgresql://…/postgres: a new database is created on that server for the
// file and dropped afterwards (CI runs the integration suite this way against PostgreSQL 15).
//
// Either way the committed prisma/migrations/*/migration.sql files are replayed in order, so
// the tests run against exactly the schema a deployed shop gets from `npm run db:deploy`.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type TestDb = PrismaClient & {
  close(): Promise<void>;
  kind: "pglite" | "postgres";
  /** Another client (another pool) on the same database: a second app instance. */
  another(): PrismaClient;
  /** On a PostgreSQL server: the database's URL, for a second process. */
  url?: string;
};

export const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export function migrationScripts(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
}

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresDb(serverUrl) : createPgliteDb();
}

async function createPgliteDb(): Promise<TestDb> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  const db = await PGlite.create();
  for (const script of migrationScripts()) await db.exec(script);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  const others: PrismaClient[] = [];
  return Object.assign(prisma, {
    kind: "pglite" as const,
    another: () => {
      const other = new PrismaClient({ adapter: new PrismaPGlite(db) });
      others.push(other);
      return other;
    },
    async close() {
      await Promise.all([prisma, ...others].map((c) => c.$disconnect()));
      await db.close();
    },
  });
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database on a PostgreSQL server: its URL, and a function that drops it. */
export async function createEmptyDatabase(
  serverUrl: string,
  prefix = "test",
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, "")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function createPostgresDb(serverUrl: string): Promise<TestDb> {
  const database = await createEmptyDatabase(serverUrl);
  for (const script of migrationScripts()) await onServer(database.url, script);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  const others: PrismaClient[] = [];
  return Object.assign(prisma, {
    kind: "postgres" as const,
    url: database.url,
    another: () => {
      const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
      others.push(other);
      return other;
    },
    async close() {
      await Promise.all([prisma, ...others].map((c) => c.$disconnect()));
      await database.drop();
    },
  });
}
