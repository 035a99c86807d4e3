// Runs once when a Next.js server starts (`next dev`, `next start`, and each serverless
// function instance on Vercel).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("./lib/security/forbidden-methods")).refuseForbiddenMethods();
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  for (const notice of env.notices) console.warn(`[config] ${notice}`);
  // Serverless (Vercel, SERVERLESS=1): an instance is frozen between requests, so a timer
  // here would not run. Reconciliation and notify delivery run from routes instead
  // (/api/cron/*, the status polling, the return, the sandbox's own pages).
  if (env.serverless) {
    console.log(
      "[background] serverless mode: no timers here; reconciliation runs from /api/cron/reconcile and on demand",
    );
    return;
  }
  const [{ sandboxEnabled, appSandboxDeps }, { startNotifyWorker }, { runReconcile }, { runOutbox }] =
    await Promise.all([
      import("./lib/sandbox/route-support"),
      import("./lib/sandbox/notify"),
      import("./lib/orders/shop-wiring"),
      import("./lib/outbox/wiring"),
    ]);
  // The sandbox gateway's notify worker: on a long-running server, notifies go out within a second.
  if (sandboxEnabled()) startNotifyWorker(appSandboxDeps());
  // A reconciliation pass every 30 s; passes claim their rows, so several servers may run it.
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runReconcile()
      .catch((error: unknown) => console.error(`[reconcile] ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  }, 30_000);
  timer.unref?.();
  // The outbox every 15 s: retries, and anything the request that wrote it did not send.
  let sending = false;
  const outboxTimer = setInterval(() => {
    if (sending) return;
    sending = true;
    runOutbox()
      .catch((error: unknown) => console.error(`[outbox] ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        sending = false;
      });
  }, 15_000);
  outboxTimer.unref?.();
  console.log("[background] reconciliation every 30 s and the outbox every 15 s in this process");
}
