"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/** "Expires in 29:41", ticking; says when the time is up. */
export function Countdown({ until }: { until: string }) {
  const t = useTranslations("qr");
  const end = new Date(until).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return null;
  const left = Math.max(0, Math.floor((end - now) / 1000));
  if (left === 0) return <p className="text-sm font-medium text-red-700">{t("expired")}</p>;
  const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  return (
    <p className="text-sm text-stone-600 tabular-nums" aria-live="off">
      {t("expiresIn", { time })}
    </p>
  );
}
