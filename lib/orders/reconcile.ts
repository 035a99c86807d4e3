// Reconciliation: what the gateway did not tell us, we ask. One pass sends the refunds that
// are due again and queries the pending payments that are due, each row on its own backoff
// (lib/orders/schedule.ts), claimed in the database so that any number of passes at once
// (overlapping cron calls, a timer on each of several servers) never query or send the same
// row twice, within a time budget and a bounded number of gateway calls at once.
// Run by GET /api/cron/reconcile and, on a long-running server, by a timer.
import { Prisma, type Payment } from "../generated/prisma/client";
import { runPass, type PassLimits } from "../jobs/pass";
import { ScanForPayError } from "../scanforpay/errors";
import type { HeldExchange, OrdersDeps } from "./gateway-wiring";
import { applyPayResult, expirePayment, failPayment, sendRefund } from "./payments";
import { keepNotApplied } from "./check";
import { expiryDueAt, leaseUntil, nextCheckAt, UNKNOWN_GRACE_MS } from "./schedule";
import { AWAITING_GATEWAY, gatewayStatusMoves, ORDER_EXPIRE_UNATTEMPTED, REFUND_OPEN, releasesStock } from "./state";
import { releaseOrderStock } from "../stock/reserve";
import { timeoutRuleMs } from "../scanforpay/timeout-rule";

export type ReconcileReport = {
  /** Pay Queries made. */
  queried: number;
  /** Payments this pass moved (paid, failed, refunded at the gateway…). */
  changed: number;
  expired: number;
  /** Orders never attempted (a WeChat hand-off nobody opened) expired past the checkout's timeout. */
  ordersExpired: number;
  refundsSent: number;
  /** Queries or sends that failed (they are due again after their backoff step). */
  errors: number;
  /** Still due when the pass ended: left for the next one. */
  left: number;
  /** The pass stopped on its time budget. */
  outOfTime: boolean;
  elapsedMs: number;
};

export const RECONCILE_DEFAULTS: PassLimits = { budgetMs: 20_000, concurrency: 4, limit: 2_000 };

const logError = (error: unknown) =>
  console.error(`[reconcile] ${error instanceof Error ? error.message : String(error)}`);

/**
 * Claims the pending row of `table` whose `dueColumn` comes first and is due: one statement
 * that moves it past a lease (and counts `counter` up), so concurrent passes skip it.
 * Every pending row has a due time (a column default), so this is one ordered range scan
 * of the (status, due) index, whatever the backlog. Table and column names are ours, never
 * input.
 */
async function claimDue(
  deps: OrdersDeps,
  table: "Payment" | "Refund",
  dueColumn: "nextCheckAt" | "nextAttemptAt",
  counter: "checks" | "attempts",
  also = Prisma.empty,
): Promise<string | null> {
  const now = deps.gateway.now();
  const [t, due, count] = [Prisma.raw(`"${table}"`), Prisma.raw(`"${dueColumn}"`), Prisma.raw(`"${counter}"`)];
  // The state that is due for the gateway: a payment awaiting it, a refund not yet answered.
  const open = Prisma.raw(`'${table === "Payment" ? AWAITING_GATEWAY : REFUND_OPEN}'`);
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE ${t} SET ${due} = ${leaseUntil(now)}, ${count} = ${count} + 1 ${also}
    WHERE "id" = (
      SELECT "id" FROM ${t}
      WHERE "status" = ${open} AND ${due} <= ${now}
      ORDER BY ${due} ASC
      LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

async function claimPayment(deps: OrdersDeps): Promise<Payment | null> {
  const id = await claimDue(
    deps,
    "Payment",
    "nextCheckAt",
    "checks",
    Prisma.sql`, "lastCheckedAt" = ${deps.gateway.now()}`,
  );
  return id ? deps.db.payment.findUnique({ where: { id } }) : null;
}

const claimRefund = (deps: OrdersDeps) => claimDue(deps, "Refund", "nextAttemptAt", "attempts");

/**
 * One claimed payment: ask, apply, expire or fail when the gateway's word says so, else
 * schedule the next check. The exchange is kept as events when something changed or went
 * wrong; a quiet "still unpaid" is counted on the payment instead (no rows a minute for each
 * customer still on the gateway's page).
 */
async function checkClaimed(
  deps: OrdersDeps,
  payment: Payment,
  signal: AbortSignal,
  report: ReconcileReport,
): Promise<void> {
  const held: HeldExchange[] = [];
  const quiet = await askAndApply(deps, payment, signal, report, held);
  if (quiet) {
    // The answer that said "still unpaid" is a count; tries that failed before it are kept.
    await deps.gateway.keep(payment.id, held.slice(0, -2));
    await deps.db.payment.updateMany({
      where: { id: payment.id, status: AWAITING_GATEWAY },
      data: { quietQueries: { increment: 1 } },
    });
  } else {
    await deps.gateway.keep(payment.id, held);
  }
}

/** Resolves to true when the gateway's answer was a quiet "still unpaid" and nothing else happened. */
async function askAndApply(
  deps: OrdersDeps,
  payment: Payment,
  signal: AbortSignal,
  report: ReconcileReport,
  held: HeldExchange[],
): Promise<boolean> {
  const scale = deps.delayScale ?? 1;
  report.queried++;
  let quiet = false;
  try {
    const result = await deps.gateway
      .client(payment.id, { signal, hold: held })
      .payQuery({ partnerOrderNo: payment.partnerOrderNo });
    // An answer that moves the payment is kept before the payment moves.
    if (gatewayStatusMoves(result.status)) await deps.gateway.keep(payment.id, held.splice(0));
    const outcome = await applyPayResult(deps, payment, result, { signal });
    if (outcome.applied && outcome.changed) {
      report.changed++;
      return false;
    }
    if (!outcome.applied) {
      report.errors++;
      await keepNotApplied(deps, payment.id, outcome.reason);
    } else if (payment.expiresAt && expiryDueAt(payment.expiresAt, scale) <= deps.gateway.now()) {
      // Expired only on the gateway's own word that it is still unpaid, after a grace period;
      // never because a query failed (the customer may have paid during an outage).
      const expired = await expirePayment(deps, payment);
      if (expired.applied && expired.changed) {
        report.expired++;
        return false;
      }
    } else {
      quiet = true;
    }
  } catch (error) {
    if (!(error instanceof ScanForPayError)) throw error;
    if (signal.aborted) {
      // Stopped by the pass's budget, not answered: due again at once, not counted as a check.
      await deps.db.payment.updateMany({
        where: { id: payment.id, status: AWAITING_GATEWAY },
        data: { nextCheckAt: deps.gateway.now(), checks: { decrement: 1 } },
      });
      return false;
    }
    // Unknown at the gateway long after we asked for it: the create never landed.
    if (error.code === 30 && payment.createdAt.getTime() < deps.gateway.now().getTime() - UNKNOWN_GRACE_MS * scale) {
      await deps.db.payment.update({
        where: { id: payment.id },
        data: { lastError: "the gateway never received this payment" },
      });
      const failed = await failPayment(deps, payment);
      if (failed.applied && failed.changed) {
        report.changed++;
        return false;
      }
    } else {
      report.errors++;
    }
  }
  await deps.db.payment.updateMany({
    where: { id: payment.id, status: AWAITING_GATEWAY },
    data: { nextCheckAt: nextCheckAt(payment, deps.gateway.now(), scale) },
  });
  return quiet;
}

/** How many payments and refunds are due now (what a pass left, or what waits). */
async function countDue(deps: OrdersDeps): Promise<number> {
  const now = deps.gateway.now();
  const [payments, refunds] = await Promise.all([
    deps.db.payment.count({ where: { status: AWAITING_GATEWAY, nextCheckAt: { lte: now } } }),
    deps.db.refund.count({ where: { status: REFUND_OPEN, nextAttemptAt: { lte: now } } }),
  ]);
  return payments + refunds;
}

/**
 * Orders placed for a WeChat hand-off have no attempt until WeChat opens them; one left
 * alone past the checkout's timeout expires (a conditional update each, so any number of
 * runners expire it once) and gives its units back. It can still be paid later: an expired
 * order takes a new attempt (and holds its units again, if they are still there).
 */
export async function expireUnattemptedOrders(deps: OrdersDeps, limit = 500): Promise<number> {
  const before = new Date(deps.gateway.now().getTime() - timeoutRuleMs(deps.gateway.timeoutRule));
  const unattempted = {
    status: { in: [...ORDER_EXPIRE_UNATTEMPTED.from] },
    paidPaymentId: null,
    createdAt: { lt: before },
    payments: { none: {} },
  };
  const due = await deps.db.order.findMany({ where: unattempted, select: { id: true }, take: limit });
  let expired = 0;
  for (const { id } of due) {
    // Each order in its own transaction: it expires once, and its units go back on sale with it.
    const moved = await deps.db.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id, ...unattempted },
        data: { status: ORDER_EXPIRE_UNATTEMPTED.to },
      });
      if (count === 1 && releasesStock(ORDER_EXPIRE_UNATTEMPTED.to)) await releaseOrderStock(tx, id);
      return count;
    });
    expired += moved;
  }
  return expired;
}

export async function reconcile(deps: OrdersDeps, limits: Partial<PassLimits> = {}): Promise<ReconcileReport> {
  const { budgetMs, concurrency, limit } = { ...RECONCILE_DEFAULTS, ...limits };
  const started = Date.now();
  const report: ReconcileReport = {
    queried: 0,
    changed: 0,
    expired: 0,
    ordersExpired: 0,
    refundsSent: 0,
    errors: 0,
    left: 0,
    outOfTime: false,
    elapsedMs: 0,
  };
  report.ordersExpired = await expireUnattemptedOrders(deps);
  // Refunds first: money owed back, and few; at most half the budget, so a refund endpoint
  // that hangs never keeps payments from being asked about.
  const refunds = await runPass(
    { budgetMs: Math.floor(budgetMs / 2), concurrency, limit },
    () => claimRefund(deps),
    async (refundId, signal) => {
      report.refundsSent++;
      await sendRefund(deps, refundId, { signal, claimed: true });
    },
    logError,
  );
  const payments = await runPass(
    {
      budgetMs: Math.max(0, budgetMs - (Date.now() - started)),
      concurrency,
      limit: Math.max(0, limit - refunds.taken),
    },
    () => claimPayment(deps),
    (payment, signal) => checkClaimed(deps, payment, signal, report),
    (error) => {
      report.errors++;
      logError(error);
    },
  );
  report.outOfTime = refunds.outOfTime || payments.outOfTime;
  report.left = await countDue(deps);
  report.elapsedMs = Date.now() - started;
  return report;
}
