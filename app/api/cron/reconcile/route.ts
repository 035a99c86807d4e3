// GET /api/cron/reconcile: query payments still pending after a minute, expire attempts past
// their timeout, retry pending refunds. Vercel Cron calls it (vercel.json); with CRON_SECRET
// set it needs `Authorization: Bearer ${CRON_SECRET}`.
import { getEnv } from "@/lib/env";
import { appOrdersDeps } from "@/lib/orders/app";
import { reconcile } from "@/lib/orders/reconcile";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const secret = getEnv().CRON_SECRET;
  if (secret && request.headers.get("authorization") !== `Bearer ${secret}`) return Response.json({ error: "unauthorised" }, { status: 401 });
  return Response.json(await reconcile(appOrdersDeps()));
}
