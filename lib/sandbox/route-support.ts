// The sandbox gateway as this app serves it: the app's database, its public URL, its env.
import { prisma } from "../db";
import { getEnv } from "../env";
import { safeEqual } from "../safe-equal";
import { SANDBOX_PATH } from "../scanforpay/config";
import { after } from "next/server";
import type { SandboxDeps } from "./server";
import { deliverDueNotifies } from "./notify";

export function appSandboxDeps(): SandboxDeps {
  const env = getEnv();
  return {
    db: prisma,
    baseUrl: env.appUrl + SANDBOX_PATH,
    notifyDelayScale: env.sandboxNotifyDelayScale,
    // Long enough that the shop's own client gives up first.
    timeoutFaultMs: env.scanForPayTimeoutMs + 2_000,
  };
}

/** With real credentials configured, every /sandbox route is a 404 unless SANDBOX_ENABLED=true. */
export function sandboxEnabled(): boolean {
  return getEnv().sandboxEnabled;
}

/**
 * The control endpoints decide payments. In sandbox mode anyone may (it is a test gateway);
 * next to real credentials (SANDBOX_ENABLED=true, a staging site) they need the cron secret.
 */
export function controlRefusal(request: Request): Response | null {
  const env = getEnv();
  if (env.paymentMode === "sandbox") return null;
  if (env.CRON_SECRET && safeEqual(request.headers.get("authorization") ?? "", `Bearer ${env.CRON_SECRET}`))
    return null;
  return Response.json(
    {
      error:
        "the sandbox control endpoints need Authorization: Bearer ${CRON_SECRET} when real credentials are configured",
    },
    { status: 401 },
  );
}

export function sandboxNotFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * On a serverless host no worker runs between requests: the request that paid (a hosted
 * page's button, the control endpoint) delivers the notifies now due once it has answered,
 * in a short bounded pass. A long-running server's worker does it within a second anyway.
 */
export function deliverNotifiesAfterResponse(): void {
  if (!getEnv().serverless) return;
  after(async () => {
    try {
      await deliverDueNotifies(appSandboxDeps(), { budgetMs: 5_000 });
    } catch (error) {
      console.error(`[sandbox] notify delivery: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
