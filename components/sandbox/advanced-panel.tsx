import { useTranslations } from "next-intl";
import type { NotifyMode } from "@/lib/sandbox/notify";

/** Each notify mode and its message key under sandbox.advanced.notify. */
const NOTIFY_OPTIONS = [
  ["normal", "normal"],
  ["duplicate", "duplicate"],
  ["before-return", "beforeReturn"],
  ["delayed", "delayed"],
  ["none", "none"],
] as const satisfies readonly (readonly [NotifyMode, string])[];

/** Sandbox-only settings sent with whichever outcome button is pressed. */
export function SandboxAdvancedPanel() {
  const t = useTranslations("sandbox.advanced");
  return (
    <details className="rounded-xl border border-dashed border-amber-500 bg-amber-50 text-left text-sm text-amber-950">
      <summary className="cursor-pointer rounded-xl px-4 py-3 font-semibold">{t("summary")}</summary>
      <div className="px-4 pb-4">
        <label htmlFor="sandbox-notify" className="block font-medium">
          {t("notifyLabel")}
        </label>
        <select
          id="sandbox-notify"
          name="notify"
          defaultValue="normal"
          aria-describedby="sandbox-notify-hint"
          className="mt-1 block h-11 w-full max-w-lg rounded-lg border border-amber-400 bg-white px-3 text-base text-stone-900"
        >
          {NOTIFY_OPTIONS.map(([value, key]) => (
            <option key={value} value={value}>
              {t(`notify.${key}`)}
            </option>
          ))}
        </select>
        <p id="sandbox-notify-hint" className="mt-2 text-xs">
          {t("notifyHint")}
        </p>
      </div>
    </details>
  );
}
