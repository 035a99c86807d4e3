// What the shop says about a product's stock: nothing (untracked or plenty), "only N left"
// at LOW_STOCK or fewer, or "sold out". Pure: the counts come from Product.stockAvailable.
import { MAX_QUANTITY } from "../cart/limits";

/** At this many units left or fewer, the shop says "Only N left". */
export const LOW_STOCK = 5;

export type StockLabel = "sold_out" | "low" | null;

/** The label for what is left (null: stock not tracked). */
export function stockLabel(available: number | null): StockLabel {
  if (available === null) return null;
  if (available <= 0) return "sold_out";
  return available <= LOW_STOCK ? "low" : null;
}

/** The most one cart line may hold: what is left, within the cart's own limit. */
export function orderableQuantity(available: number | null): number {
  return available === null ? MAX_QUANTITY : Math.max(0, Math.min(MAX_QUANTITY, available));
}

/** What is left when a line asks for more than that, else null (fine, or not tracked). */
export function shortfall(quantity: number, available: number | null): number | null {
  if (available === null) return null;
  const left = Math.max(0, available);
  return quantity > left ? left : null;
}

/** The product page offers at most this many in its quantity list. */
export const QUANTITY_CHOICES = 10;

/** The quantities the product page offers: 1 to what is left, at most QUANTITY_CHOICES; none when sold out. */
export function quantityChoices(available: number | null): number[] {
  const most = Math.min(QUANTITY_CHOICES, orderableQuantity(available));
  return Array.from({ length: most }, (_, i) => i + 1);
}
