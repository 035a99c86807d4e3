// Delivers the sandbox's due notifies: for serverless hosts, where no worker runs between
// requests (Vercel Cron calls it; see vercel.json). With CRON_SECRET set, it needs
// `Authorization: Bearer ${CRON_SECRET}`, the Vercel Cron convention.
import { getEnv } from "@/lib/env";
import { appSandboxDeps, sandboxEnabled, sandboxNotFound } from "@/lib/sandbox/app";
import { deliverDueNotifies } from "@/lib/sandbox/notify";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!sandboxEnabled()) return sandboxNotFound();
  const secret = getEnv().CRON_SECRET;
  if (secret && request.headers.get("authorization") !== `Bearer ${secret}`) {
    return Response.json({ error: "unauthorised" }, { status: 401 });
  }
  const attempts = await deliverDueNotifies(appSandboxDeps());
  return Response.json({ attempts });
}
