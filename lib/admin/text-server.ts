// The back office's labels and formats for this request: next-intl's English catalogue and
// formatter (the request config's time zone, Asia/Hong_Kong). The back office stays English.
import { getFormatter, getTranslations } from "next-intl/server";
import { adminText, type AdminText } from "./text";

export async function getAdminText(): Promise<AdminText> {
  const [t, format] = await Promise.all([getTranslations({ locale: "en" }), getFormatter({ locale: "en" })]);
  // Keys are built from stored values, so they are checked at run time (has), not by the type.
  return adminText({ t: (key) => t(key as never), has: (key) => t.has(key as never) }, format);
}
