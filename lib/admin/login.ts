// Logging in to the back office: the limiter (counts in PostgreSQL, shared by every server
// instance), the password check in constant time whatever the email, and the upgrade of an
// older hash. ADMIN_PASSWORD_HASH lives in the environment, which the app cannot rewrite: an
// upgraded hash is kept in AdminCredential, tied to the environment's hash it replaces, and
// used while the environment still holds that one.
import { createHash, createHmac } from "node:crypto";
import type { Db } from "../db";
import { hit, peek, reset, type Limit } from "../ratelimit/limiter";
import { safeEqual } from "../safe-equal";
import type { AdminLogin } from "./guard";
import { hashPassword, needsRehash, verifyPassword } from "./password";

/** Five failures an address, ten an email, in 15 minutes. */
export const LOGIN_BY_ADDRESS: Limit = { name: "login-address", max: 5, windowMs: 15 * 60_000 };
export const LOGIN_BY_EMAIL: Limit = { name: "login-email", max: 10, windowMs: 15 * 60_000 };

export type LoginResult = { ok: true; email: string } | { ok: false; reason: "blocked" | "wrong" };

const fingerprint = (hash: string) => createHash("sha256").update(hash).digest("hex");

/**
 * An upgraded hash is stored with a MAC under SESSION_SECRET: someone who can write to the
 * database but does not hold the secret cannot plant a password of their own.
 */
const macOf = (secret: string, email: string, fromHash: string, hash: string) =>
  createHmac("sha256", secret).update(`${email}\n${fromHash}\n${hash}`).digest("hex");

function upgradedHash(
  row: { email: string; fromHash: string; hash: string } | null,
  envHash: string,
  secret: string,
): string | null {
  if (!row || row.fromHash !== fingerprint(envHash)) return null;
  const [hash, mac] = row.hash.split("#");
  return hash && mac && safeEqual(mac, macOf(secret, row.email, row.fromHash, hash)) ? hash : null;
}

/** scrypt at N = 2^17 takes 128 MiB and a threadpool thread: at most this many at once an instance. */
const MAX_CHECKS_AT_ONCE = 2;
let checksInFlight = 0;

export async function attemptLogin(
  db: Db,
  login: AdminLogin,
  input: { email: string; password: string; address: string },
  secret: string,
): Promise<LoginResult> {
  const [byAddress, byEmail] = await Promise.all([
    peek(db, LOGIN_BY_ADDRESS, input.address),
    peek(db, LOGIN_BY_EMAIL, input.email),
  ]);
  if (byAddress.count >= LOGIN_BY_ADDRESS.max || byEmail.count >= LOGIN_BY_EMAIL.max)
    return { ok: false, reason: "blocked" };
  // Counted before the (slow) check, so a burst of parallel attempts cannot slip through;
  // cleared again on success.
  const [a, e] = await Promise.all([hit(db, LOGIN_BY_ADDRESS, input.address), hit(db, LOGIN_BY_EMAIL, input.email)]);
  if (!a.allowed || !e.allowed) return { ok: false, reason: "blocked" };
  // Both checks always run: the answer takes as long for a wrong email as for a wrong password.
  const emailOk = safeEqual(input.email, login.email);
  let passwordOk: boolean;
  if ("devPassword" in login) {
    passwordOk = safeEqual(input.password, login.devPassword);
  } else {
    if (checksInFlight >= MAX_CHECKS_AT_ONCE) return { ok: false, reason: "blocked" };
    checksInFlight++;
    try {
      const current =
        upgradedHash(
          await db.adminCredential.findUnique({ where: { email: login.email } }),
          login.passwordHash,
          secret,
        ) ?? login.passwordHash;
      passwordOk = await verifyPassword(input.password, current);
      if (emailOk && passwordOk && needsRehash(current)) {
        const hash = await hashPassword(input.password);
        const fromHash = fingerprint(login.passwordHash);
        const stored = `${hash}#${macOf(secret, login.email, fromHash, hash)}`;
        await db.adminCredential.upsert({
          where: { email: login.email },
          create: { email: login.email, fromHash, hash: stored },
          update: { fromHash, hash: stored },
        });
      }
    } finally {
      checksInFlight--;
    }
  }
  if (!(emailOk && passwordOk)) return { ok: false, reason: "wrong" };
  await Promise.all([reset(db, LOGIN_BY_ADDRESS, input.address), reset(db, LOGIN_BY_EMAIL, input.email)]);
  return { ok: true, email: login.email };
}
