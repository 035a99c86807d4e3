// The sandbox mailbox: every message the shop would have sent (order mail, merchant alerts)
// when no SMTP is configured, newest first. English, like the rest of the sandbox's tools.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SandboxMailBanner } from "@/components/sandbox/mail-banner";
import { SandboxMailClearForm } from "@/components/sandbox/mail-clear-form";
import { SandboxMailTopicBadge } from "@/components/sandbox/mail-topic-badge";
import { prisma } from "@/lib/db";
import { HK_TIME_ZONE } from "@/lib/hk-time";
import { listSandboxMail, mailboxFiltersSchema } from "@/lib/sandbox/mailbox";
import { mailboxOpen } from "@/lib/sandbox/mailbox-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "SANDBOX mailbox" }, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: HK_TIME_ZONE });

export default async function SandboxMailbox({ searchParams }: Props) {
  if (!(await mailboxOpen())) notFound();
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filters = mailboxFiltersSchema.parse({ to: first(params.to) || undefined, page: first(params.page) });
  const cleared = first(params.cleared) === "1";
  const { rows, count, pages } = await listSandboxMail(prisma, filters);
  const query = (page: number) =>
    new URLSearchParams({ ...(filters.to ? { to: filters.to } : {}), page: String(page) }).toString();
  return (
    <div lang="en" className="flex flex-1 flex-col bg-stone-50">
      <SandboxMailBanner />
      <main className="mx-auto w-full max-w-5xl flex-1 space-y-4 px-4 py-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-bold">Sandbox mailbox</h1>
          <p className="text-sm text-stone-600">
            With no SMTP_URL set, order mail and merchant alerts land here instead of being sent.
          </p>
        </div>
        {cleared && (
          <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">
            The mailbox was cleared.
          </p>
        )}
        <div className="flex flex-wrap items-end justify-between gap-2">
          <form method="get" role="search" className="flex flex-wrap items-end gap-2 text-sm">
            <label className="flex flex-col">
              Recipient
              <input
                type="search"
                name="to"
                defaultValue={filters.to}
                placeholder="you@example.com"
                className="h-9 w-72 max-w-full rounded-lg border border-stone-300 bg-white px-2"
              />
            </label>
            <button className="h-9 rounded-lg bg-stone-900 px-4 font-semibold text-white">Filter</button>
            {filters.to && (
              <Link
                href="/sandbox/mail"
                className="h-9 rounded-lg border border-stone-300 px-3 leading-9 hover:bg-stone-100"
              >
                Show all
              </Link>
            )}
          </form>
          {count > 0 && !filters.to && <SandboxMailClearForm />}
        </div>
        <p className="text-sm text-stone-600" data-testid="mail-count">
          {count} message{count === 1 ? "" : "s"}
          {filters.to && <> to addresses containing “{filters.to}”</>}
        </p>
        {rows.length === 0 ? (
          <div className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center">
            <h2 className="font-semibold">{filters.to ? "No messages for this recipient" : "The mailbox is empty"}</h2>
            <p className="mt-1 text-sm text-stone-600">
              {filters.to
                ? "Check the address, or wait a moment: mail is delivered by a background pass within seconds."
                : "Place and pay an order in the shop: its confirmation appears here within seconds."}
            </p>
          </div>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white" aria-label="Messages">
            {rows.map((m) => (
              <li key={m.id} data-testid="sandbox-mail" data-id={m.id}>
                <Link
                  href={`/sandbox/mail/${m.id}`}
                  className="flex flex-col gap-1 p-3 hover:bg-stone-50 sm:flex-row sm:items-center sm:gap-4"
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-semibold text-teal-900 underline-offset-2 hover:underline">
                      {m.subject || "(no subject)"}
                    </span>
                    <span className="block truncate text-sm text-stone-600">To {m.to}</span>
                  </span>
                  {m.topic && <SandboxMailTopicBadge topic={m.topic} />}
                  <time dateTime={m.createdAt.toISOString()} className="text-xs whitespace-nowrap text-stone-500">
                    {time.format(m.createdAt)} HKT
                  </time>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
            {filters.page > 1 && <Link href={`?${query(filters.page - 1)}`}>← Newer</Link>}
            <span>
              Page {filters.page} of {pages}
            </span>
            {filters.page < pages && <Link href={`?${query(filters.page + 1)}`}>Older →</Link>}
          </nav>
        )}
      </main>
    </div>
  );
}
