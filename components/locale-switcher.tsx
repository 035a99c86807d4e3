"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { setLocale } from "@/app/actions/locale";
import { locales, type Locale } from "@/lib/i18n/locale";

const names: Record<Locale, string> = { en: "English", "zh-HK": "繁體中文", "zh-CN": "简体中文" };

/** A form, so it also works before JavaScript loads; with JavaScript it applies on change. */
export function LocaleSwitcher({ current, label, submitLabel }: { current: Locale; label: string; submitLabel: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <form
      action={(form) =>
        startTransition(async () => {
          await setLocale(form);
          router.refresh();
        })
      }
      className="flex items-center"
    >
      <label className="relative flex items-center">
        <span className="sr-only">{label}</span>
        <select
          name="locale"
          defaultValue={current}
          disabled={pending}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
          className="appearance-none rounded-lg border border-stone-200 bg-white py-1.5 pl-2 pr-7 text-sm text-stone-700 hover:border-stone-300 disabled:opacity-60"
        >
          {locales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {names[locale]}
            </option>
          ))}
        </select>
        <span aria-hidden className="pointer-events-none absolute right-2 text-xs text-stone-400">
          ▾
        </span>
      </label>
      <noscript>
        <button type="submit" className="ml-1 rounded border px-2 py-1 text-xs">
          {submitLabel}
        </button>
      </noscript>
    </form>
  );
}
