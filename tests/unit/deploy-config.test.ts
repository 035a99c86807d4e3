// What a deployment reads besides lib/env.ts: vercel.json, the migration URL, the pool.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { poolConfig } from "@/lib/db";
import { migrationDatabaseUrl } from "@/scripts/local-database.mjs";

const root = path.resolve(import.meta.dirname, "../..");

/** Does a five-field cron expression run at most once a day? (Vercel Hobby's rule.) */
function atMostDaily(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  const [minute, hour] = fields;
  return /^\d{1,2}$/.test(minute!) && /^\d{1,2}$/.test(hour!);
}

describe("vercel.json", () => {
  const config = JSON.parse(readFileSync(path.join(root, "vercel.json"), "utf8")) as {
    crons: { path: string; schedule: string }[];
    buildCommand?: string;
  };

  it("every cron schedule runs at most once a day, so the project deploys on the Hobby plan", () => {
    expect(config.crons.length).toBeGreaterThan(0);
    for (const cron of config.crons) expect(atMostDaily(cron.schedule), `${cron.path}: ${cron.schedule}`).toBe(true);
    expect(atMostDaily("* * * * *")).toBe(false);
    expect(atMostDaily("0 */6 * * *")).toBe(false);
    expect(atMostDaily("0,30 3 * * *")).toBe(false);
  });

  it("schedules reconciliation and builds with migrations first", () => {
    expect(config.crons.map((c) => c.path)).toContain("/api/cron/reconcile");
    const scripts = (
      JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    expect(config.buildCommand).toBe("npm run vercel-build");
    expect(scripts["vercel-build"]).toBe("prisma migrate deploy && next build");
  });
});

describe("migrationDatabaseUrl", () => {
  const pooled = "postgresql://u:p@ep-x-pooler.example.com/shop";
  const direct = "postgresql://u:p@ep-x.example.com/shop";

  it("prefers a direct URL under any of its names, else DATABASE_URL", () => {
    expect(migrationDatabaseUrl({ DATABASE_URL: pooled, DIRECT_URL: direct })).toBe(direct);
    expect(migrationDatabaseUrl({ DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: direct })).toBe(direct);
    expect(migrationDatabaseUrl({ DATABASE_URL: pooled, POSTGRES_URL_NON_POOLING: direct })).toBe(direct);
    expect(migrationDatabaseUrl({ DATABASE_URL: direct, DIRECT_URL: "" })).toBe(direct);
  });

  it("is the embedded database with nothing set, and an error on Vercel", () => {
    expect(migrationDatabaseUrl({ PGLITE_PORT: "51299" })).toContain("127.0.0.1:51299");
    expect(() => migrationDatabaseUrl({ VERCEL: "1", VERCEL_ENV: "production" })).toThrow(/DATABASE_URL is not set/);
    // A .env.local written by `vercel env pull` on a laptop is not Vercel.
    expect(migrationDatabaseUrl({ VERCEL: "1", VERCEL_ENV: "development", PGLITE_PORT: "51299" })).toContain(
      "127.0.0.1:51299",
    );
  });
});

describe("poolConfig", () => {
  const url = "postgresql://u@h/db";
  const reconcile = { budgetMs: 20_000, concurrency: 4, delayScale: 1, intervalMs: 60_000 };
  it("one connection on the embedded database", () => {
    expect(poolConfig({ DATABASE_URL: url, EMBEDDED_DATABASE: "1", serverless: false, reconcile })).toMatchObject({
      max: 1,
    });
  });
  it("few connections closed quickly when idle on serverless hosts", () => {
    const config = poolConfig({ DATABASE_URL: url, EMBEDDED_DATABASE: undefined, serverless: true, reconcile });
    expect(config.max).toBe(5);
    expect(config.idleTimeoutMillis).toBeLessThanOrEqual(5_000);
    expect(config.connectionTimeoutMillis).toBeGreaterThan(0);
  });
  it("always one more connection than a pass's gateway calls at once", () => {
    expect(
      poolConfig({
        DATABASE_URL: url,
        EMBEDDED_DATABASE: undefined,
        serverless: true,
        reconcile: { ...reconcile, concurrency: 12 },
      }).max,
    ).toBe(13);
  });
});
