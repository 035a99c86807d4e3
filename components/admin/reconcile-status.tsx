// The dashboard's word on background work: when reconciliation last ran, what waits, and a
// plain warning when the scheduler has stopped calling it.
import Link from "next/link";
import type { ReconcileHealth } from "@/lib/admin/background";

function ago(from: Date, now: Date): string {
  const minutes = Math.round((now.getTime() - from.getTime()) / 60_000);
  if (minutes < 1) return "less than a minute ago";
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours ago` : `${Math.round(hours / 24)} days ago`;
}

function every(ms: number): string {
  if (ms % 86_400_000 === 0) return ms === 86_400_000 ? "once a day" : `every ${ms / 86_400_000} days`;
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? "every hour" : `every ${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return ms === 60_000 ? "every minute" : `every ${ms / 60_000} minutes`;
  return `every ${Math.round(ms / 1000)} seconds`;
}

export function AdminReconcileStatus({
  health,
  intervalMs,
  serverless,
  now,
  time,
}: {
  health: ReconcileHealth;
  intervalMs: number;
  serverless: boolean;
  now: Date;
  /** The back office's time format (lib/admin/text.ts): Hong Kong time, labelled HKT. */
  time: (date: Date) => string;
}) {
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} title={time(date)}>
      {ago(date, now)}
    </time>
  );
  const schedule = serverless
    ? `your scheduler calls /api/cron/reconcile ${every(intervalMs)} (RECONCILE_INTERVAL)`
    : "this server runs it every 30 seconds";
  return (
    <section
      aria-labelledby="reconcile-heading"
      data-testid="reconcile-status"
      data-state={health.state}
      className="rounded-xl border border-stone-200 bg-white p-4"
    >
      <h2 id="reconcile-heading" className="font-semibold">
        Reconciliation
      </h2>
      {health.state === "behind" && (
        <p role="status" className="mt-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          The last pass could not ask about everything that was due ({health.lastReport?.left ?? 0} left for the next).
          If this stays, run it more often (see the README, “Deploy to Vercel”).
        </p>
      )}
      {(health.state === "late" || health.state === "never") && (
        <p role="alert" className="mt-2 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {health.state === "never"
            ? "Reconciliation has never run, and payments are waiting. "
            : `Reconciliation has not run since ${ago(health.lastRunAt!, now)} (${time(health.lastRunAt!)}), longer than its schedule allows. `}
          Payments whose notify was lost stay pending and duplicate payments are not refunded until it runs. Check the
          cron job (Vercel → Settings → Cron Jobs) and that CRON_SECRET matches; see the README, “Deploy to Vercel”.
        </p>
      )}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-stone-500">Last run</dt>
        <dd data-testid="reconcile-last-run">
          {health.lastRunAt ? (
            <>
              {when(health.lastRunAt)} ({time(health.lastRunAt)})
              {health.lastReport
                ? ` · asked ${health.lastReport.queried ?? 0}, settled ${health.lastReport.changed ?? 0}, left ${health.lastReport.left ?? 0}${health.lastReport.outOfTime ? " (out of time)" : ""}`
                : ""}
            </>
          ) : (
            "not yet"
          )}
        </dd>
        <dt className="text-stone-500">Schedule</dt>
        <dd>{schedule}</dd>
        <dt className="text-stone-500">Waiting</dt>
        <dd data-testid="reconcile-waiting">
          {health.pendingPayments === 0 ? (
            "no pending payments"
          ) : (
            <Link href="/admin/orders?status=pending" className="underline">
              {health.pendingPayments} pending payment{health.pendingPayments === 1 ? "" : "s"}, the oldest from{" "}
              {when(health.oldestPendingAt!)} ({time(health.oldestPendingAt!)})
            </Link>
          )}
          {health.pendingRefunds > 0 &&
            ` · ${health.pendingRefunds} refund${health.pendingRefunds === 1 ? "" : "s"} to confirm`}
        </dd>
      </dl>
    </section>
  );
}
