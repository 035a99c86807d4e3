// Serverless mode at start-up: no in-process timer or worker (a frozen function would never
// run it); outside it, `next start` keeps its reconciliation timer and notify worker. And the
// commands a deployment runs refuse, by name, what would break it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function timersStartedBy(env: Record<string, string>): Promise<number> {
  vi.unstubAllEnvs();
  vi.resetModules();
  vi.stubEnv("NEXT_RUNTIME", "nodejs");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const started: ReturnType<typeof setInterval>[] = [];
  const real = globalThis.setInterval;
  vi.spyOn(globalThis, "setInterval").mockImplementation(((handler: () => void, ms?: number) => {
    const timer = real(handler, ms);
    started.push(timer);
    return timer;
  }) as typeof setInterval);
  const { register } = await import("@/instrumentation");
  await register();
  for (const timer of started) clearInterval(timer);
  return started.length;
}

describe("instrumentation", () => {
  it("starts no timer in serverless mode (SERVERLESS=1, or VERCEL=1)", async () => {
    expect(await timersStartedBy({ SERVERLESS: "1" })).toBe(0);
    expect(
      await timersStartedBy({
        SERVERLESS: "",
        VERCEL: "1",
        VERCEL_ENV: "preview",
        VERCEL_URL: "shop-x.vercel.app",
        DATABASE_URL: "postgresql://u@127.0.0.1:1/shop",
        SESSION_SECRET: "s".repeat(32),
      }),
    ).toBe(0);
  });

  it("on a long-running server: the reconciliation timer, the sandbox's notify worker and the outbox's timer", async () => {
    expect(await timersStartedBy({ SERVERLESS: "" })).toBe(3);
  });
});

describe("a deployment's commands refuse what would break it", () => {
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [next, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      encoding: "utf8",
      timeout: 60_000,
    });
  const real = {
    SCANFORPAY_PARTNER_NO: "20001",
    SCANFORPAY_STORE_NO: "200010000000001",
    SCANFORPAY_SIGN_KEY: "k",
    SESSION_SECRET: "s".repeat(32),
  };

  it("next build on Vercel without DATABASE_URL fails, naming it", () => {
    const build = run(["build"], {
      VERCEL: "1",
      VERCEL_ENV: "production",
      VERCEL_PROJECT_PRODUCTION_URL: "shop.example.com",
    });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toMatch(/DATABASE_URL is required on Vercel/);
    expect(build.stderr).not.toMatch(/\n\s+at /);
  });

  it("next start with real credentials and no CRON_SECRET fails, naming it", () => {
    const start = run(["start", "-p", "0"], {
      ...real,
      DATABASE_URL: "postgresql://u@127.0.0.1:1/shop",
      APP_URL: "https://shop.example.com",
    });
    expect(start.status).not.toBe(0);
    expect(start.stderr).toMatch(/CRON_SECRET is required with real ScanForPay credentials/);
  });

  it("next build with real credentials and no APP_URL fails, naming it; on Vercel it is derived and said", () => {
    const build = run(["build"], {
      ...real,
      DATABASE_URL: "postgresql://u@127.0.0.1:1/shop",
      CRON_SECRET: "c".repeat(32),
    });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toMatch(/APP_URL is required with real ScanForPay credentials/);
    // next.config.ts, which every next command loads first, with Vercel's variables: no error, one notice.
    const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
    const vercel = spawnSync(process.execPath, [tsx, "next.config.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        ...real,
        DATABASE_URL: "postgresql://u@127.0.0.1:1/shop",
        CRON_SECRET: "c".repeat(32),
        VERCEL: "1",
        VERCEL_ENV: "preview",
        VERCEL_URL: "shop-git-x-me.vercel.app",
      },
      encoding: "utf8",
    });
    expect(vercel.status).toBe(0);
    expect(vercel.stderr).toContain(
      "[config] APP_URL is not set: using https://shop-git-x-me.vercel.app from VERCEL_URL",
    );
  });
});
