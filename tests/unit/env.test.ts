import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeProblems, parseEnv } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");

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
    const result = parseEnv({
      DATABASE_URL: "postgresql://shop:pw@db.example.com:5432/shop?sslmode=require",
      SCANFORPAY_PARTNER_NO: "10001",
      SCANFORPAY_STORE_NO: "100010000000002",
      SCANFORPAY_SIGN_KEY: "k",
      SESSION_SECRET: "x".repeat(32),
    });
    expect(result.ok && result.env.paymentMode).toBe("production");
  });

  it("names each bad variable once, in plain words", () => {
    const result = parseEnv({ DATABASE_URL: "mysql://localhost/shop", APP_URL: "not a url", NODE_ENV: "staging" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    expect(result.problems).toContainEqual(expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL .*\(got a "mysql:" URL\)$/));
    expect(result.problems).toContainEqual(expect.stringMatching(/^APP_URL must be an http\(s\) URL/));
    expect(result.problems).toContainEqual(expect.stringMatching(/^NODE_ENV /));
  });

  it("never echoes a URL's credentials", () => {
    const result = parseEnv({ DATABASE_URL: "postgresql://shop:s3cr3t pass@db.example.com/shop", APP_URL: "ftp://user:pw@host" });
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
    expect(!noSecret.ok && noSecret.problems).toEqual([expect.stringMatching(/^SESSION_SECRET is required with ADMIN_EMAIL/)]);
    const half = parseEnv({ ADMIN_EMAIL: "boss@shop.example", SESSION_SECRET: "x".repeat(32) });
    expect(!half.ok && half.problems).toEqual([expect.stringMatching(/^ADMIN_PASSWORD_HASH is required too/)]);
    expect(parseEnv({ ADMIN_EMAIL: "boss@shop.example", ADMIN_PASSWORD_HASH: hash, SESSION_SECRET: "x".repeat(32) }).ok).toBe(true);
  });

  it("requires a session secret with real credentials", () => {
    const result = parseEnv({ SCANFORPAY_PARTNER_NO: "1", SCANFORPAY_STORE_NO: "2", SCANFORPAY_SIGN_KEY: "k" });
    expect(!result.ok && result.problems).toEqual([expect.stringMatching(/^SESSION_SECRET is required when real ScanForPay credentials are set/)]);
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
