// With real ScanForPay credentials configured, every sandbox route answers 404 unless
// SANDBOX_ENABLED=true. The routes are found on disk, so a new one cannot be forgotten.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const routeFiles = [
  ...filesUnder(path.join(root, "app/sandbox")),
  path.join(root, "app/api/cron/sandbox-notify/route.ts"),
].filter((f) => /[/\\](route\.ts|page\.tsx)$/.test(f));

const production = {
  SCANFORPAY_PARTNER_NO: "20001",
  SCANFORPAY_STORE_NO: "200010000000001",
  SCANFORPAY_SIGN_KEY: "real-key",
  SESSION_SECRET: "s".repeat(32),
  // Required with real credentials (lib/env.ts refuses to start without them).
  DATABASE_URL: "postgresql://shop@127.0.0.1:1/shop",
  APP_URL: "https://shop.example.com",
  CRON_SECRET: "c".repeat(16),
};

/** Fresh modules with this environment (getEnv caches per module instance). */
async function load(file: string, env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import(file)) as Record<string, unknown>;
}

const params = Promise.resolve({ path: ["online", "create"], token: "t".repeat(32), partnerOrderNo: "p1" });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("sandbox routes in production", () => {
  it("are all found", () => {
    const names = routeFiles.map((f) => path.relative(root, f));
    expect(names).toEqual(
      expect.arrayContaining([
        "app/sandbox/scanforpay/api/[...path]/route.ts",
        "app/sandbox/scanforpay/pay/[token]/act/route.ts",
        "app/sandbox/scanforpay/control/orders/[partnerOrderNo]/route.ts",
        "app/sandbox/scanforpay/control/faults/route.ts",
        "app/api/cron/sandbox-notify/route.ts",
      ]),
    );
  });

  for (const file of routeFiles) {
    const name = path.relative(root, file);
    it(`${name} answers 404 with real credentials`, async () => {
      const mod = await load(file, production);
      if (file.endsWith("page.tsx")) {
        const page = mod.default as (props: unknown) => Promise<unknown>;
        await expect(page({ params, searchParams: Promise.resolve({}) })).rejects.toMatchObject({
          digest: expect.stringContaining("404"),
        });
        return;
      }
      const handlers = METHODS.filter((m) => typeof mod[m] === "function");
      expect(handlers.length).toBeGreaterThan(0);
      for (const method of handlers) {
        const handler = mod[method] as (request: Request, context: { params: typeof params }) => Promise<Response>;
        const response = await handler(
          new Request("http://shop.example/x", { method, body: method === "GET" ? undefined : "{}" }),
          { params },
        );
        expect(response.status, `${method} ${name}`).toBe(404);
      }
    });
  }

  it("answers again with SANDBOX_ENABLED=true", async () => {
    const mod = await load(path.join(root, "app/sandbox/scanforpay/api/[...path]/route.ts"), {
      ...production,
      SANDBOX_ENABLED: "true",
    });
    const response = await (mod.GET as () => Promise<Response>)();
    expect(response.status).toBe(405);
  });

  it("with SANDBOX_ENABLED=true next to real credentials, deciding payments needs the cron secret", async () => {
    const file = path.join(root, "app/sandbox/scanforpay/control/faults/route.ts");
    const secured = await load(file, { ...production, SANDBOX_ENABLED: "true" });
    const refused = await (secured.POST as (r: Request) => Promise<Response>)(
      new Request("http://x/", { method: "POST", body: '{"kind":"code9","count":1}' }),
    );
    expect(refused.status).toBe(401);
    const wrong = await (secured.POST as (r: Request) => Promise<Response>)(
      new Request("http://x/", { method: "POST", headers: { authorization: "Bearer nope" }, body: "{}" }),
    );
    expect(wrong.status).toBe(401);
  });
});

describe("cron routes", () => {
  const reconcileRoute = path.join(root, "app/api/cron/reconcile/route.ts");
  const call = async (mod: Record<string, unknown>, authorization?: string) =>
    (mod.GET as (r: Request) => Promise<Response>)(
      new Request("http://x/api/cron/reconcile", { headers: authorization ? { authorization } : {} }),
    );

  it("want CRON_SECRET's bearer in production (a production configuration without CRON_SECRET does not start)", async () => {
    const withSecret = await load(reconcileRoute, production);
    expect((await call(withSecret)).status).toBe(401);
    expect((await call(withSecret, "Bearer wrong")).status).toBe(401);
  });
});
