#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary (PostgreSQL only).
//
// Why: every `prisma migrate …` / `prisma db …` command spawns a native schema engine
// that the CLI downloads from Prisma's binary host on first use. Machines without that
// host (this project's CI, many corporate networks) fail with ENOTFOUND. The same engine
// is published on npm as WebAssembly (@prisma/schema-engine-wasm); this script speaks the
// native binary's protocol (JSON-RPC, one message a line, over stdin/stdout; logs as JSON
// lines on stderr) and runs the wasm engine on top of the `pg` driver adapter.
//
// prisma.config.ts points the CLI here through PRISMA_SCHEMA_ENGINE_BINARY. The file must
// keep its executable bit (git add --chmod=+x), or the CLI fails with `spawn … EACCES`.
//
// Database URLs:
//   datasource.url           postgres:// or postgresql:// (a real server, or the embedded
//                            PGlite server of scripts/with-dev-db.mjs)
//   shadowDatabaseUrl        "pglite:memory": a throwaway in-process PGlite (what the
//                            embedded server needs, since it ignores database names);
//                            a postgres URL: wiped, then used;
//                            unset: a temporary database on the main server, dropped after.
//
// Keep @prisma/schema-engine-wasm at the engines build of the installed CLI:
//   node -p "require('@prisma/engines-version').enginesVersion"
// Set PRISMA_SHIM_DEBUG=1 to see the engine's own log on stderr.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";

const require = createRequire(import.meta.url);
const debug = (...parts) =>
  process.env.PRISMA_SHIM_DEBUG && process.stderr.write(`[schema-engine] ${parts.join(" ")}\n`);

// ---- command line: the flags the CLI passes to the native binary ----
const argv = process.argv.slice(2);
const datamodelPaths = [];
let datasource = {};
const positional = [];
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === "--datamodels") datamodelPaths.push(argv[++i]);
  else if (arg === "--datasource") datasource = JSON.parse(argv[++i]);
  else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
  else if (arg === "--version" || arg === "-V") {
    // The CLI compares this hash with its own engines version.
    const pkg = JSON.parse(readFileSync(require.resolve("@prisma/schema-engine-wasm/package.json"), "utf8"));
    process.stdout.write(`schema-engine-cli ${pkg.version.split(".").pop()}\n`);
    process.exit(0);
  } else positional.push(arg);
}
const mainUrl = datasource.url ?? process.env.DATABASE_URL;
const shadowUrl = datasource.shadowDatabaseUrl;

/** A log line the CLI understands; ERROR lines become the command's error message. */
function log(level, message, fields = {}) {
  process.stderr.write(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      fields: { message, ...fields },
      target: "schema_engine::logger",
    }) + "\n",
  );
}

// ---- PostgreSQL through node-postgres ----
const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;

/**
 * pg connection config from a Prisma URL. A plain object, not a connection string:
 * pg lets `connectionString` win over every other field, so adapter-pg's
 * `{ ...config, database }` for a shadow database would silently hit the main one.
 * Prisma-only query parameters are removed; `?schema=` becomes the session's search_path,
 * because the engine writes unqualified DDL (as the native engine arranges too).
 */
function pgConfig(url) {
  if (!/^postgres(ql)?:\/\//.test(url ?? "")) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url ?? "")?.[1];
    const got = scheme ? `a "${scheme}:" URL` : "no URL";
    throw Object.assign(
      new Error(
        `This schema engine stand-in needs a postgres:// URL, got ${got}. Set DATABASE_URL or use the npm scripts (they start the embedded database).`,
      ),
      { code: "P1012" },
    );
  }
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? undefined;
  for (const key of [
    "schema",
    "connection_limit",
    "pool_timeout",
    "pgbouncer",
    "socket_timeout",
    "connect_timeout",
    "statement_cache_size",
  ])
    u.searchParams.delete(key);
  const { parse } = createRequire(require.resolve("pg/package.json"))("pg-connection-string");
  const config = parse(u.toString());
  if (config.port) config.port = Number(config.port);
  if (schema) config.options = `${config.options ?? ""} -c search_path=${quoteIdent(schema)}`.trim();
  return { config, schema };
}

async function withPgClient(config, fn) {
  const { default: pg } = await import("pg");
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Work around adapter-pg limits that only the schema engine meets. */
function patchPgConnection(conn) {
  // adapter-pg splits scripts on ";", which breaks `DO $$ … $$` bodies, strings and
  // comments. Send a migration script whole, as one simple-protocol query.
  conn.executeScript = async (script) => {
    try {
      await conn.underlyingDriver().query(script);
    } catch (error) {
      conn.onError(error);
    }
  };
  // The schema describer reads pg_catalog columns of type "char" (OID 18: relkind,
  // contype, …), which adapter-pg cannot decode. Present them as text (OID 25).
  const asText = (queryable) => {
    const performIO = queryable.performIO.bind(queryable);
    queryable.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    return queryable;
  };
  asText(conn);
  const startTransaction = conn.startTransaction.bind(conn);
  conn.startTransaction = async (...args) => asText(await startTransaction(...args));
}

/** In-process PGlite used as a shadow database (kept for the life of this process). */
let pgliteShadow;
function patchPgliteConnection(conn) {
  // pglite-prisma-adapter does not await exec() (errors are lost, statements race).
  conn.executeScript = async (script) => {
    try {
      await conn.client.exec(script);
    } catch (error) {
      conn.onError(error);
    }
  };
  // Migration files arrive through executeRaw; PGlite's query() takes one statement only.
  const executeRaw = conn.executeRaw.bind(conn);
  conn.executeRaw = async (query) => {
    if (query.args?.length) return executeRaw(query);
    try {
      const results = await conn.client.exec(query.sql);
      return results.reduce((n, r) => n + (r.affectedRows ?? 0), 0);
    } catch (error) {
      conn.onError(error);
    }
  };
}

async function shadowConnection(mainConfig, schema, PrismaPg) {
  if (shadowUrl === "pglite:memory") {
    // migrate dev asks for the shadow several times and a PGlite takes ~2 s to start:
    // keep one and wipe it between uses.
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("pglite-prisma-adapter"),
    ]);
    if (pgliteShadow) await pgliteShadow.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    else pgliteShadow = await PGlite.create();
    return new PrismaPGlite(pgliteShadow).connect();
  }
  if (shadowUrl) {
    // A configured shadow database is reset before use, as the native engine does.
    const shadow = pgConfig(shadowUrl);
    const target = quoteIdent(shadow.schema ?? "public");
    await withPgClient(shadow.config, (c) =>
      c.query(`DROP SCHEMA IF EXISTS ${target} CASCADE; CREATE SCHEMA ${target};`),
    );
    return new PrismaPg(shadow.config, shadow.schema ? { schema: shadow.schema } : undefined).connect();
  }
  // No shadow configured: a temporary database on the same server, dropped afterwards.
  const { default: pg } = await import("pg");
  const database = `prisma_shadow_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
  const admin = { ...mainConfig, database: mainConfig.database ?? "postgres" };
  await withPgClient(admin, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
  const conn = await new PrismaPg(new pg.Pool({ ...mainConfig, database }), {
    schema,
    disposeExternalPool: true,
  }).connect();
  const current = await conn.underlyingDriver().query("SELECT current_database() AS name");
  const drop = () =>
    withPgClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
  if (current.rows[0].name !== database) {
    // A server that ignores database names (the embedded PGlite server, some poolers)
    // would hand us the main database: refuse rather than wipe it.
    await conn.dispose();
    await drop().catch(() => {});
    throw new Error(
      `The server ignores database names, so no temporary shadow database can be made on it. Set SHADOW_DATABASE_URL (e.g. pglite:memory).`,
    );
  }
  const dispose = conn.dispose.bind(conn);
  conn.dispose = async () => {
    await dispose();
    await drop();
  };
  return conn;
}

// ---- the engine ----
// Connections are tracked so that they are closed before the process exits.
const openConnections = [];
let adapterFactory; // kept to turn "External error id#N" into the driver's own message

async function createEngine() {
  // wasm-bindgen's panic hook expects this global (the CLI sets it for its own wasm).
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    get() {
      return this.message;
    },
    set_message(m) {
      this.message = `RuntimeError: ${m}`;
    },
  };
  // Node 20 cannot import a .wasm file as a module: instantiate it by hand.
  const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmFile = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmFile)), {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();

  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const { config, schema } = pgConfig(mainUrl);
  const factory = new PrismaPg(config, schema ? { schema } : undefined);
  factory.connectToShadowDb = () => shadowConnection(config, schema, PrismaPg);
  for (const method of ["connect", "connectToShadowDb"]) {
    const original = factory[method].bind(factory);
    factory[method] = async () => {
      const conn = await original();
      openConnections.push(conn);
      if (/pglite/i.test(conn.adapterName ?? "")) patchPgliteConnection(conn);
      else patchPgConnection(conn);
      return conn;
    };
  }
  adapterFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const datamodels = datamodelPaths.map((p) => [p, readFileSync(p, "utf8")]);
  const onLog = (message) => debug(message);
  return bindings.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, onLog, adapterFactory);
}

async function closeAll() {
  for (const conn of openConnections.splice(0).reverse()) await conn.dispose().catch(() => {});
  await pgliteShadow?.close().catch(() => {});
  pgliteShadow = undefined;
}

function toRpcError(error) {
  let message = error?.message ?? String(error);
  // Driver errors reach the engine as "External error id#N": show the driver's message.
  message = message.replace(/External error id#(\d+)/g, (whole, id) => {
    const cause = adapterFactory?.errorRegistry?.consumeError(Number(id))?.error;
    return cause ? `${whole}: ${cause.originalMessage ?? cause.message ?? JSON.stringify(cause)}` : whole;
  });
  const data = error?.code
    ? { is_panic: false, message, error_code: error.code, meta: error.meta ?? null }
    : { is_panic: error instanceof WebAssembly.RuntimeError, message, error: { message }, error_code: null };
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

// ---- one-shot mode: `schema-engine cli <command>` ----
if (positional[0] === "cli") {
  try {
    const { config } = pgConfig(mainUrl);
    const maintenance = { ...config, database: "postgres" };
    const command = positional[1];
    if (command === "can-connect-to-database") {
      await withPgClient(config, (c) => c.query("SELECT 1")).catch((e) => {
        // P1003 makes the CLI offer to create the database.
        if (e?.code === "3D000")
          throw Object.assign(
            new Error(
              `Database \`${config.database}\` does not exist on the server at \`${config.host}:${config.port ?? 5432}\`.`,
            ),
            { code: "P1003" },
          );
        throw Object.assign(
          new Error(`Can't reach database server at \`${config.host}:${config.port ?? 5432}\`: ${e?.message ?? e}`),
          { code: "P1001" },
        );
      });
    } else if (command === "create-database") {
      await withPgClient(maintenance, (c) => c.query(`CREATE DATABASE ${quoteIdent(config.database)}`));
    } else if (command === "drop-database") {
      await withPgClient(maintenance, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(config.database)} WITH (FORCE)`),
      );
    } else {
      throw new Error(`Unsupported cli command: ${command}`);
    }
    process.exit(0);
  } catch (error) {
    log("INFO", "schema engine stand-in"); // the CLI skips the first stderr line of a cli run
    log("ERROR", error?.message ?? String(error), {
      error_code: /^P\d{4}$/.test(error?.code ?? "") ? error.code : "P1001",
    });
    process.exit(1);
  }
}

// ---- JSON-RPC mode ----
const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
let engine; // a promise, created on the first request
let current; // the request being served, for errors thrown from wasm callbacks
let printId = 1_000_000;

// Errors thrown inside wasm callbacks escape the promise chain: report them as a failed
// request rather than dying silently.
process.on("uncaughtException", (error) => {
  if (current) send({ jsonrpc: "2.0", id: current.id, error: toRpcError(error) });
  else log("ERROR", error?.stack ?? String(error));
  closeAll().finally(() => process.exit(1));
});

async function handle(request) {
  const method = request.method === "getDatabaseVersion" ? "version" : request.method;
  engine ??= createEngine();
  const instance = await engine;
  if ((method === "evaluateDataLoss" || method === "createMigration") && request.params?.migrationsList) {
    // These read the schema of the migration history from a cache that only devDiagnostic
    // fills. Right after the CLI applied pending migrations the cache is cold and the wasm
    // engine fails ("shadow DB must be provided through an external factory"): warm it.
    await instance
      .devDiagnostic({
        migrationsList: request.params.migrationsList,
        filters: request.params.filters ?? { externalTables: [], externalEnums: [] },
      })
      .catch((e) => debug("devDiagnostic warm-up failed:", e?.message));
  }
  if (typeof instance[method] !== "function") throw new Error(`The wasm schema engine has no method ${request.method}`);
  let result = await instance[method](request.params ?? undefined);
  if (method === "diff" && typeof result?.stdout === "string") {
    // The native engine prints a diff through a `print` request to the CLI.
    const { stdout, ...rest } = result;
    if (stdout)
      send({ jsonrpc: "2.0", id: printId++, method: "print", params: { content: stdout.replace(/\n$/, "") } });
    result = rest;
  }
  return result ?? null;
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let queue = Promise.resolve();
lines.on("line", (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return;
  }
  if (request.method === undefined) return; // the CLI's answer to one of our `print` requests
  queue = queue.then(async () => {
    current = request;
    try {
      send({ jsonrpc: "2.0", id: request.id, result: await handle(request) });
    } catch (error) {
      debug(`${request.method} failed: ${error?.stack ?? error}`);
      send({ jsonrpc: "2.0", id: request.id, error: toRpcError(error) });
    } finally {
      current = undefined;
    }
  });
});
async function shutdown() {
  await queue;
  try {
    (await engine)?.free?.();
  } catch {}
  await closeAll();
  process.exit(0);
}
lines.on("close", shutdown);
// The CLI sends SIGTERM right after closing stdin.
process.on("SIGTERM", () => closeAll().finally(() => process.exit(0)));
