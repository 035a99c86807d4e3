import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LookupForm } from "@/components/shop/lookup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lookup"))("title"), robots: { index: false } };
}

export default async function LookupPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const [t, { notice }] = await Promise.all([getTranslations("lookup"), searchParams]);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      {notice === "unknown-payment" && (
        <p role="status" className="rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {t("unknownPayment")}
        </p>
      )}
      <p className="text-sm text-stone-600">{t("text")}</p>
      <div className="rounded-2xl border border-stone-200 bg-white p-5">
        <LookupForm />
      </div>
    </div>
  );
}
