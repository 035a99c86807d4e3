// The admin session: a signed, expiring token in an HTTP-only cookie (pure functions here;
// cookie I/O in lib/admin/guard.ts).
import { createHmac } from "node:crypto";
import { safeEqual } from "../safe-equal";

export const ADMIN_COOKIE = "admin_session";
export const SESSION_HOURS = 8;

export type AdminSession = { email: string; expiresAt: number };

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`admin:${payload}`).digest("base64url");
}

export function signSession(session: AdminSession, secret: string): string {
  const payload = Buffer.from(JSON.stringify([session.email, session.expiresAt])).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

export function readSession(value: string | undefined, secret: string, now = Date.now()): AdminSession | null {
  if (!value || value.length > 1024) return null;
  const [payload, signature, ...rest] = value.split(".");
  if (!payload || !signature || rest.length) return null;
  if (!safeEqual(mac(payload, secret), signature)) return null;
  try {
    const [email, expiresAt] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof email !== "string" || typeof expiresAt !== "number" || expiresAt <= now) return null;
    return { email, expiresAt };
  } catch {
    return null;
  }
}
