// Notify delivery: a signed POST of the payment result to the merchant's notifyUrl, retried
// on anything but the exact body `success`, on API.md's schedule: immediately, then 15 s,
// 1 min, 5 min, 30 min and 2 h later (scaled by notifyDelayScale), then given up.
// Driven by an in-process worker (long-running server) and by a cron route (serverless);
// each attempt is claimed with a conditional update first, so the two never both send it.
import type { SandboxNotify, SandboxOrder } from "../generated/prisma/client";
import { nowOf, payResultBody, signedResponse, type SandboxDeps } from "./gateway";

/** Seconds to wait before attempt n+1, after n failed attempts (index n-1). */
export const RETRY_SCHEDULE_SECONDS = [15, 60, 5 * 60, 30 * 60, 2 * 60 * 60] as const;
export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length + 1;
const CLAIM_MS = 60_000;
const DELIVERY_TIMEOUT_MS = 10_000;

export type NotifyMode = "normal" | "duplicate" | "before-return" | "delayed" | "none";

/** Queues the notify(s) for a paid order; `delayed` waits 20 s (scaled) before the first try. */
export async function queueNotifies(deps: SandboxDeps, order: SandboxOrder, mode: NotifyMode): Promise<SandboxNotify[]> {
  if (!order.notifyUrl || mode === "none") return [];
  const now = nowOf(deps);
  const payload = signedResponse(deps, payResultBody(order, now));
  const scale = deps.notifyDelayScale ?? 1;
  const dueAt = mode === "delayed" ? new Date(now.getTime() + 20_000 * scale) : now;
  const copies = mode === "duplicate" ? 3 : 1;
  const created: SandboxNotify[] = [];
  for (let i = 0; i < copies; i++) created.push(await deps.db.sandboxNotify.create({ data: { orderId: order.id, payload, dueAt } }));
  return created;
}

/** Sends every notify attempt that is due. Returns how many attempts were made. */
export async function deliverDueNotifies(deps: SandboxDeps, limit = 25): Promise<number> {
  const now = nowOf(deps);
  const due = await deps.db.sandboxNotify.findMany({
    where: { status: "pending", dueAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    orderBy: { dueAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let attempts = 0;
  for (const { id } of due) if (await deliverNotify(deps, id)) attempts++;
  return attempts;
}

/** One attempt at one notify, if it can be claimed. Resolves to whether an attempt was made. */
export async function deliverNotify(deps: SandboxDeps, id: string): Promise<boolean> {
  const now = nowOf(deps);
  const claimed = await deps.db.sandboxNotify.updateMany({
    where: { id, status: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + CLAIM_MS) },
  });
  if (claimed.count === 0) return false;
  const notify = await deps.db.sandboxNotify.findUniqueOrThrow({ where: { id }, include: { order: true } });
  const url = notify.order.notifyUrl;
  let status = 0;
  let text = "";
  try {
    if (!url) throw new Error("no notifyUrl");
    const response = await (deps.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: notify.payload,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      redirect: "manual",
    });
    status = response.status;
    text = (await response.text()).slice(0, 2000);
  } catch (error) {
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
  return true;
}

/** Polls for due notifies until stopped (the long-running server's worker). */
export function startNotifyWorker(deps: SandboxDeps, intervalMs = 1000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueNotifies(deps)
      .catch((error: unknown) => console.error(`[sandbox] notify worker: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
