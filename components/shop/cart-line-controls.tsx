"use client";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { updateCartLine } from "@/app/actions/cart";
import { MAX_QUANTITY } from "@/lib/cart/limits";

/**
 * −, quantity, + and Remove for one cart line: plain forms posting to a server action, so
 * they work before JavaScript has loaded (slow in-wallet networks) and show progress after.
 */
export function CartLineControls({
  slug,
  name,
  quantity,
  max = MAX_QUANTITY,
}: {
  slug: string;
  name: string;
  quantity: number;
  /** The most the line may hold (what is left); + is disabled there. */
  max?: number;
}) {
  const t = useTranslations("cart");
  return (
    <div className="flex items-center gap-3">
      <form
        action={updateCartLine}
        className="flex items-center overflow-hidden rounded-xl border border-stone-300 bg-white"
      >
        <input type="hidden" name="slug" value={slug} />
        <StepButton quantity={quantity - 1} label={t("decrease", { name })} symbol="−" />
        <output
          aria-label={t("quantityOf", { name })}
          className="min-w-8 text-center text-sm font-semibold tabular-nums"
        >
          {quantity}
        </output>
        <StepButton
          quantity={quantity + 1}
          label={t("increase", { name })}
          symbol="+"
          disabled={quantity >= Math.min(max, MAX_QUANTITY)}
        />
      </form>
      <form action={updateCartLine}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="quantity" value="0" />
        <RemoveButton label={t("removeItem", { name })} text={t("remove")} updating={t("updating")} />
      </form>
    </div>
  );
}

function StepButton({
  quantity,
  label,
  symbol,
  disabled = false,
}: {
  quantity: number;
  label: string;
  symbol: string;
  disabled?: boolean;
}) {
  const { pending } = useFormStatus();
  // aria-disabled rather than disabled while pending: keyboard focus stays on the button.
  return (
    <button
      type="submit"
      name="quantity"
      value={quantity}
      aria-label={label}
      disabled={disabled}
      aria-disabled={pending || undefined}
      onClick={(event) => pending && event.preventDefault()}
      className="grid size-10 place-items-center text-lg text-stone-700 hover:bg-stone-100 disabled:opacity-40 aria-disabled:opacity-60"
    >
      {symbol}
    </button>
  );
}

function RemoveButton({ label, text, updating }: { label: string; text: string; updating: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-label={label}
      aria-disabled={pending || undefined}
      onClick={(event) => pending && event.preventDefault()}
      className="text-sm text-stone-600 underline-offset-2 hover:text-red-700 hover:underline aria-disabled:opacity-60"
    >
      {pending ? updating : text}
    </button>
  );
}
