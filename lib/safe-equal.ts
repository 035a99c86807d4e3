import { timingSafeEqual } from "node:crypto";

/** Compares two strings in constant time (for tokens, MACs, credentials). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
