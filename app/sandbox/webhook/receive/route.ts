// POST /sandbox/webhook/receive: the sandbox's stand-in for a merchant's system receiving the
// shop's signed webhook (lib/sandbox/webhook.ts). 404 when the sandbox is off.
import { getEnv, SANDBOX_WEBHOOK_SECRET } from "@/lib/env";
import { prisma } from "@/lib/db";
import { sandboxEnabled, sandboxNotFound } from "@/lib/sandbox/route-support";
import { MAX_WEBHOOK_BYTES, receiveWebhook } from "@/lib/sandbox/webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!sandboxEnabled()) return sandboxNotFound();
  if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES)
    return Response.json({ received: false, error: "body too large" }, { status: 413 });
  const body = await request.text();
  const answer = await receiveWebhook(
    prisma,
    getEnv().mail.webhook?.secret ?? SANDBOX_WEBHOOK_SECRET,
    request.headers,
    body,
  );
  return Response.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store" } });
}
