// The hosted pages' buttons post here: pay, fail or cancel, with the notify behaviour
// chosen in the "advanced" panel. Then the browser goes back to the shop's returnUrl
// (website and JS API), or back to the page (a phone that scanned a QR code).
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import {
  appSandboxDeps,
  deliverNotifiesAfterResponse,
  sandboxEnabled,
  sandboxNotFound,
} from "@/lib/sandbox/route-support";
import { actOnOrder, findOrderByToken, notifyModeSchema, outcomeSchema, returnPageHtml } from "@/lib/sandbox/customer";

export const dynamic = "force-dynamic";

const formSchema = z.object({
  outcome: outcomeSchema,
  notify: notifyModeSchema.default("normal"),
  via: z.enum(["browser", "scan"]).default("browser"),
});

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  if (!sandboxEnabled()) return sandboxNotFound();
  const deps = appSandboxDeps();
  const order = await findOrderByToken(deps, (await params).token);
  if (!order) return sandboxNotFound();
  const form = await request.formData().catch(() => null);
  const parsed = formSchema.safeParse(Object.fromEntries(form ?? []));
  if (!parsed.success) {
    return new Response(
      `Bad request: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      {
        status: 400,
        headers: { "content-type": "text/plain; charset=utf-8" },
      },
    );
  }
  const { outcome, notify, via } = parsed.data;
  const result = await actOnOrder(deps, order, outcome, notify);
  deliverNotifiesAfterResponse();
  // A phone that scanned the QR code is not the shop's browser: it stays on the gateway.
  // (A relative Location: the phone may know this server under another host than APP_URL.)
  if (order.flow === "qrcode" || via === "scan" || !result.order.returnUrl) {
    return new Response(null, {
      status: 303,
      headers: { location: `../${order.token}${via === "scan" ? "?via=scan" : ""}` },
    });
  }
  const [t, lang] = await Promise.all([getTranslations("sandbox.returning"), getLocale()]);
  const words = { lang, title: t("title"), bar: t("bar"), text: t("text"), continue: t("continue") };
  return new Response(returnPageHtml(result.order, request.headers.get("x-nonce"), words), {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
