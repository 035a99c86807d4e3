// /sandbox/webhook: what the sandbox's receiver was sent by the shop's webhook (newest first),
// each with its signature check: the integrator's side of the loop, with no account.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SandboxBanner } from "@/components/sandbox/banner";
import { SandboxWebhookEvent } from "@/components/sandbox/webhook-event";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { mailboxOpen } from "@/lib/sandbox/mailbox-access";
import { recentWebhooks } from "@/lib/sandbox/webhook";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: { absolute: "Sandbox webhook receiver" }, robots: { index: false } };

export default async function SandboxWebhookPage() {
  // Like the mailbox: open in sandbox mode, for a logged-in admin next to real credentials.
  if (!(await mailboxOpen())) notFound();
  const events = await recentWebhooks(prisma);
  const url = getEnv().mail.webhook?.url ?? null;
  // Only the sandbox's own receiver is named: a real ORDER_WEBHOOK_URL may carry a token.
  const target = url === null ? null : url.endsWith("/sandbox/webhook/receive") ? url : "your ORDER_WEBHOOK_URL";
  return (
    <div className="min-h-screen bg-stone-50 text-stone-900">
      <SandboxBanner />
      <main className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-2xl font-bold">Webhook receiver</h1>
        <p className="mt-2 text-sm text-stone-700">
          {target ? (
            <>
              The shop sends <code>order.paid</code>, <code>order.shipped</code> and <code>order.refunded</code> to{" "}
              <code className="break-all">{target}</code>.
            </>
          ) : (
            <>No webhook is configured (ORDER_WEBHOOK_URL).</>
          )}{" "}
          This page shows what arrived here, newest first, with the signature check a receiver makes.
        </p>
        {events.length === 0 ? (
          <p className="mt-8 rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">
            Nothing received yet. Pay for an order in the shop: its <code>order.paid</code> event arrives here within
            seconds.
          </p>
        ) : (
          <ol className="mt-6 space-y-4">
            {events.map((event) => (
              <li key={event.id}>
                <SandboxWebhookEvent event={event} />
              </li>
            ))}
          </ol>
        )}
      </main>
    </div>
  );
}
