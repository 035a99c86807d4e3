import Link from "next/link";
import { OutboxStatus } from "@/lib/generated/prisma/enums";
import { AdminMessageStatus } from "@/components/admin/message-status";
import { AdminResendMessage } from "@/components/admin/resend-message-form";
import { getAdminText } from "@/lib/admin/text-server";
import { prisma } from "@/lib/db";
import { messagesForOrder, topicLabel } from "@/lib/outbox/admin";

/** The order page's block: the mail, alerts and webhooks this order caused, with "send again" where it applies. */
export async function AdminOrderMessages({ orderId }: { orderId: string }) {
  const [messages, text] = await Promise.all([messagesForOrder(prisma, orderId), getAdminText()]);
  return (
    <section aria-labelledby="order-messages" className="rounded-xl border border-stone-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="order-messages" className="font-semibold">
          Messages
        </h2>
        <Link href="/admin/messages" className="text-teal-800 underline">
          All messages
        </Link>
      </div>
      {messages.length === 0 ? (
        <p className="mt-2 text-stone-500">No messages for this order yet (they are written once it is paid).</p>
      ) : (
        <ul className="mt-2">
          {messages.map((m) => (
            <li
              key={m.id}
              data-testid="admin-order-message"
              data-status={m.status}
              className="flex flex-wrap items-start gap-x-3 gap-y-1 border-t border-stone-100 py-2"
            >
              <AdminMessageStatus message={m} />
              <span className="font-medium">{topicLabel(m.topic)}</span>
              <span className="break-all text-stone-600">
                {m.channel === "webhook" ? "webhook" : "email"}
                {m.shownRecipient && <> to {m.shownRecipient}</>}
              </span>
              <span className="text-stone-500">
                {m.status === OutboxStatus.sent && m.sentAt
                  ? `sent ${text.time(m.sentAt)}`
                  : m.status === OutboxStatus.pending
                    ? `next try ${text.time(m.nextAttemptAt)}`
                    : `gave up after ${m.attempts} tr${m.attempts === 1 ? "y" : "ies"}`}
              </span>
              {m.lastError && <span className="basis-full text-xs text-red-800">Last error: {m.lastError}</span>}
              {m.canResend && (
                <div className="basis-full">
                  <AdminResendMessage messageId={m.id} label={`Send again: ${topicLabel(m.topic)}`} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
