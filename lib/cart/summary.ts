// A cart priced from the database. The cookie holds slugs and quantities only.
import { getProductsBySlug, type ProductView } from "../catalog/products";
import type { Db } from "../db";
import type { Locale } from "../i18n/locale";
import { sumMinor } from "../money";
import { shortfall } from "../stock/labels";
import type { CartLine } from "./cookie";

export type CartSummaryLine = {
  product: ProductView;
  quantity: number;
  lineTotalMinor: number;
  /** What is left when the line asks for more than that (0: sold out), else null. */
  short: number | null;
};
export type CartSummary = {
  lines: CartSummaryLine[];
  /** Number of items (sum of quantities). */
  count: number;
  subtotalMinor: number;
  /** Currency of the cart: that of its first line (the shop refuses to mix currencies). */
  currency: string | null;
  /** Some line asks for more than is left: the cart cannot be checked out as it is. */
  blocked: boolean;
};

/**
 * Prices the cart's lines. Lines whose product is gone or inactive are left out, and so
 * are lines in another currency than the first (possible only if a merchant changed a
 * product's currency after it was added).
 */
export async function summarizeCart(db: Db, lines: readonly CartLine[], locale: Locale): Promise<CartSummary> {
  const products = await getProductsBySlug(
    db,
    lines.map((l) => l.slug),
    locale,
  );
  const priced: CartSummaryLine[] = [];
  let currency: string | null = null;
  for (const line of lines) {
    const product = products.get(line.slug);
    if (!product) continue;
    currency ??= product.currency;
    if (product.currency !== currency) continue;
    priced.push({
      product,
      quantity: line.quantity,
      lineTotalMinor: product.priceMinor * line.quantity,
      short: shortfall(line.quantity, product.available),
    });
  }
  return {
    lines: priced,
    count: priced.reduce((n, l) => n + l.quantity, 0),
    subtotalMinor: sumMinor(priced.map((l) => l.lineTotalMinor)),
    currency,
    blocked: priced.some((l) => l.short !== null),
  };
}
