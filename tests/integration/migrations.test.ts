// The offline schema engine (scripts/prisma-schema-engine.mjs) under the real Prisma CLI:
// migrate deploy, migrate status, migrate diff, and migrate dev creating a new migration,
// against the embedded server of scripts/with-dev-db.mjs (or, with TEST_DATABASE_URL, a
// fresh database on a real PostgreSQL).
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/net";
import { createEmptyDatabase } from "../helpers/test-db";

const root = path.resolve(import.meta.dirname, "../..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");

let databaseUrl: string;
let shadowUrl: string | undefined;
let server: ChildProcess | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

async function waitForPort(port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect({ port, host: "127.0.0.1" }, () => (s.destroy(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing listens on ${port}`);
}

function prisma(
  args: string[],
  options: { cwd?: string; config?: string } = {},
): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  delete env.SHADOW_DATABASE_URL;
  if (shadowUrl) env.SHADOW_DATABASE_URL = shadowUrl;
  const configArgs = options.config ? ["--config", options.config] : [];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [prismaCli, ...args, ...configArgs], { cwd: options.cwd ?? root, env });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
  });
}

async function tables(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    return rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const database = await createEmptyDatabase(serverUrl, "migrate");
    databaseUrl = database.url;
    shadowUrl = undefined; // the stand-in makes and drops a temporary shadow database
    dropDatabase = database.drop;
  } else {
    const port = await freePort();
    server = spawn(process.execPath, [path.join(root, "scripts", "with-dev-db.mjs")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: "memory", PGLITE_PORT: String(port) },
      stdio: "ignore",
    });
    await waitForPort(port);
    databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
    shadowUrl = "pglite:memory";
  }
});

afterAll(async () => {
  server?.kill("SIGTERM");
  await dropDatabase?.();
});

describe("Prisma CLI through the offline schema engine", () => {
  it("migrate deploy applies the committed history to an empty database", async () => {
    const deploy = await prisma(["migrate", "deploy"]);
    expect(deploy.out).toMatch(/successfully applied/i);
    expect(deploy.code).toBe(0);
    expect(await tables()).toEqual(
      expect.arrayContaining(["Order", "OrderItem", "Payment", "PaymentEvent", "Product", "_prisma_migrations"]),
    );
  });

  it("migrate status reports the database up to date", async () => {
    const status = await prisma(["migrate", "status"]);
    expect(status.out).toMatch(/Database schema is up to date/);
    expect(status.code).toBe(0);
  });

  it("the committed migrations match schema.prisma exactly (no forgotten migration)", async () => {
    const diff = await prisma([
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema",
      "prisma/schema.prisma",
      "--exit-code",
    ]);
    expect(diff.out).toMatch(/No difference detected/);
    expect(diff.code).toBe(0);
  });

  it("migrate dev turns a schema change into a new migration and applies it", async () => {
    // Work on a copy of prisma/ so the repository is untouched.
    const work = mkdtempSync(path.join(os.tmpdir(), "sfp-migrate-"));
    try {
      cpSync(path.join(root, "prisma"), path.join(work, "prisma"), { recursive: true });
      const schemaFile = path.join(work, "prisma", "schema.prisma");
      const schema = readFileSync(schemaFile, "utf8")
        .replace(/output\s*=\s*"[^"]*"/, `output = "${path.join(work, "generated")}"`)
        .replace("model Product {\n", "model Product {\n  subtitle String? @db.VarChar(80)\n");
      writeFileSync(schemaFile, schema);
      const config = path.join(work, "prisma.config.mjs");
      writeFileSync(
        config,
        `process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(path.join(root, "scripts", "prisma-schema-engine.mjs"))};
export default {
  schema: ${JSON.stringify(schemaFile)},
  migrations: { path: ${JSON.stringify(path.join(work, "prisma", "migrations"))} },
  datasource: { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
};
`,
      );
      const dev = await prisma(["migrate", "dev", "--name", "add_subtitle"], { cwd: work, config });
      expect(dev.out).toMatch(/add_subtitle/);
      expect(dev.code).toBe(0);
      const created = readdirSync(path.join(work, "prisma", "migrations")).filter((d) => d.endsWith("_add_subtitle"));
      expect(created).toHaveLength(1);
      const sql = readFileSync(path.join(work, "prisma", "migrations", created[0]!, "migration.sql"), "utf8");
      expect(sql).toMatch(/ALTER TABLE "Product" ADD COLUMN\s+"subtitle" VARCHAR\(80\)/);
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const { rows } = await client.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'Product' AND column_name = 'subtitle'",
      );
      await client.end();
      expect(rows).toHaveLength(1);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
