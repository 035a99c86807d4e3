import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/admin/password";
import { createLoginLimiter, readSession, signSession } from "@/lib/admin/session";
import { parseMajor } from "@/lib/money";

const secret = "x".repeat(40);

describe("admin password hashes", () => {
  it("verify the right password only, and are salted", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
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
    expect(readSession(`${payload}.x${mac!.slice(1)}`, secret, now)).toBeNull();
    expect(readSession(undefined, secret)).toBeNull();
    expect(readSession("garbage", secret)).toBeNull();
  });

  it("limits failed logins per key: 5 in 15 minutes", () => {
    const limiter = createLoginLimiter();
    const t = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(limiter.blocked("a", t)).toBe(false);
      limiter.fail("a", t);
    }
    expect(limiter.blocked("a", t)).toBe(true);
    expect(limiter.blocked("b", t)).toBe(false);
    expect(limiter.blocked("a", t + 15 * 60_000 + 1)).toBe(false);
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
