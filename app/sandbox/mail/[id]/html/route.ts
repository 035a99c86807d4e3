// A sandbox mail's HTML on its own, for the mailbox page's sandboxed frame. proxy.ts gives
// this path its own strict CSP (lib/security/headers.ts MAIL_PREVIEW_CSP): no script, no
// loads, framed by the mailbox only.
import { prisma } from "@/lib/db";
import { getSandboxMail } from "@/lib/sandbox/mailbox";
import { mailboxOpen } from "@/lib/sandbox/mailbox-access";
import { sandboxNotFound } from "@/lib/sandbox/route-support";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  if (!(await mailboxOpen())) return sandboxNotFound();
  const mail = await getSandboxMail(prisma, (await params).id);
  if (!mail || !mail.html) return sandboxNotFound();
  return new Response(mail.html, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
