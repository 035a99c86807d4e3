// Identifiers. partnerOrderNo is what ScanForPay sees: unique, at most 32 characters, and
// not guessable (the browser return is unsigned, so a guessable number would let anyone
// make the shop query someone else's payment).
import { randomBytes, randomInt } from "node:crypto";

/** 32 lowercase hex characters (128 random bits). */
export function newPartnerOrderNo(): string {
  return randomBytes(16).toString("hex");
}

/** The customer-facing order number: short, easy to read out, e.g. HG-7K3M-Q9TX. */
export function newOrderNo(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I
  const part = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `HG-${part()}-${part()}`;
}

/** Has this the shape of an order number (nothing else is looked up, or counted)? */
export function isOrderNo(text: string): boolean {
  return /^HG-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(text);
}

/** 43 characters of base64url (256 random bits). */
export function newAccessToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The refundNo that gives back a payment made twice: fixed per payment, so it is applied once. */
export function duplicateRefundNo(partnerOrderNo: string): string {
  return `D${partnerOrderNo.slice(1)}`;
}
