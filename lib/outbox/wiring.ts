// The outbox as this app runs it: its database, mail and webhook from env, and the three ways
// a pass starts: the cron route (/api/cron/outbox), a timer on a long-running server
// (instrumentation.ts), and the request that caused a message, once it has answered (after()).
// Each pass also checks that reconciliation keeps to its schedule, and tells the merchant once
// per stall when it does not.
import { after } from "next/server";
import { prisma } from "../db";
import { getEnv } from "../env";
import { recordRun } from "../jobs/runs";
import type { PassLimits } from "../jobs/pass";
import { renderEmail } from "../mail/render";
import { smtpSender } from "../mail/transport";
import { outboxConfigOf } from "./config";
import { deliverOutbox, type OutboxDeps, type OutboxReport } from "./deliver";
import { reconcileLateAlert } from "./alerts";

export function appOutboxDeps(): OutboxDeps {
  const env = getEnv();
  return {
    db: prisma,
    now: () => new Date(),
    delayScale: env.mail.delayScale,
    context: { appUrl: env.appUrl, shopName: env.mail.shopName },
    mail: {
      transport: env.mail.transport,
      from: env.mail.from,
      merchantEmail: env.mail.merchantEmail,
      ...(env.SMTP_URL ? { smtp: smtpSender(env.SMTP_URL) } : {}),
    },
    webhook: env.mail.webhook,
    render: renderEmail,
  };
}

/** The merchant's "reconciliation is late" alert, with the app's set-up. */
export function checkReconcileLate(now = new Date()): Promise<boolean> {
  const env = getEnv();
  return reconcileLateAlert(prisma, outboxConfigOf(env), env.reconcile.intervalMs, now);
}

/**
 * One outbox pass with the app's set-up, written down for the dashboard. The cron and the timer
 * also look at reconciliation's schedule (`checkLate`); the passes after a response do not, so a
 * notify's follow-up reads nothing it does not need.
 */
export async function runOutbox(
  limits: Partial<PassLimits> = {},
  { checkLate = true }: { checkLate?: boolean } = {},
): Promise<OutboxReport & { reconcileLate: boolean }> {
  const startedAt = new Date();
  const reconcileLate = checkLate ? await checkReconcileLate(startedAt) : false;
  const report = await deliverOutbox(appOutboxDeps(), limits);
  await recordRun(prisma, "outbox", startedAt, report);
  return { ...report, reconcileLate };
}

/**
 * After the response of a request that wrote messages (a notify, a return, a back-office
 * action): a short pass, so mail goes out within seconds on any host, serverless included.
 * Whatever it does not reach, the cron (or the timer) sends. `first` must not throw.
 */
export function deliverOutboxAfterResponse(first?: () => Promise<void>): void {
  after(async () => {
    // Work that writes messages of its own (a duplicate's refund) goes first, then the pass sends them too.
    if (first) await first();
    try {
      await runOutbox({ budgetMs: 8_000 }, { checkLate: false });
    } catch (error) {
      console.error(`[outbox] delivery after the response: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
