// Runs once when a Next.js server starts (`next dev`, `next start`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ sandboxEnabled, appSandboxDeps }, { startNotifyWorker }] = await Promise.all([import("./lib/sandbox/app"), import("./lib/sandbox/notify")]);
  // The sandbox gateway's notify worker: on a long-running server, notifies go out within
  // a second. (Serverless hosts use GET /api/cron/sandbox-notify instead.)
  if (sandboxEnabled()) startNotifyWorker(appSandboxDeps());
}
