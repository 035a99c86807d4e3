// ScanForPay's signature: lowercase hex SHA-256 over the UTF-8 bytes of (JSON text + sign key),
// where the JSON text is the `request` or `response` object exactly as it stands on the wire.
// Not an HMAC, no key sorting. See ../../../shared/scanforpay/API.md ("Signature").
import { createHash, timingSafeEqual } from "node:crypto";

export function sign(text: string, key: string): string {
  return createHash("sha256")
    .update(text + key, "utf8")
    .digest("hex");
}

const HEX_64 = /^[0-9a-f]{64}$/;

/** Constant-time check of a signature over `text`. Anything not 64 lowercase hex digits fails. */
export function verify(text: string, signature: unknown, key: string): boolean {
  if (typeof signature !== "string" || !HEX_64.test(signature)) return false;
  return timingSafeEqual(Buffer.from(sign(text, key), "hex"), Buffer.from(signature, "hex"));
}
