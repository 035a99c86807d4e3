// The orders domain as this app runs it: its database, ScanForPay from env, its public URL.
import { prisma } from "../db";
import { getEnv } from "../env";
import { recordRun } from "../jobs/runs";
import { outboxConfigOf } from "../outbox/config";
import { pruneLimits } from "../ratelimit/limiter";
import { scanForPayConfig } from "../scanforpay/config";
import { createGateway, type OrdersDeps } from "./gateway-wiring";
import { reconcile, type ReconcileReport } from "./reconcile";

export function appOrdersDeps(): OrdersDeps {
  const env = getEnv();
  return {
    db: prisma,
    gateway: createGateway(prisma, {
      config: scanForPayConfig(env),
      appUrl: env.appUrl,
      timeoutRule: env.CHECKOUT_TIMEOUT ?? "30m",
    }),
    delayScale: env.reconcile.delayScale,
    outbox: outboxConfigOf(env),
  };
}

/** One reconciliation pass with the configured budget and concurrency, written down for the dashboard. */
export async function runReconcile(): Promise<ReconcileReport> {
  const env = getEnv();
  const startedAt = new Date();
  const report = await reconcile(appOrdersDeps(), {
    budgetMs: env.reconcile.budgetMs,
    concurrency: env.reconcile.concurrency,
  });
  await recordRun(prisma, "reconcile", startedAt, report);
  // Rate-limit windows that ended an hour ago (login, rejected notifies) are gone with each pass.
  await pruneLimits(prisma);
  return report;
}
