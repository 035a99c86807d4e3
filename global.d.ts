// Type-checked message keys and locales for next-intl (useTranslations, getTranslations).
import type messages from "./messages/en.json";
import type { Locale } from "./lib/i18n/locale";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
