"use client";
import { useEffect } from "react";
import { useTranslations } from "next-intl";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-md rounded-2xl border border-red-200 bg-white px-6 py-12 text-center">
      <h1 className="text-lg font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 text-sm text-stone-600">{t("errorText")}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-xl bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {t("retry")}
      </button>
    </div>
  );
}
