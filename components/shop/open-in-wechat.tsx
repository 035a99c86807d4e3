"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

/** On a phone outside WeChat: how to pay with WeChat Pay (open this page in WeChat). */
export function OpenInWeChat() {
  const t = useTranslations("checkout");
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-xl border border-stone-200 bg-stone-50 p-3 text-sm">
      <p className="font-medium text-stone-900">{t("openInWeChatTitle")}</p>
      <p className="mt-1 text-stone-600">{t("openInWeChatText")}</p>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard?.writeText(window.location.href).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="mt-2 rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100"
      >
        {t("copyLink")}
      </button>
      <span role="status" className="ml-2 text-xs text-brand-800">
        {copied ? t("copied") : ""}
      </span>
    </div>
  );
}
