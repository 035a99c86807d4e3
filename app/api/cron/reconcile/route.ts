// GET /api/cron/reconcile: query payments still pending after a minute, expire attempts past
// their timeout, retry pending refunds. Vercel Cron calls it (vercel.json); with CRON_SECRET
// set it needs `Authorization: Bearer ${CRON_SECRET}`.
import { cronRefusal } from "@/lib/orders/cron-auth";
import { appOrdersDeps } from "@/lib/orders/app";
import { reconcile } from "@/lib/orders/reconcile";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const refusal = cronRefusal(request);
  if (refusal) return refusal;
  return Response.json(await reconcile(appOrdersDeps()));
}
