// Admin password hashes: scrypt, stored as scrypt$N$r$p$salt$hash (base64url).
// `npm run admin:hash` prints one for ADMIN_PASSWORD_HASH.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** Current guidance (OWASP): N = 2^17, r = 8, p = 1. Older hashes still verify and are upgraded on login. */
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 256 * N * R + 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![n, r, p].every(Number.isInteger) || n > 2 ** 20 || r > 32 || p > 16) return false;
  const expected = Buffer.from(parts[5]!, "base64url");
  if (expected.length < 16) return false;
  const key = await scrypt(password, Buffer.from(parts[4]!, "base64url"), expected.length, {
    N: n,
    r,
    p,
    maxmem: 256 * n * r + 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** Was this hash made with weaker parameters than today's (then hash the password again)? */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split("$");
  return scheme !== "scrypt" || Number(n) < N || Number(r) < R || Number(p) < P;
}
