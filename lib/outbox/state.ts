// The outbox's statuses, in one place (as lib/orders/state.ts owns the orders'):
// pending (due at nextAttemptAt) ──sent──▶ sent; its last try failed ──▶ failed; the back
// office's "send again": failed (or pending, when overdue) ──▶ pending, due now.
import type { OutboxStatus } from "../generated/prisma/enums";

/** Waiting for a pass: due at nextAttemptAt (moved past a lease while a pass sends it). */
export const OUTBOX_DUE: OutboxStatus = "pending";
export const OUTBOX_SENT: OutboxStatus = "sent";
/** Its last try failed, or it cannot be sent as things are set up: shown in the back office. */
export const OUTBOX_FAILED: OutboxStatus = "failed";

/** What "send again" takes a message from. */
export const RESEND_FROM: readonly OutboxStatus[] = [OUTBOX_FAILED, OUTBOX_DUE];

export const isSent = (status: OutboxStatus) => status === OUTBOX_SENT;
export const isFailed = (status: OutboxStatus) => status === OUTBOX_FAILED;
export const isDue = (status: OutboxStatus) => status === OUTBOX_DUE;
