import type { SandboxWebhook } from "@/lib/generated/prisma/client";
import { HK_TIME_ZONE } from "@/lib/hk-time";

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One delivery the sandbox's webhook receiver kept: type, id, time, signature check, headers and body. */
export function SandboxWebhookEvent({ event }: { event: SandboxWebhook }) {
  const headers = Object.entries((event.headers ?? {}) as Record<string, string>);
  return (
    <article
      className="rounded border border-stone-300 bg-white p-4 shadow-sm"
      aria-label={`${event.eventType} ${event.eventId}`}
    >
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="font-mono text-base font-semibold">{event.eventType}</h2>
        <span
          className={
            event.signatureValid
              ? "rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900"
              : "rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900"
          }
        >
          {event.signatureValid ? "signature valid" : "signature INVALID"}
        </span>
        <time className="ml-auto text-sm text-stone-600" dateTime={event.createdAt.toISOString()}>
          {event.createdAt.toLocaleString("en-GB", { timeZone: HK_TIME_ZONE })} HKT
        </time>
      </header>
      <p className="mt-1 break-all font-mono text-xs text-stone-600">event id {event.eventId}</p>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium">Headers</summary>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 font-mono text-xs">
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-stone-600">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <details className="mt-2" open>
        <summary className="cursor-pointer text-sm font-medium">Body</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded bg-stone-100 p-3 text-xs">{pretty(event.body)}</pre>
      </details>
    </article>
  );
}
