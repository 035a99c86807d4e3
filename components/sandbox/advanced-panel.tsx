import type { NotifyMode } from "@/lib/sandbox/notify";

const NOTIFY_OPTIONS = [
  ["normal", "Normal: one notify, retried until acknowledged"],
  ["duplicate", "Duplicate: the same notify three times"],
  ["before-return", "Before the browser returns"],
  ["delayed", "Delayed: after the browser returns"],
  ["none", "None: never notify"],
] as const satisfies readonly (readonly [NotifyMode, string])[];

/** Sandbox-only settings sent with whichever outcome button is pressed. */
export function SandboxAdvancedPanel() {
  return (
    <details className="mt-6 rounded-xl border border-dashed border-amber-500 bg-amber-50 text-left text-sm text-amber-950">
      <summary className="cursor-pointer rounded-xl px-4 py-3 font-semibold">Advanced (sandbox)</summary>
      <div className="px-4 pb-4">
        <label htmlFor="sandbox-notify" className="block font-medium">
          Notify after payment
        </label>
        <select
          id="sandbox-notify"
          name="notify"
          defaultValue="normal"
          aria-describedby="sandbox-notify-hint"
          className="mt-1 block h-11 w-full max-w-lg rounded-lg border border-amber-400 bg-white px-3 text-base text-stone-900"
        >
          {NOTIFY_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <p id="sandbox-notify-hint" className="mt-2 text-xs">
          How the gateway tells the shop&apos;s notify URL about a successful payment. Failures and cancellations send
          no notify.
        </p>
      </div>
    </details>
  );
}
