// scripts/with-dev-db.mjs, the embedded database of `npm run dev` and `npm start`:
// first run migrates and seeds, data survives a stop (Ctrl-C) and a restart, and a second
// command reuses the running server instead of opening the data directory twice.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/net";

const root = path.resolve(import.meta.dirname, "../..");
const wrapper = path.join(root, "scripts", "with-dev-db.mjs");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "sfp-pglite-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the wrapper around a command; resolves with the exit code and the command's stdout. */
function run(port: number, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [wrapper, ...args], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: "",
        PGLITE_DIR: dataDir,
        PGLITE_PORT: String(port),
        CHECKPOINT_DISABLE: "1",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** A node one-liner run by the wrapper, with DATABASE_URL pointing at the embedded server. */
const query = (sql: string) => [
  process.execPath,
  "-e",
  `const pg=require("pg");const c=new pg.Client(process.env.DATABASE_URL);c.connect().then(()=>c.query(${JSON.stringify(sql)})).then(r=>{console.log(JSON.stringify(r.rows));return c.end()})`,
];

describe("embedded database wrapper", () => {
  it("migrates and seeds on first run, and seeds only an empty catalogue", async () => {
    const port = await freePort();
    const first = await run(port, ["--setup", ...query(`SELECT count(*)::int AS n FROM "Product"`)]);
    expect(first.stderr).toMatch(/\[seed\] 8 demo products and 3 categories added/);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout.trim().split("\n").pop()!)).toEqual([{ n: 8 }]);

    const second = await run(port, ["--setup", ...query(`SELECT count(*)::int AS n FROM "Product"`)]);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/demo products added/);
    expect(JSON.parse(second.stdout.trim().split("\n").pop()!)).toEqual([{ n: 8 }]);
  });

  it("keeps data across a Ctrl-C and a restart, and lets a second command share the server", async () => {
    const port = await freePort();
    // A long-running server, as `npm run dev` keeps one.
    const server = spawn(process.execPath, [wrapper], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir, PGLITE_PORT: String(port) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    await new Promise<void>((resolve) =>
      server.stderr!.on("data", (d: Buffer) => d.toString().includes("Ctrl-C") && resolve()),
    );

    // A second command finds it running and writes through it.
    const writer = await run(
      port,
      query(`UPDATE "Product" SET name = 'Renamed while running' WHERE slug = 'silk-fan' RETURNING name`),
    );
    expect(writer.stderr).toMatch(/using the database already running/);
    expect(writer.code).toBe(0);

    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
    await client.connect();
    await client.query(
      `INSERT INTO "Product" (id, slug, name, description, image, "priceMinor", currency, "updatedAt") VALUES ('kept', 'kept-product', 'Kept', 'd', '/x.svg', 100, 'HKD', now())`,
    );
    await client.end();

    server.kill("SIGINT");
    expect(await new Promise((resolve) => server.on("exit", resolve))).toBe(0);

    const after = await run(
      port,
      query(`SELECT slug, name FROM "Product" WHERE slug IN ('kept-product', 'silk-fan') ORDER BY slug`),
    );
    expect(after.stderr).toMatch(/embedded PostgreSQL/);
    expect(JSON.parse(after.stdout.trim().split("\n").pop()!)).toEqual([
      { slug: "kept-product", name: "Kept" },
      { slug: "silk-fan", name: "Renamed while running" },
    ]);
  });
});
