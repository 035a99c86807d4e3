import { useTranslations } from "next-intl";

/** Items, shipping and the total the customer pays (shipping null: not known until an address is chosen). */
export function CheckoutTotals({ items, shipping, total }: { items: string; shipping: string | null; total: string }) {
  const t = useTranslations("shipping");
  return (
    <dl className="space-y-1 rounded-xl bg-stone-50 p-4 text-sm" aria-live="polite" data-testid="checkout-totals">
      <div className="flex justify-between">
        <dt className="text-stone-600">{t("items")}</dt>
        <dd className="tabular-nums" data-testid="totals-items">
          {items}
        </dd>
      </div>
      <div className="flex justify-between">
        <dt className="text-stone-600">{t("shipping")}</dt>
        <dd className="tabular-nums" data-testid="totals-shipping">
          {shipping ?? "—"}
        </dd>
      </div>
      <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
        <dt>{t("total")}</dt>
        <dd className="tabular-nums" data-testid="checkout-total">
          {total}
        </dd>
      </div>
    </dl>
  );
}
