import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationDatabaseUrl } from "./scripts/local-database.mjs";

// Prisma's CLI would download a native schema engine from its binary host; we run the
// WebAssembly engine from npm instead, through this stand-in (see the file's header).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, "scripts", "prisma-schema-engine.mjs");

// Prisma 7 reads no .env file. The npm scripts run every `prisma` command through
// scripts/with-dev-db.mjs, which sets DATABASE_URL to the embedded PGlite server (and
// SHADOW_DATABASE_URL=pglite:memory) unless you set DATABASE_URL yourself. Against a real
// PostgreSQL the CLI connects through the direct URL (DIRECT_URL, DATABASE_URL_UNPOOLED or
// POSTGRES_URL_NON_POOLING; else DATABASE_URL) while the app uses the pooled DATABASE_URL.
// Leave SHADOW_DATABASE_URL unset: the stand-in then makes and drops a temporary shadow database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: migrationDatabaseUrl(),
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
