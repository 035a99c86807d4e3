import type { MailHeader } from "@/lib/mail/headers";

/** A raw message's headers, unfolded and decoded, as a definition list. */
export function SandboxMailHeaders({ headers }: { headers: MailHeader[] }) {
  if (headers.length === 0) return <p className="text-sm text-stone-500">This message has no header block.</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[minmax(8rem,auto)_1fr]" data-testid="mail-headers">
      {headers.map((h, index) => (
        <div key={index} className="contents">
          <dt className="pt-1 font-mono text-xs font-semibold text-stone-600">{h.name}</dt>
          <dd className="border-b border-stone-100 pb-1 font-mono text-xs break-all sm:pt-1">{h.value}</dd>
        </div>
      ))}
    </dl>
  );
}
