import { useTranslations } from "next-intl";

/**
 * What a cart line that asks for more than is left says (cart and checkout): "Only N left"
 * or "Sold out". `short`: what is left (0: sold out), null: the line is fine.
 */
export function LineStockNote({ short, className = "" }: { short: number | null; className?: string }) {
  const t = useTranslations("cart");
  if (short === null) return null;
  return (
    <p data-testid="line-stock" className={`text-sm font-medium text-red-700 ${className}`}>
      {short === 0 ? t("lineSoldOut") : t("lineShort", { count: short })}
    </p>
  );
}
