import { useTranslations } from "next-intl";
import { stockLabel } from "@/lib/stock/labels";

/** "Sold out" or "Only N left" (nothing for untracked stock or plenty). */
export function StockBadge({ available, className = "" }: { available: number | null; className?: string }) {
  const t = useTranslations("stock");
  const label = stockLabel(available);
  if (!label) return null;
  const look = label === "sold_out" ? "bg-stone-800 text-white" : "bg-amber-100 text-amber-900 ring-1 ring-amber-200";
  return (
    <span
      data-testid="stock-badge"
      data-stock={label}
      className={`inline-flex w-fit items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ${look} ${className}`}
    >
      {label === "sold_out" ? t("soldOut") : t("low", { count: available ?? 0 })}
    </span>
  );
}
