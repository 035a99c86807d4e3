// Runs once when a Next.js server starts (`next dev`, `next start`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ sandboxEnabled, appSandboxDeps }, { startNotifyWorker }, { appOrdersDeps }, { reconcile }] = await Promise.all([
    import("./lib/sandbox/app"),
    import("./lib/sandbox/notify"),
    import("./lib/orders/app"),
    import("./lib/orders/reconcile"),
  ]);
  // The sandbox gateway's notify worker: on a long-running server, notifies go out within
  // a second. (Serverless hosts use GET /api/cron/sandbox-notify instead.)
  if (sandboxEnabled()) startNotifyWorker(appSandboxDeps());
  // Reconciliation every 30 s (serverless hosts: GET /api/cron/reconcile).
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reconcile(appOrdersDeps())
      .catch((error: unknown) => console.error(`[reconcile] ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  }, 30_000);
  timer.unref?.();
}
