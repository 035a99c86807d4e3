// Alerts no single change causes: reconciliation overdue for its schedule. Each outbox pass
// looks; the alert's key is the last run it has been waiting since, so a stall is told once.
import { reconcileHealth } from "../admin/background";
import type { Db } from "../db";
import { enqueue } from "./enqueue";
import type { OutboxConfig } from "./topics";

/** Writes the alert when reconciliation is late (or has never run while payments wait); answers whether it is. */
export async function reconcileLateAlert(
  db: Db,
  config: OutboxConfig,
  intervalMs: number,
  now = new Date(),
): Promise<boolean> {
  if (!config.merchant) return false;
  const health = await reconcileHealth(db, intervalMs, now);
  if (health.state !== "late" && health.state !== "never") return false;
  const since = (health.lastRunAt ?? health.oldestPendingAt ?? now).toISOString();
  await enqueue(db, { topic: "reconcile.late", lastRunAt: health.lastRunAt?.toISOString() ?? null, since }, config);
  return true;
}
