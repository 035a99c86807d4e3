import type { MessageRow } from "@/lib/outbox/admin";

const STYLES = {
  sent: "bg-emerald-100 text-emerald-900",
  pending: "bg-sky-100 text-sky-900",
  overdue: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
} as const;

/** A message's status as a badge: sent, pending, overdue (pending, no pass has picked it up) or failed. */
export function AdminMessageStatus({ message }: { message: Pick<MessageRow, "status" | "overdue"> }) {
  const kind = message.overdue ? "overdue" : message.status;
  return (
    <span
      data-testid="message-status"
      data-status={kind}
      className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STYLES[kind]}`}
    >
      {message.overdue ? "pending, overdue" : message.status}
    </span>
  );
}
