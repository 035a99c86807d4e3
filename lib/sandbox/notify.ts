// Notify delivery: a signed POST of the payment result to the merchant's notifyUrl, retried
// on anything but the exact body `success`, on API.md's schedule: immediately, then 15 s,
// 1 min, 5 min, 30 min and 2 h later (scaled by notifyDelayScale), then given up.
// Driven by an in-process worker (long-running server), by a cron route, and on serverless
// hosts also right after the request that paid (the hosted page's button, the control
// endpoint); each attempt is claimed in the database first, so no two ever both send it.
import type { SandboxNotify, SandboxOrder } from "../generated/prisma/client";
import { runPass, type PassLimits } from "../jobs/pass";
import { nowOf, payResultBody, signedResponse, type SandboxDeps } from "./server";

/** Seconds to wait before attempt n+1, after n failed attempts (index n-1). */
export const RETRY_SCHEDULE_SECONDS = [15, 60, 5 * 60, 30 * 60, 2 * 60 * 60] as const;
export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length + 1;
const CLAIM_MS = 60_000;
const DELIVERY_TIMEOUT_MS = 10_000;

export type NotifyMode = "normal" | "duplicate" | "before-return" | "delayed" | "none";

/** Queues the notify(s) for a paid order; `delayed` waits 20 s (scaled) before the first try. */
export async function queueNotifies(
  deps: SandboxDeps,
  order: SandboxOrder,
  mode: NotifyMode,
): Promise<SandboxNotify[]> {
  if (!order.notifyUrl || mode === "none") return [];
  const now = nowOf(deps);
  const payload = signedResponse(deps, payResultBody(order, now));
  const scale = deps.notifyDelayScale ?? 1;
  const dueAt = mode === "delayed" ? new Date(now.getTime() + 20_000 * scale) : now;
  const copies = mode === "duplicate" ? 3 : 1;
  const created: SandboxNotify[] = [];
  for (let i = 0; i < copies; i++)
    created.push(await deps.db.sandboxNotify.create({ data: { orderId: order.id, payload, dueAt } }));
  return created;
}

export type DeliveryReport = { attempts: number; left: number; outOfTime: boolean; elapsedMs: number };

export const DELIVERY_DEFAULTS: PassLimits = { budgetMs: 10_000, concurrency: 4, limit: 200 };

/** Claims the notify due first (a lease on it), or null when none is due. */
async function claimDue(deps: SandboxDeps): Promise<string | null> {
  const now = nowOf(deps);
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE "SandboxNotify" SET "lockedUntil" = ${new Date(now.getTime() + CLAIM_MS)}
    WHERE "id" = (
      SELECT "id" FROM "SandboxNotify"
      WHERE "status" = 'pending' AND "dueAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "dueAt" ASC
      LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/**
 * Sends the notify attempts that are due: one bounded pass (a time budget, a few at once),
 * each claimed first, so that the worker, the cron route and any number of serverless
 * instances never send one attempt twice.
 */
export async function deliverDueNotifies(deps: SandboxDeps, limits: Partial<PassLimits> = {}): Promise<DeliveryReport> {
  let attempts = 0;
  const pass = await runPass(
    { ...DELIVERY_DEFAULTS, ...limits },
    () => claimDue(deps),
    async (id, signal) => {
      await attempt(deps, id, signal);
      attempts++;
    },
    (error) => console.error(`[sandbox] notify delivery: ${error instanceof Error ? error.message : String(error)}`),
  );
  const now = nowOf(deps);
  const left = await deps.db.sandboxNotify.count({
    where: { status: "pending", dueAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
  return { attempts, left, outOfTime: pass.outOfTime, elapsedMs: pass.elapsedMs };
}

/** One attempt at one notify, if it can be claimed. Resolves to whether an attempt was made. */
export async function deliverNotify(deps: SandboxDeps, id: string): Promise<boolean> {
  const now = nowOf(deps);
  const claimed = await deps.db.sandboxNotify.updateMany({
    where: { id, status: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + CLAIM_MS) },
  });
  if (claimed.count === 0) return false;
  await attempt(deps, id);
  return true;
}

/** POSTs a claimed notify once and records the answer: delivered, due again later, or given up. */
async function attempt(deps: SandboxDeps, id: string, signal?: AbortSignal): Promise<void> {
  const notify = await deps.db.sandboxNotify.findUniqueOrThrow({ where: { id }, include: { order: true } });
  const url = notify.order.notifyUrl;
  let status = 0;
  let text = "";
  try {
    if (!url) throw new Error("no notifyUrl");
    const timeout = AbortSignal.timeout(DELIVERY_TIMEOUT_MS);
    const response = await (deps.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: notify.payload,
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      redirect: "manual",
    });
    status = response.status;
    text = (await response.text()).slice(0, 2000);
  } catch (error) {
    if (signal?.aborted) {
      // Stopped by the pass's budget: not an attempt; due again for the next pass.
      await deps.db.sandboxNotify.update({ where: { id }, data: { lockedUntil: null } });
      return;
    }
    text = `(delivery failed: ${error instanceof Error ? error.message : String(error)})`;
  }
  const attempts = notify.attempts + 1;
  const delivered = text === "success";
  const after = nowOf(deps);
  const nextDelay = RETRY_SCHEDULE_SECONDS[attempts - 1];
  await deps.db.sandboxNotify.update({
    where: { id },
    data: {
      attempts,
      lastStatus: status || null,
      lastAnswer: text,
      lockedUntil: null,
      ...(delivered
        ? { status: "delivered", deliveredAt: after }
        : nextDelay === undefined
          ? { status: "failed" }
          : { dueAt: new Date(after.getTime() + nextDelay * 1000 * (deps.notifyDelayScale ?? 1)) }),
    },
  });
}

/** Polls for due notifies until stopped (the long-running server's worker). */
export function startNotifyWorker(deps: SandboxDeps, intervalMs = 1000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueNotifies(deps)
      .catch((error: unknown) =>
        console.error(`[sandbox] notify worker: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
