import { getTranslations } from "next-intl/server";
import type { CartSummaryLine } from "@/lib/cart/summary";
import { formatMoney } from "@/lib/money";
import { LineStockNote } from "./line-stock-note";

/** The read-only list of lines used by the checkout summary. */
export async function OrderLines({ lines, locale }: { lines: CartSummaryLine[]; locale: string }) {
  const t = await getTranslations("cart");
  return (
    <ul className="divide-y divide-stone-200">
      {lines.map(({ product, quantity, lineTotalMinor, short }) => (
        <li key={product.slug} className="flex items-center gap-3 py-3">
          <img
            src={product.image}
            alt=""
            width={56}
            height={56}
            decoding="async"
            className="size-14 shrink-0 rounded-lg border border-stone-200 bg-stone-100"
          />
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-stone-900">{product.name}</p>
            <p className="text-xs text-stone-500">
              {quantity} × {t("each", { price: formatMoney(product.priceMinor, product.currency, locale) })}
            </p>
            <LineStockNote short={short} className="text-xs" />
          </div>
          <p className="text-sm font-semibold tabular-nums">{formatMoney(lineTotalMinor, product.currency, locale)}</p>
        </li>
      ))}
    </ul>
  );
}
