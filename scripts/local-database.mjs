// The one place that knows where the embedded database listens.
// Used by scripts/with-dev-db.mjs, prisma.config.ts and lib/db.ts.

/** Loopback port of the embedded PGlite server (override with PGLITE_PORT). */
export function localDatabasePort(env = process.env) {
  const raw = env.PGLITE_PORT ?? "51214";
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new Error(`PGLITE_PORT must be a port number from 1 to 65535 (got "${raw}")`);
  }
  return port;
}

/** node-postgres URL of the embedded server. The server ignores user, password and database name. */
export function localDatabaseUrl(env = process.env) {
  return `postgresql://postgres:postgres@127.0.0.1:${localDatabasePort(env)}/postgres?sslmode=disable`;
}
