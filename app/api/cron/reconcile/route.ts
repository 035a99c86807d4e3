// GET /api/cron/reconcile: one reconciliation pass (lib/orders/reconcile.ts): refunds due
// again, pending payments due a query, expiry on the gateway's word; within
// RECONCILE_BUDGET_MS, claimed in the database so that overlapping calls never repeat work.
// Vercel Cron calls it (vercel.json), or any scheduler; with CRON_SECRET set it needs
// `Authorization: Bearer ${CRON_SECRET}`. Answers the pass's report, `left` saying what waits.
import { cronRefusal } from "@/lib/orders/cron-auth";
import { runReconcile } from "@/lib/orders/shop-wiring";
import { deliverOutboxAfterResponse } from "@/lib/outbox/wiring";

export const dynamic = "force-dynamic";
// Well above the pass's own budget (20 s by default), within every Vercel plan's limit.
export const maxDuration = 60;

export async function GET(request: Request) {
  const refusal = cronRefusal(request);
  if (refusal) return refusal;
  const report = await runReconcile();
  // What the pass settled (paid, refunded) wrote its messages: sent after the answer.
  deliverOutboxAfterResponse();
  return Response.json(report, { headers: { "cache-control": "no-store" } });
}
