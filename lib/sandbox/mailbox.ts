// The sandbox mailbox (/sandbox/mail): what the delivery pass put in SandboxMail instead of
// sending it over SMTP. Listed newest first, filtered by recipient, each with its outbox topic.
import { z } from "zod";
import type { Db } from "../db";

export const MAILBOX_PAGE_SIZE = 50;

export const mailboxFiltersSchema = z.object({
  /** Part of the recipient's address: a customer finds their own mail. */
  to: z.string().trim().max(254).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type MailboxFilters = z.infer<typeof mailboxFiltersSchema>;

/** A SandboxMail id as the database makes them (cuid); anything else is not looked up. */
export function isMailId(id: string): boolean {
  return /^[a-z0-9]{1,40}$/i.test(id);
}

export async function listSandboxMail(db: Db, filters: MailboxFilters) {
  const where = filters.to ? { to: { contains: filters.to, mode: "insensitive" as const } } : {};
  const [mails, count] = await Promise.all([
    db.sandboxMail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * MAILBOX_PAGE_SIZE,
      take: MAILBOX_PAGE_SIZE,
      select: { id: true, from: true, to: true, subject: true, createdAt: true, outboxId: true },
    }),
    db.sandboxMail.count({ where }),
  ]);
  const topics = await topicsOf(
    db,
    mails.map((m) => m.outboxId),
  );
  return {
    rows: mails.map((m) => ({ ...m, topic: m.outboxId ? (topics.get(m.outboxId) ?? null) : null })),
    count,
    pages: Math.max(1, Math.ceil(count / MAILBOX_PAGE_SIZE)),
  };
}

async function topicsOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.outboxMessage.findMany({ where: { id: { in: wanted } }, select: { id: true, topic: true } });
  return new Map(rows.map((r) => [r.id, r.topic]));
}

/** One mail with its outbox message's topic, or null. */
export async function getSandboxMail(db: Db, id: string) {
  if (!isMailId(id)) return null;
  const mail = await db.sandboxMail.findUnique({ where: { id } });
  if (!mail) return null;
  const topic = mail.outboxId ? ((await topicsOf(db, [mail.outboxId])).get(mail.outboxId) ?? null) : null;
  return { ...mail, topic };
}

/** Empties the mailbox; answers how many mails it held. */
export async function clearSandboxMail(db: Db): Promise<number> {
  return (await db.sandboxMail.deleteMany()).count;
}

/**
 * The http(s) links of a mail's HTML, in order, once each, with their text (pure). The
 * preview is a sandboxed frame where links do not open: the page lists them beside it.
 */
export function mailLinks(html: string): { href: string; text: string }[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  const seen = new Set<string>();
  const out: { href: string; text: string }[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = decode(match[1]!).trim();
    if (!/^https?:\/\//i.test(href) || !URL.canParse(href) || seen.has(href)) continue;
    seen.add(href);
    out.push({ href, text: decode(match[2]!.replace(/<[^>]*>/g, "")).trim() || href });
    if (out.length >= 50) break;
  }
  return out;
}
