// What the shop's desktop QR page adds in sandbox mode: a way to "scan" without a phone, and
// a word when the QR code cannot work because APP_URL is this computer's loopback address.
import type { Env } from "../env";
import { SANDBOX_PATH } from "../scanforpay/config";

export type QrSandboxAid = {
  /** Same-origin path of the sandbox's phone confirmation page (what the QR code opens); null if the payUrl is not the sandbox's. */
  phonePagePath: string | null;
  /** APP_URL, when no phone can reach it (localhost, 127.x, ::1, 0.0.0.0); else null. */
  loopbackAppUrl: string | null;
};

/** A host only the computer itself can reach. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === "[::1]" ||
    host === "0.0.0.0"
  );
}

/** Null outside sandbox mode: with real credentials the QR code is ScanForPay's and nothing is added. */
export function qrSandboxAid(env: Pick<Env, "paymentMode" | "appUrl">, payUrl: string): QrSandboxAid | null {
  if (env.paymentMode !== "sandbox") return null;
  const prefix = `${env.appUrl}${SANDBOX_PATH}/pay/`;
  // A path, not the full URL: the computer may know this shop under another host than APP_URL.
  const phonePagePath = payUrl.startsWith(prefix) ? payUrl.slice(env.appUrl.length) : null;
  return { phonePagePath, loopbackAppUrl: isLoopbackUrl(env.appUrl) ? env.appUrl : null };
}
