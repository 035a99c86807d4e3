// Reconciliation: what the gateway did not tell us, we ask. Run by GET /api/cron/reconcile
// (serverless) and on an interval inside `npm run dev` / `npm start`.
import { ScanForPayError } from "../scanforpay/errors";
import type { OrdersDeps } from "./gateway";
import { applyPayResult, expirePayment, failPayment, sendRefund } from "./payments";

export type ReconcileReport = { queried: number; changed: number; expired: number; refundsRetried: number; errors: number };

/** A payment is left alone for this long after it is created (the customer is still paying). */
export const QUIET_MS = 60_000;
/** How long the gateway may not know an attempt (a create that never landed) before it counts as failed. */
const UNKNOWN_GRACE_MS = 5 * 60_000;
/** After its timeout, an attempt still gets this long (a payment at 29:59 is notified a moment later). */
const EXPIRY_GRACE_MS = 2 * 60_000;
/** A pending refund waits 30 s × 2^(attempts-1) between sends (30 s, 1 min, 2 min … 32 min). */
const refundBackoffMs = (attempts: number) => 30_000 * 2 ** Math.min(Math.max(attempts - 1, 0), 6);

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
      // Expired only on the gateway's own word that it is still unpaid, after a grace period;
      // never because a query failed (the customer may have paid during an outage).
      if (outcome.applied && payment.expiresAt && payment.expiresAt.getTime() + EXPIRY_GRACE_MS <= now.getTime()) {
        const expired = await expirePayment(deps, payment);
        if (expired.applied && expired.changed) report.expired++;
      }
    } catch (error) {
      if (!(error instanceof ScanForPayError)) throw error;
      // Unknown at the gateway long after we asked for it: the create never landed.
      if (error.code === 30 && payment.createdAt.getTime() < now.getTime() - UNKNOWN_GRACE_MS) {
        await deps.db.payment.update({ where: { id: payment.id }, data: { lastError: "the gateway never received this payment" } });
        const failed = await failPayment(deps, payment);
        if (failed.applied && failed.changed) report.changed++;
        continue;
      }
      report.errors++;
    }
  }
  const refunds = await deps.db.refund.findMany({ where: { status: "pending" }, orderBy: { updatedAt: "asc" }, take: limit });
  for (const refund of refunds) {
    if (refund.updatedAt.getTime() + refundBackoffMs(refund.attempts) > now.getTime()) continue;
    await sendRefund(deps, refund.id);
    report.refundsRetried++;
  }
  return report;
}
