// The cart lives in a signed cookie: base64url(JSON) + "." + HMAC-SHA256.
// It holds product slugs and quantities only; prices always come from the database.
// Anything that does not decode and verify (tampered, truncated, old format) is an empty
// cart, never an error.
import { createHmac } from "node:crypto";
import { z } from "zod";
import { safeEqual } from "../safe-equal";
import { MAX_LINES, MAX_QUANTITY } from "./limits";

export const CART_COOKIE = "cart";
export { MAX_LINES, MAX_QUANTITY };

export type CartLine = { slug: string; quantity: number };

const slugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/);
const quantitySchema = z.number().int().min(1).max(MAX_QUANTITY);
const payloadSchema = z.array(z.tuple([slugSchema, quantitySchema])).max(MAX_LINES);

export function isSlug(value: unknown): value is string {
  return slugSchema.safeParse(value).success;
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`cart:${payload}`).digest("base64url");
}

export function encodeCart(lines: readonly CartLine[], secret: string): string {
  const payload = Buffer.from(JSON.stringify(lines.map((l) => [l.slug, l.quantity]))).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

export function decodeCart(value: string | undefined, secret: string): CartLine[] {
  if (!value || value.length > 4096) return [];
  const [payload, signature, ...rest] = value.split(".");
  if (!payload || !signature || rest.length > 0) return [];
  if (!safeEqual(mac(payload, secret), signature)) return [];
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    if (!parsed.success) return [];
    return mergeDuplicates(parsed.data.map(([slug, quantity]) => ({ slug, quantity })));
  } catch {
    return [];
  }
}

function mergeDuplicates(lines: CartLine[]): CartLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.slug, Math.min(MAX_QUANTITY, (merged.get(line.slug) ?? 0) + line.quantity));
  return [...merged].map(([slug, quantity]) => ({ slug, quantity }));
}

/** Adds quantity to a line (new lines go last), capped at MAX_QUANTITY; ignores a new line past MAX_LINES. */
export function addLine(lines: readonly CartLine[], slug: string, quantity: number): CartLine[] {
  const existing = lines.find((l) => l.slug === slug);
  if (!existing)
    return lines.length >= MAX_LINES ? [...lines] : [...lines, { slug, quantity: Math.min(MAX_QUANTITY, quantity) }];
  return lines.map((l) => (l.slug === slug ? { slug, quantity: Math.min(MAX_QUANTITY, l.quantity + quantity) } : l));
}

/** Sets a line's quantity; 0 removes it. */
export function setLineQuantity(lines: readonly CartLine[], slug: string, quantity: number): CartLine[] {
  if (quantity <= 0) return lines.filter((l) => l.slug !== slug);
  return lines.map((l) => (l.slug === slug ? { slug, quantity: Math.min(MAX_QUANTITY, quantity) } : l));
}

export function countItems(lines: readonly CartLine[]): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}
