// One message of the sandbox mailbox: the HTML in a sandboxed frame (served by ./html with a
// CSP of its own), its links (which do not open inside that frame), the plain text, the
// headers and the raw source.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SandboxMailBanner } from "@/components/sandbox/mail-banner";
import { SandboxMailHeaders } from "@/components/sandbox/mail-headers";
import { SandboxMailTopicBadge } from "@/components/sandbox/mail-topic-badge";
import { prisma } from "@/lib/db";
import { HK_TIME_ZONE } from "@/lib/hk-time";
import { parseHeaders } from "@/lib/mail/headers";
import { getSandboxMail, mailLinks } from "@/lib/sandbox/mailbox";
import { mailboxOpen } from "@/lib/sandbox/mailbox-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "SANDBOX mailbox" }, robots: { index: false } };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: HK_TIME_ZONE });

export default async function SandboxMailMessage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await mailboxOpen())) notFound();
  const mail = await getSandboxMail(prisma, (await params).id);
  if (!mail) notFound();
  const headers = parseHeaders(mail.raw);
  const links = mail.html ? mailLinks(mail.html) : [];
  const section = "space-y-2 rounded-xl border border-stone-200 bg-white p-4";
  return (
    <div lang="en" className="flex flex-1 flex-col bg-stone-50">
      <SandboxMailBanner />
      <main className="mx-auto w-full max-w-5xl flex-1 space-y-4 px-4 py-6">
        <p>
          <Link href={`/sandbox/mail?to=${encodeURIComponent(mail.to)}`} className="text-sm text-teal-800 underline">
            ← Mail to {mail.to}
          </Link>{" "}
          <span className="text-sm text-stone-400">·</span>{" "}
          <Link href="/sandbox/mail" className="text-sm text-teal-800 underline">
            All mail
          </Link>
        </p>
        <div className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-bold break-words" data-testid="mail-subject">
              {mail.subject || "(no subject)"}
            </h1>
            {mail.topic && <SandboxMailTopicBadge topic={mail.topic} />}
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-stone-700">
            <dt className="text-stone-500">From</dt>
            <dd className="break-all">{mail.from}</dd>
            <dt className="text-stone-500">To</dt>
            <dd className="break-all" data-testid="mail-to">
              {mail.to}
            </dd>
            <dt className="text-stone-500">Received</dt>
            <dd>
              <time dateTime={mail.createdAt.toISOString()}>{time.format(mail.createdAt)} HKT</time>
            </dd>
          </dl>
        </div>

        <section aria-labelledby="mail-html" className={section}>
          <h2 id="mail-html" className="font-semibold">
            HTML
          </h2>
          {mail.html ? (
            <>
              <iframe
                src={`/sandbox/mail/${mail.id}/html`}
                sandbox=""
                title={`HTML of “${mail.subject}”`}
                referrerPolicy="no-referrer"
                data-testid="mail-preview"
                className="h-[70vh] w-full resize-y rounded-lg border border-stone-200 bg-white"
              />
              {links.length > 0 && (
                <div>
                  <h3 className="text-sm font-semibold">Links in this message</h3>
                  <p className="text-xs text-stone-500">The preview does not open links: use these.</p>
                  <ul className="mt-1 space-y-1 text-sm" data-testid="mail-links">
                    {links.map((l) => (
                      <li key={l.href} className="break-all">
                        <a href={l.href} className="text-teal-800 underline">
                          {l.text}
                        </a>{" "}
                        <span className="text-xs text-stone-500">{l.href}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          ) : (
            <p className="text-sm text-stone-500">This message has no HTML part.</p>
          )}
        </section>

        <section aria-labelledby="mail-text" className={section}>
          <h2 id="mail-text" className="font-semibold">
            Plain text
          </h2>
          {mail.text ? (
            <pre
              data-testid="mail-text"
              className="overflow-x-auto rounded-lg bg-stone-50 p-3 font-mono text-xs whitespace-pre-wrap break-words"
            >
              {mail.text}
            </pre>
          ) : (
            <p className="text-sm text-stone-500">This message has no plain-text part.</p>
          )}
        </section>

        <section aria-labelledby="mail-headers" className={section}>
          <h2 id="mail-headers" className="font-semibold">
            Headers
          </h2>
          <SandboxMailHeaders headers={headers} />
          <details>
            <summary className="cursor-pointer text-sm font-semibold">Raw message</summary>
            <pre className="mt-2 max-h-[60vh] overflow-auto rounded-lg bg-stone-50 p-3 font-mono text-xs whitespace-pre-wrap break-all">
              {mail.raw}
            </pre>
          </details>
        </section>
      </main>
    </div>
  );
}
