"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addToCart, type AddToCartState } from "@/app/actions/cart";

/**
 * Quantity and Add to cart. `choices`: the quantities on offer (1 to what is left); none
 * means sold out: the button says so and is disabled (the server refuses anyway).
 */
export function AddToCartForm({ slug, choices }: { slug: string; choices: number[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<AddToCartState, FormData>(addToCart, { status: "idle" });
  const soldOut = choices.length === 0;
  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="slug" value={slug} />
      <div className="flex items-end gap-3">
        {!soldOut && (
          <label className="flex flex-col text-sm font-medium text-stone-700">
            {t("product.quantity")}
            <select
              name="quantity"
              defaultValue="1"
              className="mt-1 h-12 w-20 rounded-xl border border-stone-300 bg-white px-3 text-base"
            >
              {choices.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="submit"
          disabled={pending || soldOut}
          aria-describedby={soldOut ? "sold-out-note" : undefined}
          className={`h-12 flex-1 rounded-xl px-6 text-base font-semibold text-white shadow-sm sm:flex-none ${
            soldOut
              ? "cursor-not-allowed bg-stone-500"
              : "bg-brand-700 hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70"
          }`}
        >
          {soldOut ? t("stock.soldOut") : pending ? t("product.adding") : t("product.addToCart")}
        </button>
      </div>
      <div aria-live="polite" className="min-h-6 text-sm">
        {soldOut && (
          <p id="sold-out-note" className="text-stone-600">
            {t("product.soldOut")}
          </p>
        )}
        {state.status === "added" && !pending && (
          <p className="flex flex-wrap items-center gap-2 text-brand-800">
            <span>{t("product.added")}</span>
            <Link href="/cart" className="font-semibold underline underline-offset-2">
              {t("product.viewCart")}
            </Link>
          </p>
        )}
        {state.status === "full" && !pending && <p className="text-red-700">{t("product.cartFull")}</p>}
        {state.status === "error" && !pending && <p className="text-red-700">{t("product.addFailed")}</p>}
        {state.status === "sold_out" && !pending && !soldOut && <p className="text-red-700">{t("product.soldOut")}</p>}
        {state.status === "short" && !pending && (
          <p className="text-red-700">{t("product.short", { available: state.available, inCart: state.inCart })}</p>
        )}
      </div>
    </form>
  );
}
