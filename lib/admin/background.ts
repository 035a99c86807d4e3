// Is reconciliation keeping up? When it last ran, what waits, the oldest, and whether the
// scheduler has stopped calling (a cron never set up, a CRON_SECRET that does not match).
import type { Db } from "../db";
import { AWAITING_GATEWAY, REFUND_OPEN } from "../orders/state";

export type ReconcileHealth = {
  lastRunAt: Date | null;
  lastReport: { queried?: number; changed?: number; left?: number; outOfTime?: boolean } | null;
  runs: number;
  pendingPayments: number;
  oldestPendingAt: Date | null;
  pendingRefunds: number;
  /**
   * never: no pass yet though payments wait; late: none for longer than the schedule allows;
   * behind: the last pass ran out of time or reached its limit with work left (the backlog
   * outgrows the schedule).
   */
  state: "ok" | "late" | "never" | "behind";
};

/** How long past its schedule a pass may be before the merchant is warned (pure). */
export function allowedGapMs(intervalMs: number): number {
  return intervalMs + Math.max(intervalMs / 2, 5 * 60_000);
}

/** Pure: the warning state from the last run, what it left, and the oldest waiting payment. */
export function reconcileState(
  lastRunAt: Date | null,
  oldestPendingAt: Date | null,
  now: Date,
  intervalMs: number,
  lastLeft = 0,
): ReconcileHealth["state"] {
  const gap = allowedGapMs(intervalMs);
  if (lastRunAt === null)
    return oldestPendingAt !== null && now.getTime() - oldestPendingAt.getTime() > gap ? "never" : "ok";
  if (now.getTime() - lastRunAt.getTime() > gap) return "late";
  return lastLeft > 0 ? "behind" : "ok";
}

export async function reconcileHealth(db: Db, intervalMs: number, now = new Date()): Promise<ReconcileHealth> {
  const [run, pendingPayments, oldest, pendingRefunds] = await Promise.all([
    db.jobRun.findUnique({ where: { name: "reconcile" } }),
    db.payment.count({ where: { status: AWAITING_GATEWAY } }),
    db.payment.findFirst({
      where: { status: AWAITING_GATEWAY },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.refund.count({ where: { status: REFUND_OPEN } }),
  ]);
  const lastRunAt = run?.finishedAt ?? null;
  const oldestPendingAt = oldest?.createdAt ?? null;
  const lastReport = (run?.report ?? null) as ReconcileHealth["lastReport"];
  return {
    lastRunAt,
    lastReport,
    runs: run?.runs ?? 0,
    pendingPayments,
    oldestPendingAt,
    pendingRefunds,
    state: reconcileState(
      lastRunAt,
      oldestPendingAt,
      now,
      intervalMs,
      typeof lastReport?.left === "number" ? lastReport.left : 0,
    ),
  };
}
