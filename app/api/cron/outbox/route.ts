// GET /api/cron/outbox: one delivery pass of the outbox (lib/outbox/deliver.ts): order mail,
// merchant alerts and webhooks due now or due again after a failure, claimed in the database
// so that overlapping calls never send one twice. Vercel Cron calls it (vercel.json), or any
// scheduler; with CRON_SECRET set it needs `Authorization: Bearer ${CRON_SECRET}`.
import { cronRefusal } from "@/lib/orders/cron-auth";
import { runOutbox } from "@/lib/outbox/wiring";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export async function GET(request: Request) {
  const refusal = cronRefusal(request);
  if (refusal) return refusal;
  return Response.json(await runOutbox({ budgetMs: 20_000 }), { headers: { "cache-control": "no-store" } });
}
