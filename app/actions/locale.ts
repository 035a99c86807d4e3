"use server";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { asForm } from "@/lib/forms";

/** Remembers the language chosen in the header's switcher for a year. */
export async function setLocale(rawForm: FormData): Promise<void> {
  const form = asForm(rawForm);
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
