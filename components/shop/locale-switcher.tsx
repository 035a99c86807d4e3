"use client";
import { useFormStatus } from "react-dom";
import { setLocale } from "@/app/actions/locale";
import { locales, type Locale } from "@/lib/i18n/locale";

/** Each language is named in itself, whatever the page's language. */
const names: Record<Locale, string> = { en: "English", "zh-HK": "繁體中文", "zh-CN": "简体中文" };

/**
 * A form posting to a server action: it works before JavaScript loads (with the noscript
 * button); with JavaScript, choosing a language applies it at once.
 */
export function LocaleSwitcher({
  current,
  label,
  submitLabel,
}: {
  current: Locale;
  label: string;
  submitLabel: string;
}) {
  return (
    // Keyed by the language: React resets a form after its action, which would put the select
    // back to the language it was first rendered with; a new language is a new form.
    <form key={current} action={setLocale} className="flex items-center">
      <LocaleSelect current={current} label={label} />
      <noscript>
        <button type="submit" className="ml-1 rounded border px-2 py-1 text-xs">
          {submitLabel}
        </button>
      </noscript>
    </form>
  );
}

function LocaleSelect({ current, label }: { current: Locale; label: string }) {
  const { pending } = useFormStatus();
  return (
    <label className="relative flex items-center">
      <span className="sr-only">{label}</span>
      <select
        name="locale"
        defaultValue={current}
        aria-busy={pending || undefined}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="appearance-none rounded-lg border border-stone-200 bg-white py-1.5 pl-2 pr-7 text-sm text-stone-700 hover:border-stone-300 aria-busy:opacity-60"
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
  );
}
