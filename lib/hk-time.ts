// Days as a Hong Kong shop counts them (UTC+8, no daylight saving).

/** The shop's time zone: the shop's pages (i18n/request.ts) and the back office show times in it. */
export const HK_TIME_ZONE = "Asia/Hong_Kong";

/** YYYY-MM-DD of an instant, in Hong Kong. */
export const hkDate = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The instant a Hong Kong day (YYYY-MM-DD) begins, moved by whole days. */
export const hkMidnight = (day: string, plusDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);
