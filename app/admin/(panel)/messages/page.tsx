import Link from "next/link";
import { OutboxStatus } from "@/lib/generated/prisma/enums";
import { AdminMessageStatus } from "@/components/admin/message-status";
import { AdminResendMessage } from "@/components/admin/resend-message-form";
import { requireAdmin } from "@/lib/admin/guard";
import { getAdminText } from "@/lib/admin/text-server";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AdminPager } from "@/components/admin/pager";
import {
  listMessages,
  MESSAGE_STATUS_FILTERS,
  MESSAGE_TOPICS,
  messageFiltersSchema,
  topicLabel,
} from "@/lib/outbox/admin";

export const dynamic = "force-dynamic";
export const metadata = { title: { absolute: "Messages · Back office" } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminMessages({ searchParams }: Props) {
  await requireAdmin();
  const raw = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v !== undefined && v !== ""),
  );
  const filters = messageFiltersSchema.parse(raw);
  const [{ rows, count, pages }, text] = await Promise.all([listMessages(prisma, filters), getAdminText()]);
  const kept = Object.fromEntries(
    Object.entries({ status: filters.status, channel: filters.channel, topic: filters.topic, q: filters.q }).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
  const query = (page: number) => new URLSearchParams({ ...kept, page: String(page) }).toString();
  const select = "h-9 rounded-lg border border-stone-300 bg-white px-2 text-sm";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Messages</h1>
      <p className="max-w-3xl text-sm text-stone-600">
        Order mail, merchant alerts and webhooks, written with the change that causes them and delivered with retries. A
        message that failed for good can be sent again once the cause is fixed (SMTP settings, the webhook&apos;s
        receiver).
      </p>
      {getEnv().mail.transport === "sandbox" && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          No SMTP_URL is set: mail goes to the{" "}
          <Link href="/sandbox/mail" className="font-semibold underline">
            sandbox mailbox
          </Link>{" "}
          instead of being sent.
        </p>
      )}
      {getEnv().mail.transport === "none" && (
        <p role="status" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          No SMTP_URL is set: order mail cannot be sent and is kept here as failed. Set SMTP_URL and MAIL_FROM, then
          send it again.
        </p>
      )}
      <form
        method="get"
        className="flex flex-wrap items-end gap-2 rounded-xl border border-stone-200 bg-white p-3 text-sm"
      >
        <label className="flex flex-col">
          Recipient or order no.
          <input name="q" defaultValue={filters.q} placeholder="chan@example.com, HG-…" className={`${select} w-64`} />
        </label>
        <label className="flex flex-col">
          Status
          <select name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">Any</option>
            {MESSAGE_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {s === "overdue" ? "pending, overdue" : s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Channel
          <select name="channel" defaultValue={filters.channel ?? ""} className={select}>
            <option value="">Any</option>
            <option value="email">Email</option>
            <option value="webhook">Webhook</option>
          </select>
        </label>
        <label className="flex flex-col">
          Topic
          <select name="topic" defaultValue={filters.topic ?? ""} className={select}>
            <option value="">Any</option>
            {MESSAGE_TOPICS.map((t) => (
              <option key={t} value={t}>
                {topicLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <button className="h-9 rounded-lg bg-stone-900 px-4 font-semibold text-white">Filter</button>
        {Object.keys(kept).length > 0 && (
          <Link
            href="/admin/messages"
            className="h-9 rounded-lg border border-stone-300 px-3 leading-9 hover:bg-stone-100"
          >
            Clear
          </Link>
        )}
      </form>
      <p className="text-sm text-stone-600" data-testid="messages-summary">
        {count} message{count === 1 ? "" : "s"}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center text-stone-500">
          {Object.keys(kept).length > 0
            ? "No messages match."
            : "No messages yet: they appear here once orders are paid."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-stone-50 text-left text-stone-500">
              <tr>
                <th className="p-2">Created</th>
                <th className="p-2">Status</th>
                <th className="p-2">Topic</th>
                <th className="p-2">Recipient</th>
                <th className="p-2 text-right">Tries</th>
                <th className="p-2">Next try / sent</th>
                <th className="p-2">Last error</th>
                <th className="p-2">Order</th>
                <th className="p-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr
                  key={m.id}
                  className="border-t border-stone-100 align-top"
                  data-testid="admin-message"
                  data-id={m.id}
                >
                  <td className="p-2 whitespace-nowrap">{text.time(m.createdAt)}</td>
                  <td className="p-2">
                    <AdminMessageStatus message={m} />
                  </td>
                  <td className="p-2">
                    <span className="whitespace-nowrap">{topicLabel(m.topic)}</span>
                    <span className="block text-xs text-stone-500">
                      {m.channel === "email" ? "Email" : "Webhook"} · {m.topic}
                    </span>
                  </td>
                  <td className="max-w-56 min-w-40 p-2 break-words">
                    {m.shownRecipient ?? <span className="text-stone-400">not yet known</span>}
                    {m.subject && <span className="block text-xs break-normal text-stone-500">{m.subject}</span>}
                  </td>
                  <td className="p-2 text-right tabular-nums">{m.attempts}</td>
                  <td className="p-2 whitespace-nowrap">
                    {m.status === OutboxStatus.sent
                      ? m.sentAt
                        ? text.time(m.sentAt)
                        : "—"
                      : m.status === OutboxStatus.pending
                        ? text.time(m.nextAttemptAt)
                        : "—"}
                  </td>
                  <td className="max-w-72 p-2 text-xs break-words text-red-800">{m.lastError ?? ""}</td>
                  <td className="p-2">
                    {m.order ? (
                      <Link
                        href={`/admin/orders/${m.order.orderNo}`}
                        className="font-medium whitespace-nowrap text-teal-800 underline"
                      >
                        {m.order.orderNo}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="p-2">
                    {m.canResend && (
                      <AdminResendMessage
                        messageId={m.id}
                        label={`Send again: ${topicLabel(m.topic)} to ${m.shownRecipient ?? "the recipient"}`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminPager page={filters.page} pages={pages} href={(page) => `?${query(page)}`} />
    </div>
  );
}
