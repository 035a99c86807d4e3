"use client";
import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { updateCartLine } from "@/app/actions/cart";
import { MAX_QUANTITY } from "@/lib/cart/limits";

/** −, quantity, + and Remove for one cart line. Plain forms underneath: they work without JavaScript. */
export function CartLineControls({ slug, name, quantity }: { slug: string; name: string; quantity: number }) {
  const t = useTranslations("cart");
  const [pending, startTransition] = useTransition();
  const submit = (form: FormData) => startTransition(() => updateCartLine(form));
  const stepButton = "grid size-10 place-items-center text-lg text-stone-700 hover:bg-stone-100 disabled:opacity-40";
  return (
    <div className="flex items-center gap-3" aria-busy={pending}>
      <form action={submit} className="flex items-center overflow-hidden rounded-xl border border-stone-300 bg-white">
        <input type="hidden" name="slug" value={slug} />
        <button type="submit" name="quantity" value={quantity - 1} aria-label={t("decrease", { name })} disabled={pending} className={stepButton}>
          −
        </button>
        <output aria-label={t("quantityOf", { name })} className="min-w-8 text-center text-sm font-semibold tabular-nums">
          {quantity}
        </output>
        <button type="submit" name="quantity" value={quantity + 1} aria-label={t("increase", { name })} disabled={pending || quantity >= MAX_QUANTITY} className={stepButton}>
          +
        </button>
      </form>
      <form action={submit}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="quantity" value="0" />
        <button type="submit" aria-label={t("removeItem", { name })} disabled={pending} className="text-sm text-stone-500 underline-offset-2 hover:text-red-700 hover:underline disabled:opacity-40">
          {t("remove")}
        </button>
      </form>
      {pending && <span className="text-xs text-stone-500" role="status">{t("updating")}</span>}
    </div>
  );
}
