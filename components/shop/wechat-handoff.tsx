import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { CopyLinkButton } from "./copy-link-button";

/**
 * WeChat Pay from a browser that cannot pay it (a phone browser, WeCom, a mini program): the
 * order is already placed, and its own link, opened inside WeChat, pays it by JS API. The
 * link is the order's unguessable one, so it carries the purchase to another app or phone.
 */
export async function WeChatHandoff({
  href,
  emphasised,
  loopback,
}: {
  href: string;
  emphasised: boolean;
  /** APP_URL is this computer's own address: no other phone or app can open the link. */
  loopback: boolean;
}) {
  const t = await getTranslations("order.handoff");
  const svg = await QRCode.toString(href, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <section
      aria-labelledby="wechat-handoff"
      data-testid="wechat-handoff"
      className={`space-y-4 rounded-2xl border bg-white p-5 ${emphasised ? "border-brand-700 ring-2 ring-brand-100" : "border-stone-200"}`}
    >
      <h2 id="wechat-handoff" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-stone-700">{t("text")}</p>
      {loopback && (
        <p
          role="note"
          className="rounded-xl border border-dashed border-amber-500 bg-amber-50 p-3 text-xs text-amber-950"
        >
          {t("loopback", { appUrl: new URL(href).origin })}
        </p>
      )}
      <label className="block text-sm font-medium text-stone-800">
        {t("link")}
        <input
          readOnly
          value={href}
          className="mt-1 w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-xs text-stone-800"
        />
      </label>
      <CopyLinkButton href={href} label={t("copy")} copiedText={t("copied")} failedText={t("copyFailed")} />
      <div
        role="img"
        aria-label={t("qrAlt")}
        className="mx-auto size-48 rounded-xl border border-stone-200 bg-white p-2 [&>svg]:size-full"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
    </section>
  );
}
