import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeProblems, parseEnv } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");

/** A deployed shop with real credentials, complete. */
const production = {
  DATABASE_URL: "postgresql://shop:pw@db.example.com:5432/shop?sslmode=require",
  APP_URL: "https://shop.example.com",
  SCANFORPAY_PARTNER_NO: "10001",
  SCANFORPAY_STORE_NO: "100010000000002",
  SCANFORPAY_SIGN_KEY: "k",
  SESSION_SECRET: "x".repeat(32),
  CRON_SECRET: "c".repeat(32),
};

describe("parseEnv", () => {
  it("runs in sandbox mode with nothing set", () => {
    const result = parseEnv({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env.paymentMode).toBe("sandbox");
    expect(result.env.appUrl).toBe("http://localhost:3000");
    expect(result.env.DATABASE_URL).toBeUndefined();
    expect(result.env.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("treats empty strings as unset and trims the app URL", () => {
    const result = parseEnv({ DATABASE_URL: "", APP_URL: "https://shop.example.com/" });
    expect(result.ok && result.env.appUrl).toBe("https://shop.example.com");
  });

  it("accepts a complete production configuration", () => {
    const result = parseEnv(production);
    expect(result.ok && result.env.paymentMode).toBe("production");
    expect(result.ok && result.env.serverless).toBe(false);
  });

  it("names each bad variable once, in plain words", () => {
    const result = parseEnv({ DATABASE_URL: "mysql://localhost/shop", APP_URL: "not a url", NODE_ENV: "staging" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    expect(result.problems).toContainEqual(
      expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL .*\(got a "mysql:" URL\)$/),
    );
    expect(result.problems).toContainEqual(expect.stringMatching(/^APP_URL must be an http\(s\) URL/));
    expect(result.problems).toContainEqual(expect.stringMatching(/^NODE_ENV /));
  });

  it("never echoes a URL's credentials", () => {
    const result = parseEnv({
      DATABASE_URL: "postgresql://shop:s3cr3t pass@db.example.com/shop",
      APP_URL: "ftp://user:pw@host",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = describeProblems(result.problems);
    expect(text).not.toContain("s3cr3t");
    expect(text).not.toContain("pw@");
    expect(text).toContain('(got a "postgresql:" URL)');
  });

  it("asks for the missing credentials when only some are set, and never echoes secrets", () => {
    const result = parseEnv({ SCANFORPAY_SIGN_KEY: "super-secret-key", SESSION_SECRET: "short-secret" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = describeProblems(result.problems);
    expect(text).toMatch(/SCANFORPAY_PARTNER_NO is required once SCANFORPAY_SIGN_KEY is set/);
    expect(text).toMatch(/SCANFORPAY_STORE_NO is required/);
    expect(text).toMatch(/SESSION_SECRET must be at least 32 characters/);
    expect(text).not.toContain("super-secret-key");
    expect(text).not.toContain("short-secret");
  });

  it("requires a session secret with an admin login, and both admin variables together", () => {
    const hash = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const noSecret = parseEnv({ ADMIN_EMAIL: "boss@shop.example", ADMIN_PASSWORD_HASH: hash });
    expect(!noSecret.ok && noSecret.problems).toEqual([
      expect.stringMatching(/^SESSION_SECRET is required with ADMIN_EMAIL/),
    ]);
    const half = parseEnv({ ADMIN_EMAIL: "boss@shop.example", SESSION_SECRET: "x".repeat(32) });
    expect(!half.ok && half.problems).toEqual([expect.stringMatching(/^ADMIN_PASSWORD_HASH is required too/)]);
    expect(
      parseEnv({ ADMIN_EMAIL: "boss@shop.example", ADMIN_PASSWORD_HASH: hash, SESSION_SECRET: "x".repeat(32) }).ok,
    ).toBe(true);
  });

  it("requires a session secret with real credentials", () => {
    const { SESSION_SECRET: _, ...rest } = production;
    const result = parseEnv(rest);
    expect(!result.ok && result.problems).toEqual([
      expect.stringMatching(/^SESSION_SECRET is required when real ScanForPay credentials are set/),
    ]);
  });
});

describe("what would break a deployed shop is refused by name", () => {
  const without = (name: keyof typeof production) =>
    Object.fromEntries(Object.entries(production).filter(([key]) => key !== name));
  const problems = (vars: Record<string, string>) => {
    const result = parseEnv(vars);
    return result.ok ? [] : result.problems;
  };

  it("real credentials: DATABASE_URL, APP_URL and CRON_SECRET each required", () => {
    expect(problems(without("DATABASE_URL"))).toEqual([
      expect.stringMatching(/^DATABASE_URL is required with real ScanForPay credentials/),
    ]);
    expect(problems(without("APP_URL"))).toEqual([
      expect.stringMatching(/^APP_URL is required with real ScanForPay credentials: your shop's public https URL/),
    ]);
    expect(problems(without("CRON_SECRET"))).toEqual([
      expect.stringMatching(/^CRON_SECRET is required with real ScanForPay credentials.*\/api\/cron\/reconcile/),
    ]);
  });

  it("real credentials on the embedded database: fine in development, refused by `next start`", () => {
    const embedded = {
      ...production,
      DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:51214/postgres",
      EMBEDDED_DATABASE: "1",
    };
    expect(problems({ ...embedded, NODE_ENV: "development" })).toEqual([]);
    expect(problems({ ...embedded, NODE_ENV: "production" })).toEqual([
      expect.stringMatching(/^DATABASE_URL is required/),
    ]);
  });

  it("on Vercel, even in sandbox mode, no DATABASE_URL is refused (never the embedded database), nor the public session secret", () => {
    expect(
      problems({
        VERCEL: "1",
        VERCEL_ENV: "preview",
        VERCEL_URL: "shop-abc.vercel.app",
        SESSION_SECRET: "x".repeat(32),
      }),
    ).toEqual([expect.stringMatching(/^DATABASE_URL is required on Vercel/)]);
    expect(
      problems({
        VERCEL: "1",
        VERCEL_ENV: "preview",
        VERCEL_URL: "shop-abc.vercel.app",
        DATABASE_URL: "postgresql://u@h/db",
      }),
    ).toEqual([expect.stringMatching(/^SESSION_SECRET is required on Vercel, even in sandbox mode/)]);
  });

  it("a laptop with a `vercel env pull` .env.local (VERCEL_ENV=development) is not Vercel", () => {
    const result = parseEnv({ VERCEL: "1", VERCEL_ENV: "development", VERCEL_URL: "" });
    expect(result.ok && [result.env.serverless, result.env.appUrl]).toEqual([false, "http://localhost:3000"]);
  });

  it("serverless mode caps a pass's budget below the cron route's 60 s", () => {
    expect(problems({ SERVERLESS: "1", RECONCILE_BUDGET_MS: "55000" })).toEqual([
      expect.stringMatching(/^RECONCILE_BUDGET_MS must be at most 50000 in serverless mode/),
    ]);
    expect(problems({ RECONCILE_BUDGET_MS: "55000" })).toEqual([]);
    expect(problems({ SCANFORPAY_TIMEOUT_MS: "60000" })).toEqual([
      expect.stringMatching(/^SCANFORPAY_TIMEOUT_MS must be a whole number of milliseconds/),
    ]);
  });

  it("on Vercel, APP_URL comes from the production domain or the deployment's URL, and the log says so", () => {
    const vercel = {
      VERCEL: "1",
      DATABASE_URL: "postgresql://u:p@pooler.example.com/shop",
      SESSION_SECRET: "x".repeat(32),
      VERCEL_PROJECT_PRODUCTION_URL: "shop.example.com",
      VERCEL_URL: "shop-abc123-me.vercel.app",
    };
    const prod = parseEnv({ ...vercel, VERCEL_ENV: "production" });
    expect(prod.ok && prod.env.appUrl).toBe("https://shop.example.com");
    expect(prod.ok && prod.env.notices).toEqual([
      expect.stringMatching(
        /^APP_URL is not set: using https:\/\/shop\.example\.com from VERCEL_PROJECT_PRODUCTION_URL/,
      ),
    ]);
    const preview = parseEnv({ ...vercel, VERCEL_ENV: "preview" });
    expect(preview.ok && preview.env.appUrl).toBe("https://shop-abc123-me.vercel.app");
    // An APP_URL of the merchant's own wins, and nothing needs saying.
    const own = parseEnv({ ...vercel, VERCEL_ENV: "production", APP_URL: "https://www.shop.hk" });
    expect(own.ok && [own.env.appUrl, own.env.notices]).toEqual(["https://www.shop.hk", []]);
    expect(
      problems({
        VERCEL: "1",
        VERCEL_ENV: "production",
        DATABASE_URL: vercel.DATABASE_URL,
        SESSION_SECRET: vercel.SESSION_SECRET,
      }),
    ).toEqual([expect.stringMatching(/^APP_URL is required: Vercel set neither/)]);
  });

  it("serverless mode: on with VERCEL=1 or SERVERLESS=1, off with SERVERLESS=0", () => {
    const vercel = {
      VERCEL: "1",
      VERCEL_ENV: "preview",
      VERCEL_URL: "x.vercel.app",
      DATABASE_URL: "postgresql://u@h/db",
      SESSION_SECRET: "x".repeat(32),
    };
    expect(parseEnv(vercel).ok && (parseEnv(vercel) as { env: { serverless: boolean } }).env.serverless).toBe(true);
    const serverless = (vars: Record<string, string>) => {
      const result = parseEnv(vars);
      return result.ok ? result.env.serverless : "invalid";
    };
    expect(serverless({ ...vercel, SERVERLESS: "0" })).toBe(false);
    expect(serverless({ SERVERLESS: "1" })).toBe(true);
    expect(serverless({})).toBe(false);
    expect(serverless({ SERVERLESS: "yes" })).toBe("invalid");
  });

  it("reconciliation settings: defaults, and bad values named", () => {
    const result = parseEnv({});
    expect(result.ok && result.env.reconcile).toEqual({
      budgetMs: 20_000,
      concurrency: 4,
      delayScale: 1,
      intervalMs: 60_000,
    });
    const serverless = parseEnv({
      SERVERLESS: "1",
      RECONCILE_INTERVAL: "1m",
      RECONCILE_BUDGET_MS: "5000",
      RECONCILE_CONCURRENCY: "8",
    });
    expect(serverless.ok && serverless.env.reconcile).toMatchObject({
      budgetMs: 5_000,
      concurrency: 8,
      intervalMs: 60_000,
    });
    expect(
      parseEnv({ SERVERLESS: "1" }).ok &&
        (parseEnv({ SERVERLESS: "1" }) as { env: { reconcile: { intervalMs: number } } }).env.reconcile.intervalMs,
    ).toBe(86_400_000);
    expect(problems({ RECONCILE_CONCURRENCY: "0", RECONCILE_INTERVAL: "often" })).toEqual([
      expect.stringMatching(/^RECONCILE_CONCURRENCY must be a whole number/),
      expect.stringMatching(/^RECONCILE_INTERVAL must be/),
    ]);
  });
});

describe("start-up check", () => {
  // next.config.ts is what `next dev`, `next build` and `next start` load first.
  it("next.config.ts prints one line a problem and exits 1, without a stack trace", () => {
    const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
    const run = spawnSync(process.execPath, [tsx, "next.config.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: "sqlite:./dev.db" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Configuration error: 1 environment variable needs fixing");
    expect(run.stderr).toMatch(/- DATABASE_URL must be a PostgreSQL URL/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
