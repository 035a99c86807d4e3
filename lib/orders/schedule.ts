// When reconciliation asks about a pending payment and resends a pending refund: each row
// carries its own next time with backoff, so a backlog is served in turn (abandoned checkouts
// are asked less and less often and never starve a payment made a minute ago). Pure.
//
// `scale` multiplies every delay (1 in production; RECONCILE_DELAY_SCALE=0.001 in tests).
// The lease is never scaled: it must outlast one gateway call with its retries.

const MINUTE = 60_000;

/** A new attempt is left alone this long: the customer is still paying. */
export const FIRST_CHECK_MS = MINUTE;
/** Waits after the 1st, 2nd, 3rd … check of a still-pending payment (the last repeats). */
export const CHECK_STEPS_MS = [2, 5, 10, 30].map((m) => m * MINUTE);
/** After its timeout an attempt still gets this long: a payment at 29:59 is notified a moment later. */
export const EXPIRY_GRACE_MS = 2 * MINUTE;
/** How long the gateway may not know an attempt (a create that never landed) before it counts as failed. */
export const UNKNOWN_GRACE_MS = 5 * MINUTE;
/** Waits after the 1st, 2nd … send of a refund the gateway has not confirmed (the last repeats). */
export const REFUND_STEPS_MS = [1, 2, 5, 10, 30, 60].map((m) => m * MINUTE);
/** A claimed row is due again after this long if its runner never reports (it died). */
export const LEASE_MS = 5 * MINUTE;

const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

export function firstCheckAt(createdAt: Date, scale = 1): Date {
  return at(createdAt, FIRST_CHECK_MS * scale);
}

/** The moment an attempt may be expired on the gateway's word that it is unpaid. */
export function expiryDueAt(expiresAt: Date, scale = 1): Date {
  return at(expiresAt, EXPIRY_GRACE_MS * scale);
}

/**
 * The next check of a payment still pending after `checks` checks, the latest at `now`:
 * the backoff step, but never past the grace check after its timeout while that is ahead.
 */
export function nextCheckAt(payment: { checks: number; expiresAt: Date | null }, now: Date, scale = 1): Date {
  const step = CHECK_STEPS_MS[Math.min(Math.max(payment.checks, 1), CHECK_STEPS_MS.length) - 1]! * scale;
  const next = at(now, step);
  if (!payment.expiresAt) return next;
  const grace = expiryDueAt(payment.expiresAt, scale);
  return now < grace && next > grace ? grace : next;
}

/** The next send of a refund still pending after `attempts` sends, the latest at `now`. */
export function nextRefundAttemptAt(attempts: number, now: Date, scale = 1): Date {
  return at(now, REFUND_STEPS_MS[Math.min(Math.max(attempts, 1), REFUND_STEPS_MS.length) - 1]! * scale);
}

export function leaseUntil(now: Date): Date {
  return at(now, LEASE_MS);
}
