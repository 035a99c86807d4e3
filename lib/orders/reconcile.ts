// Reconciliation: what the gateway did not tell us, we ask. Run by GET /api/cron/reconcile
// (serverless) and on an interval inside `npm run dev` / `npm start`.
import { ScanForPayError } from "../scanforpay/errors";
import type { OrdersDeps } from "./gateway";
import { applyPayResult, expirePayment, sendRefund } from "./payments";

export type ReconcileReport = { queried: number; changed: number; expired: number; refundsRetried: number; errors: number };

/** A payment is left alone for this long after it is created (the customer is still paying). */
export const QUIET_MS = 60_000;
/** How long the gateway may not know an attempt (a create that never landed) before it counts as failed. */
const UNKNOWN_GRACE_MS = 5 * 60_000;

export async function reconcile(deps: OrdersDeps, limit = 50): Promise<ReconcileReport> {
  const report: ReconcileReport = { queried: 0, changed: 0, expired: 0, refundsRetried: 0, errors: 0 };
  const now = deps.gateway.now();
  const pending = await deps.db.payment.findMany({
    where: { status: "pending", createdAt: { lte: new Date(now.getTime() - QUIET_MS) } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  for (const payment of pending) {
    report.queried++;
    try {
      const result = await deps.gateway.client(payment.id).payQuery({ partnerOrderNo: payment.partnerOrderNo });
      const outcome = await applyPayResult(deps, payment, result);
      if (outcome.applied && outcome.changed) {
        report.changed++;
        continue;
      }
    } catch (error) {
      if (!(error instanceof ScanForPayError)) throw error;
      // Unknown at the gateway long after we asked for it: the create never landed.
      if (error.code === 30 && payment.createdAt.getTime() < now.getTime() - UNKNOWN_GRACE_MS) {
        const failed = await deps.db.payment.updateMany({ where: { id: payment.id, status: "pending" }, data: { status: "failed", lastError: "the gateway never received this payment" } });
        if (failed.count) report.changed++;
        continue;
      }
      report.errors++;
    }
    if (payment.expiresAt && payment.expiresAt <= now) {
      const outcome = await expirePayment(deps, payment);
      if (outcome.applied && outcome.changed) report.expired++;
    }
  }
  const refunds = await deps.db.refund.findMany({ where: { status: "pending", updatedAt: { lte: new Date(now.getTime() - 30_000) } }, take: limit });
  for (const refund of refunds) {
    await sendRefund(deps, refund.id);
    report.refundsRetried++;
  }
  return report;
}
