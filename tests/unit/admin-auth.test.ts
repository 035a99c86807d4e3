import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/admin/password";
import { readSession, signSession } from "@/lib/admin/session";
import { clientAddress } from "@/lib/client-address";
import { decide, limitKey } from "@/lib/ratelimit/limiter";
import { parseMajor } from "@/lib/money";

const secret = "x".repeat(40);

describe("admin password hashes", () => {
  it("verify the right password only, and are salted", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await hashPassword("correct horse battery")).not.toBe(hash);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
    expect(await verifyPassword("x", "scrypt$99999999$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAA")).toBe(false);
  });
});

describe("admin session", () => {
  it("round-trips, expires, and refuses tampering or another secret", () => {
    const now = Date.now();
    const token = signSession({ email: "boss@shop.example", expiresAt: now + 60_000 }, secret);
    expect(readSession(token, secret, now)).toEqual({ email: "boss@shop.example", expiresAt: now + 60_000 });
    expect(readSession(token, secret, now + 60_001)).toBeNull();
    expect(readSession(token, "y".repeat(40), now)).toBeNull();
    const [payload, mac] = token.split(".");
    const forged = Buffer.from(JSON.stringify(["boss@shop.example", now + 10 ** 9])).toString("base64url");
    expect(readSession(`${forged}.${mac}`, secret, now)).toBeNull();
    // One character of the MAC changed (to one it is not already).
    expect(readSession(`${payload}.${mac![0] === "x" ? "y" : "x"}${mac!.slice(1)}`, secret, now)).toBeNull();
    expect(readSession(undefined, secret)).toBeNull();
    expect(readSession("garbage", secret)).toBeNull();
  });

  it("rate limits: a count within its window decides, keys are bounded", () => {
    const limit = { name: "login-email", max: 5, windowMs: 15 * 60_000 };
    const now = new Date(1_000_000);
    const resetAt = new Date(now.getTime() + 60_000);
    expect(decide(limit, 5, resetAt, now)).toEqual({ allowed: true, count: 5, retryAfterMs: 60_000 });
    expect(decide(limit, 6, resetAt, now).allowed).toBe(false);
    expect(limitKey(limit, "Boss@Shop.Example")).toBe("login-email:boss@shop.example");
    expect(limitKey(limit, "x".repeat(10_000)).length).toBeLessThanOrEqual(250);
  });

  it("old scrypt hashes are recognised for an upgrade; today's are not", async () => {
    expect(needsRehash("scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).toBe(
      true,
    );
    expect(needsRehash(await hashPassword("correct horse battery"))).toBe(false);
    expect((await hashPassword("correct horse battery")).startsWith(`scrypt$${2 ** 17}$8$1$`)).toBe(true);
  });

  it("the client's address: x-real-ip, else the last x-forwarded-for hop", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.9", "x-forwarded-for": "1.1.1.1" }))).toBe(
      "203.0.113.9",
    );
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddress(new Headers())).toBe("local");
  });
});

describe("parseMajor", () => {
  it("turns typed amounts into exact minor units", () => {
    expect(parseMajor("12.5", "HKD")).toBe(1250);
    expect(parseMajor("12.50", "HKD")).toBe(1250);
    expect(parseMajor(" 1,200 ", "HKD")).toBe(120000);
    expect(parseMajor("0.01", "HKD")).toBe(1);
    expect(parseMajor("500", "JPY")).toBe(500);
    expect(parseMajor("5.5", "JPY")).toBeNull();
    expect(parseMajor("1.005", "HKD")).toBeNull();
    expect(parseMajor("-1", "HKD")).toBeNull();
    expect(parseMajor("1e3", "HKD")).toBeNull();
    expect(parseMajor("", "HKD")).toBeNull();
  });
});
