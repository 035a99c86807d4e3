// Which language a customer sees: the cookie set by the header's switcher, else the
// browser's Accept-Language (WeChat and Alipay send it too), else English.

export const locales = ["en", "zh-HK", "zh-CN"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Maps one language tag (any case) to a supported locale, or undefined. */
export function matchLanguageTag(tag: string): Locale | undefined {
  const t = tag.trim().toLowerCase().replace(/_/g, "-");
  if (t === "en" || t.startsWith("en-")) return "en";
  if (t !== "zh" && !t.startsWith("zh-")) return undefined;
  // Traditional script: explicit Hant, or the regions that write it.
  if (/^zh-hant\b/.test(t) || /^zh-(hk|mo|tw)\b/.test(t) || /-hant\b/.test(t)) return "zh-HK";
  // Simplified script: Hans, mainland China, Singapore, or plain "zh".
  return "zh-CN";
}

/** The best supported locale for an Accept-Language header, by quality then order. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const match = matchLanguageTag(entry.tag);
    if (match) return match;
  }
  return defaultLocale;
}

export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookieValue) ? cookieValue : negotiateLocale(acceptLanguage);
}
