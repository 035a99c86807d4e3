// next-intl: the locale and messages of each request (no locale in the URL). A locale asked
// for explicitly (getTranslations({ locale: "en" }), as the back office does) wins.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { HK_TIME_ZONE } from "@/lib/hk-time";
import { isLocale, LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locale";

export default getRequestConfig(async ({ locale: requested }) => {
  let locale;
  if (isLocale(requested)) locale = requested;
  else {
    const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
    locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  }
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: HK_TIME_ZONE,
  };
});
