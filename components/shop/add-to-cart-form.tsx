"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addToCart, type AddToCartState } from "@/app/actions/cart";
import { MAX_QUANTITY } from "@/lib/cart/limits";

export function AddToCartForm({ slug }: { slug: string }) {
  const t = useTranslations("product");
  const [state, action, pending] = useActionState<AddToCartState, FormData>(addToCart, { status: "idle" });
  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="slug" value={slug} />
      <div className="flex items-end gap-3">
        <label className="flex flex-col text-sm font-medium text-stone-700">
          {t("quantity")}
          <select
            name="quantity"
            defaultValue="1"
            className="mt-1 h-12 w-20 rounded-xl border border-stone-300 bg-white px-3 text-base"
          >
            {Array.from({ length: Math.min(10, MAX_QUANTITY) }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="h-12 flex-1 rounded-xl bg-brand-700 px-6 text-base font-semibold text-white shadow-sm hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70 sm:flex-none"
        >
          {pending ? t("adding") : t("addToCart")}
        </button>
      </div>
      <div aria-live="polite" className="min-h-6 text-sm">
        {state.status === "added" && !pending && (
          <p className="flex flex-wrap items-center gap-2 text-brand-800">
            <span>{t("added")}</span>
            <Link href="/cart" className="font-semibold underline underline-offset-2">
              {t("viewCart")}
            </Link>
          </p>
        )}
        {state.status === "full" && !pending && <p className="text-red-700">{t("cartFull")}</p>}
        {state.status === "error" && !pending && <p className="text-red-700">{t("addFailed")}</p>}
      </div>
    </form>
  );
}
