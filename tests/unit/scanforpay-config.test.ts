import { describe, expect, it } from "vitest";
import { parseEnv, type Env } from "@/lib/env";
import { scanForPayConfig } from "@/lib/scanforpay/config";
import { describeCode, isRetryableCode } from "@/lib/scanforpay/codes";
import { ScanForPayError } from "@/lib/scanforpay/errors";

/** What a deployed shop with real credentials sets besides them. */
const deployed = {
  DATABASE_URL: "postgresql://shop@db.example.com/shop",
  APP_URL: "https://shop.example.com",
  CRON_SECRET: "c".repeat(32),
};

function env(vars: Record<string, string>): Env {
  const result = parseEnv(vars);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.env;
}

describe("scanForPayConfig", () => {
  it("is the app's own sandbox with the documentation's credentials when nothing is set", () => {
    expect(scanForPayConfig(env({}))).toEqual({
      apiBase: "http://localhost:3000/sandbox/scanforpay",
      partnerNo: "10001",
      storeNo: "100010000000002",
      signKey: "123456",
      timeoutMs: 10_000,
    });
    expect(scanForPayConfig(env({ APP_URL: "https://demo.example.com/" })).apiBase).toBe(
      "https://demo.example.com/sandbox/scanforpay",
    );
  });

  it("is ScanForPay's production host with real credentials", () => {
    const real = env({
      SCANFORPAY_PARTNER_NO: "20001",
      SCANFORPAY_STORE_NO: "200010000000009",
      SCANFORPAY_SIGN_KEY: "k3y",
      SESSION_SECRET: "x".repeat(32),
      SCANFORPAY_TIMEOUT_MS: "4000",
      ...deployed,
    });
    expect(real.paymentMode).toBe("production");
    expect(real.sandboxEnabled).toBe(false);
    expect(scanForPayConfig(real)).toEqual({
      apiBase: "https://pay.scanforpay.com",
      partnerNo: "20001",
      storeNo: "200010000000009",
      signKey: "k3y",
      timeoutMs: 4000,
    });
    expect(
      env({
        SCANFORPAY_PARTNER_NO: "1",
        SCANFORPAY_STORE_NO: "2",
        SCANFORPAY_SIGN_KEY: "k",
        SESSION_SECRET: "x".repeat(32),
        SANDBOX_ENABLED: "true",
        ...deployed,
      }).sandboxEnabled,
    ).toBe(true);
  });

  it("takes another host, such as ScanForPay's test host", () => {
    const test = env({
      SCANFORPAY_API_BASE: "https://dev-pay.scan4pay.com",
      SCANFORPAY_PARTNER_NO: "1",
      SCANFORPAY_STORE_NO: "2",
      SCANFORPAY_SIGN_KEY: "k",
      SESSION_SECRET: "x".repeat(32),
      ...deployed,
    });
    expect(scanForPayConfig(test).apiBase).toBe("https://dev-pay.scan4pay.com");
  });
});

describe("result codes and errors", () => {
  it("explain every documented code in plain English", () => {
    for (const code of [1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 21, 22, 30, 31, 32, 33, 34, 35, 40, 41, 42, 43, 44]) {
      expect(describeCode(code)).not.toMatch(/^Unknown result code/);
    }
    expect(describeCode(77)).toBe("Unknown result code 77.");
    expect(isRetryableCode(9) && isRetryableCode(22) && !isRetryableCode(35)).toBe(true);
  });

  it("say what a caller may do", () => {
    expect(new ScanForPayError("timeout", "t").retryable).toBe(true);
    expect(new ScanForPayError("timeout", "t").stateUnknown).toBe(true);
    expect(new ScanForPayError("http", "h", { httpStatus: 503 }).retryable).toBe(true);
    expect(new ScanForPayError("http", "h", { httpStatus: 400 }).retryable).toBe(false);
    expect(new ScanForPayError("signature", "s").retryable).toBe(false);
    expect(new ScanForPayError("business", "b", { code: 21 }).stateUnknown).toBe(true);
    expect(new ScanForPayError("business", "b", { code: 31 }).stateUnknown).toBe(false);
  });
});
