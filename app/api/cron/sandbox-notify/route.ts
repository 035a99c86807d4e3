// Delivers the sandbox's due notifies: for serverless hosts, where no worker runs between
// requests (Vercel Cron calls it; see vercel.json). With CRON_SECRET set, it needs
// `Authorization: Bearer ${CRON_SECRET}`, the Vercel Cron convention.
import { cronRefusal } from "@/lib/orders/cron-auth";
import { appSandboxDeps, sandboxEnabled, sandboxNotFound } from "@/lib/sandbox/route-support";
import { deliverDueNotifies } from "@/lib/sandbox/notify";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export async function GET(request: Request) {
  if (!sandboxEnabled()) return sandboxNotFound();
  const refusal = cronRefusal(request);
  if (refusal) return refusal;
  return Response.json(await deliverDueNotifies(appSandboxDeps()), { headers: { "cache-control": "no-store" } });
}
