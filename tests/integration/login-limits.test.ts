// The back office's login across server instances: counts kept in PostgreSQL, so two app
// instances (two clients, two pools, on one database) limit as one; an older scrypt hash
// still logs in and is upgraded; rejected notifies are kept small and few.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptLogin, LOGIN_BY_ADDRESS } from "@/lib/admin/login";
import { lookupAllowed, LOOKUP_BY_ORDER } from "@/lib/orders/lookup";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/admin/password";
import { createGateway } from "@/lib/orders/gateway-wiring";
import { handleNotify, REJECTED_NOTIFIES_PER_SOURCE } from "@/lib/orders/notify-and-return";
import { hit, pruneLimits } from "@/lib/ratelimit/limiter";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDb, type TestDb } from "../helpers/test-db";

const SECRET = "s".repeat(32);
let db: TestDb;
let other: PrismaClient;

beforeAll(async () => {
  db = await createTestDb();
  other = db.another();
});
afterAll(async () => {
  await db?.close();
});

/** An scrypt hash with the parameters this project used before (N = 2^14). */
async function oldHash(password: string): Promise<string> {
  const { randomBytes, scryptSync } = await import("node:crypto");
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

describe("login limits", () => {
  it("20 wrong passwords spread over two app instances are limited as one", async () => {
    const login = { email: "boss@shop.example", devPassword: "the-right-one" };
    const results = [];
    for (let i = 0; i < 20; i++) {
      const instance = i % 2 === 0 ? db : other;
      results.push(
        await attemptLogin(
          instance,
          login,
          { email: "boss@shop.example", password: `guess-${i}`, address: "203.0.113.50" },
          SECRET,
        ),
      );
    }
    expect(results.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(LOGIN_BY_ADDRESS.max);
    expect(results.filter((r) => !r.ok && r.reason === "blocked")).toHaveLength(20 - LOGIN_BY_ADDRESS.max);
    // Even the right password waits now, on either instance.
    expect(
      await attemptLogin(
        other,
        login,
        { email: "boss@shop.example", password: "the-right-one", address: "203.0.113.50" },
        SECRET,
      ),
    ).toEqual({ ok: false, reason: "blocked" });
    // The merchant, from another address, still gets in: the email's own limit (10) was not
    // reached, since blocked attempts are not even checked.
    const elsewhere = await attemptLogin(
      db,
      login,
      { email: "boss@shop.example", password: "the-right-one", address: "198.51.100.1" },
      SECRET,
    );
    expect(elsewhere).toEqual({ ok: true, email: "boss@shop.example" });
  });

  it("on PostgreSQL: a second server process sees the same counts", async (context) => {
    if (!db.url)
      return context.skip(
        "needs a PostgreSQL server (TEST_DATABASE_URL); on PGlite the two-client test above stands for it",
      );
    const { spawnSync } = await import("node:child_process");
    const path = await import("node:path");
    const root = path.resolve(import.meta.dirname, "../..");
    const run = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        "--tsconfig",
        path.join(root, "tsconfig.json"),
        path.join(root, "tests/helpers/login-worker.ts"),
        db.url,
        "10",
        "203.0.113.77",
      ],
      { cwd: root, encoding: "utf8", timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const other = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as string[];
    expect(other.filter((r) => r === "wrong")).toHaveLength(LOGIN_BY_ADDRESS.max);
    // This process: blocked at once, by the other process's failures.
    const here = await attemptLogin(
      db,
      { email: "boss@shop.example", devPassword: "the-right-one" },
      { email: "boss@shop.example", password: "the-right-one", address: "203.0.113.77" },
      SECRET,
    );
    expect(here).toEqual({ ok: false, reason: "blocked" });
  });

  it("parallel guesses cannot slip past the count", async () => {
    const login = { email: "shop@shop.example", devPassword: "right" };
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        attemptLogin(
          i % 2 ? db : other,
          login,
          { email: "shop@shop.example", password: "wrong", address: "192.0.2.77" },
          SECRET,
        ),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(LOGIN_BY_ADDRESS.max);
    expect(results.filter((r) => !r.ok && r.reason === "blocked")).toHaveLength(12 - LOGIN_BY_ADDRESS.max);
  });

  it("an old scrypt hash still logs in, and is upgraded to N = 2^17 for the next login", async () => {
    const envHash = await oldHash("an old but long password");
    const login = { email: "owner@shop.example", passwordHash: envHash };
    expect(
      await attemptLogin(
        db,
        login,
        { email: "owner@shop.example", password: "an old but long password", address: "192.0.2.1" },
        SECRET,
      ),
    ).toEqual({ ok: true, email: "owner@shop.example" });
    const upgraded = await db.adminCredential.findUniqueOrThrow({ where: { email: "owner@shop.example" } });
    const [newHash] = upgraded.hash.split("#");
    expect(newHash!.startsWith(`scrypt$${2 ** 17}$`)).toBe(true);
    expect(needsRehash(newHash!)).toBe(false);
    expect(await verifyPassword("an old but long password", newHash!)).toBe(true);
    // The next login, on the other instance, uses the upgraded hash.
    expect(
      await attemptLogin(
        other,
        login,
        { email: "owner@shop.example", password: "an old but long password", address: "192.0.2.1" },
        SECRET,
      ),
    ).toMatchObject({ ok: true });
    expect((await db.adminCredential.findUniqueOrThrow({ where: { email: "owner@shop.example" } })).hash).toBe(
      upgraded.hash,
    );
    // Someone who can write to the database but lacks SESSION_SECRET cannot plant a password.
    const planted = await hashPassword("the attacker's own");
    await db.adminCredential.update({
      where: { email: "owner@shop.example" },
      data: { hash: `${planted}#${"0".repeat(64)}` },
    });
    expect(
      await attemptLogin(
        db,
        login,
        { email: "owner@shop.example", password: "the attacker's own", address: "192.0.2.3" },
        SECRET,
      ),
    ).toEqual({ ok: false, reason: "wrong" });
    await db.adminCredential.update({ where: { email: "owner@shop.example" }, data: { hash: upgraded.hash } });
    // The merchant sets a new ADMIN_PASSWORD_HASH: the old upgrade no longer applies.
    const fresh = { email: "owner@shop.example", passwordHash: await hashPassword("a brand new passphrase") };
    expect(
      await attemptLogin(
        db,
        fresh,
        { email: "owner@shop.example", password: "an old but long password", address: "192.0.2.2" },
        SECRET,
      ),
    ).toEqual({ ok: false, reason: "wrong" });
    expect(
      await attemptLogin(
        db,
        fresh,
        { email: "owner@shop.example", password: "a brand new passphrase", address: "192.0.2.2" },
        SECRET,
      ),
    ).toMatchObject({ ok: true });
  });

  it("a window ends, and old windows are pruned", async () => {
    const limit = { name: "test", max: 1, windowMs: 1_000 };
    const t0 = new Date();
    expect((await hit(db, limit, "k", t0)).allowed).toBe(true);
    expect((await hit(other, limit, "k", t0)).allowed).toBe(false);
    expect((await hit(db, limit, "k", new Date(t0.getTime() + 1_001))).allowed).toBe(true);
    expect(await pruneLimits(db, new Date(t0.getTime() + 2 * 3_600_000))).toBeGreaterThanOrEqual(1);
  });
});

describe("order lookup limits", () => {
  it("guesses at one order's email are limited across addresses and instances", async () => {
    const answers = [];
    for (let i = 0; i < 15; i++) answers.push(await lookupAllowed(i % 2 ? db : other, `192.0.2.${i}`, "HG-GUES-SSED"));
    expect(answers.filter(Boolean)).toHaveLength(LOOKUP_BY_ORDER.max);
    // Another order is not affected.
    expect(await lookupAllowed(db, "192.0.2.200", "HG-OTHR-ORDR")).toBe(true);
  });
});

describe("rejected notifies", () => {
  it("1,000 forged notifies of 64 KiB each grow the database by less than 1 MB", async () => {
    const deps = {
      db,
      gateway: createGateway(db, {
        config: { apiBase: "http://127.0.0.1:9", ...SANDBOX_CREDENTIALS },
        appUrl: "http://127.0.0.1:9",
      }),
    };
    const size = async () =>
      Number((await db.$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`)[0]!.bytes);
    const junk = (i: number) => {
      const body = JSON.stringify({
        response: { header: {}, body: { partnerOrderNo: `p${i}`, pad: "x".repeat(10) } },
        signature: "00",
      });
      return body + " ".repeat(64 * 1024 - body.length - 8) + String(i).padStart(8, "0");
    };
    await db.$executeRawUnsafe("CHECKPOINT");
    const before = await size();
    const answers = [];
    for (let i = 0; i < 1_000; i++)
      answers.push(await handleNotify(deps, junk(i), { source: i < 500 ? "198.51.100.9" : `203.0.113.${i % 250}` }));
    expect(answers.every((a) => a.status === 400 && a.body !== "success")).toBe(true);
    await db.$executeRawUnsafe("CHECKPOINT");
    const grown = (await size()) - before;
    expect(grown).toBeLessThan(1024 * 1024);
    const kept = await db.paymentEvent.findMany({ where: { kind: "notify" } });
    expect(kept.length).toBeLessThanOrEqual(200);
    expect(kept.length).toBeGreaterThanOrEqual(REJECTED_NOTIFIES_PER_SOURCE.max);
    for (const event of kept) expect(event.rawText.length).toBeLessThan(700);
    expect(kept[0]!.rawText).toMatch(/… \(65536 bytes in all, sha256 [0-9a-f]{64}\)$/);
  });
});
