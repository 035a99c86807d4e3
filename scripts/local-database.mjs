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

/**
 * The URL migrations use: a direct (non-pooled) connection, since a pooler in transaction
 * mode cannot hold the schema engine's session. DIRECT_URL, else the names Neon
 * (DATABASE_URL_UNPOOLED) and Supabase / Vercel Postgres (POSTGRES_URL_NON_POOLING) give it,
 * else DATABASE_URL when it is direct already; unset everywhere, the embedded database,
 * except on Vercel, where there is none.
 */
export function migrationDatabaseUrl(env = process.env) {
  const direct = [env.DIRECT_URL, env.DATABASE_URL_UNPOOLED, env.POSTGRES_URL_NON_POOLING, env.DATABASE_URL].find(
    (url) => url !== undefined && url.trim() !== "",
  );
  if (direct) return direct;
  if (env.VERCEL === "1" && env.VERCEL_ENV !== "development") {
    throw new Error(
      "DATABASE_URL is not set: on Vercel, add a PostgreSQL (Vercel → Storage → Neon) or set DATABASE_URL and DIRECT_URL, then deploy again",
    );
  }
  return localDatabaseUrl(env);
}
