// Which ScanForPay the app talks to: the real one when all three credentials are set,
// else this app's own sandbox gateway with the documentation's example credentials.
import type { Env } from "../env";
import type { ScanForPayConfig } from "./client";

/** The documentation's example credentials; the sandbox gateway accepts exactly these. */
export const SANDBOX_CREDENTIALS = { partnerNo: "10001", storeNo: "100010000000002", signKey: "123456" } as const;

export const PRODUCTION_API_BASE = "https://pay.scanforpay.com";
export const SANDBOX_PATH = "/sandbox/scanforpay";

export function scanForPayConfig(env: Env): ScanForPayConfig {
  const timeoutMs = env.scanForPayTimeoutMs;
  if (env.paymentMode === "production") {
    return {
      apiBase: env.SCANFORPAY_API_BASE ?? PRODUCTION_API_BASE,
      partnerNo: env.SCANFORPAY_PARTNER_NO!,
      storeNo: env.SCANFORPAY_STORE_NO!,
      signKey: env.SCANFORPAY_SIGN_KEY!,
      timeoutMs,
    };
  }
  return { apiBase: env.SCANFORPAY_API_BASE ?? env.appUrl + SANDBOX_PATH, ...SANDBOX_CREDENTIALS, timeoutMs };
}
