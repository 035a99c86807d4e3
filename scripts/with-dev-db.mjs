#!/usr/bin/env node
// The embedded database: zero set-up PostgreSQL for `npm run dev`, `npm start`, the Prisma
// CLI and the end-to-end tests.
//
// PGlite (PostgreSQL compiled to WebAssembly, an npm package) runs inside THIS process and
// is served on a loopback port over the PostgreSQL wire protocol (@electric-sql/pglite-socket).
// The app and every `prisma` command then connect with the production driver (`pg` through
// @prisma/adapter-pg): only DATABASE_URL differs from a deployed shop.
//
// Only one process may open a PGlite directory: two that do silently lose writes. So this
// wrapper owns it, and anything else (a second terminal's `npm run db:migrate` while
// `npm run dev` runs) finds the port taken and connects to the running server instead.
//
//   node scripts/with-dev-db.mjs <command…>           run the command with the database up
//   node scripts/with-dev-db.mjs --setup <command…>   first apply migrations, and seed the
//                                                     demo catalogue if it is empty
//   node scripts/with-dev-db.mjs                      serve until Ctrl-C
//
// DATABASE_URL set (in the environment, .env.local or .env: a real PostgreSQL): the command runs unchanged, nothing is started and
// --setup does nothing (run `npm run db:deploy` and `npm run db:seed` yourself).
// PGLITE_DIR: data directory (default .data/pglite; "memory" = throwaway, for tests).
// PGLITE_PORT: loopback port (default 51214).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import { parseEnv } from "node:util";
import { localDatabasePort, localDatabaseUrl } from "./local-database.mjs";

const require = createRequire(import.meta.url);

// Next.js reads .env.local and .env, Prisma 7 reads neither: load them here (the real
// environment wins, then .env.local, then .env) so that a DATABASE_URL written there
// reaches the app, the Prisma CLI and the decision below alike.
for (const file of [".env.local", ".env"]) {
  if (!existsSync(file)) continue;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, "utf8")))) process.env[name] ??= value;
}

const args = process.argv.slice(2);
const setup = args[0] === "--setup";
const command = setup ? args.slice(1) : args;
let port;
try {
  port = localDatabasePort();
} catch (error) {
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}
const dir = process.env.PGLITE_DIR ?? ".data/pglite";
const say = (message) => console.error(`[db] ${message}`);

function isListening() {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

let server;
let db;
async function startServer() {
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-socket"),
  ]);
  if (dir !== "memory") mkdirSync(dir, { recursive: true });
  db = await PGlite.create(dir === "memory" ? undefined : dir);
  server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 32 });
  await server.start();
  say(`embedded PostgreSQL (PGlite, ${dir === "memory" ? "in memory" : dir}) on 127.0.0.1:${port}`);
}
async function stopServer() {
  await server?.stop().catch(() => {});
  await db?.close().catch(() => {}); // flushes the data directory
  server = db = undefined;
}

/** Run a node script to completion with the given environment; resolves to its exit code. */
function runNode(script, scriptArgs, env) {
  return new Promise((resolve) => {
    spawn(process.execPath, [script, ...scriptArgs], { stdio: "inherit", env }).on("exit", (code) =>
      resolve(code ?? 1),
    );
  });
}

const external = Boolean(process.env.DATABASE_URL);
if (!external) {
  if (await isListening()) say(`using the database already running on 127.0.0.1:${port}`);
  else await startServer();
}

const env = { ...process.env };
if (!external) {
  env.DATABASE_URL = localDatabaseUrl();
  // Migrations go where the app goes: no direct URL of some other database.
  for (const name of ["DIRECT_URL", "DATABASE_URL_UNPOOLED", "POSTGRES_URL_NON_POOLING"]) delete env[name];
  // Tells lib/db.ts to use one connection: the PGlite socket server runs every connection
  // on one PGlite, and concurrent queries from several connections interleave their
  // protocol messages ("bind message supplies 3 parameters, but prepared statement …").
  env.EMBEDDED_DATABASE = "1";
  // The PGlite server ignores database names, so Prisma's shadow database (migrate dev)
  // is a throwaway in-process PGlite in the schema-engine stand-in.
  env.SHADOW_DATABASE_URL ??= "pglite:memory";
}

if (setup && !external) {
  const steps = [
    [require.resolve("prisma/build/index.js"), ["migrate", "deploy"]],
    [require.resolve("tsx/cli"), ["prisma/seed.ts", "--if-empty"]],
  ];
  for (const [script, scriptArgs] of steps) {
    const code = await runNode(script, scriptArgs, env);
    if (code !== 0) {
      say(`set-up failed (${scriptArgs.join(" ")}); see the messages above`);
      await stopServer();
      process.exit(code);
    }
  }
}

if (command.length === 0) {
  if (!server) process.exit(0);
  say("press Ctrl-C to stop");
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopServer().then(() => process.exit(0)));
} else {
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env, shell: process.platform === "win32" });
  // Ctrl-C reaches the child too; stay alive until it exits, then flush the database.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("error", async (error) => {
    say(`could not start ${command[0]}: ${error.message}`);
    await stopServer();
    process.exit(127);
  });
  child.on("exit", async (code, signal) => {
    await stopServer();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
