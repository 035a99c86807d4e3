// Creating an order: prices, names and totals come from the database, never the client.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db";
import { MAX_LINES, MAX_QUANTITY } from "../cart/limits";
import { isLocale } from "../i18n/locale";
import { MAX_AMOUNT_MINOR } from "../money";
import { newAccessToken, newOrderNo } from "./numbers";
import { nameTranslations } from "../catalog/products";
import { takeLines, type Shortfall } from "../stock/reserve";
import { stockStateAtOrder } from "./state";

export type CheckoutErrorCode =
  | "empty_cart"
  | "unknown_product"
  | "mixed_currency"
  | "too_large"
  | "wallet_unavailable"
  | "not_payable"
  | "out_of_stock"
  | "invalid";

/** A line asking for more than is left (out_of_stock): the product and what can still be ordered (0: sold out). */
export type ShortLine = { slug: string; name: string; requested: number; available: number };

/** A problem with what the customer asked for: a 4xx, with a message that says what. */
export class CheckoutError extends Error {
  override name = "CheckoutError";
  constructor(
    readonly code: CheckoutErrorCode,
    message: string,
    /** For out_of_stock: every line that exceeds what is left. */
    readonly short: readonly ShortLine[] = [],
  ) {
    super(message);
  }
}

export const orderInputSchema = z.object({
  items: z
    .array(z.object({ slug: z.string().min(1).max(80), quantity: z.number().int().min(1).max(MAX_QUANTITY) }))
    .min(1, "the cart is empty")
    .max(MAX_LINES),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("must be an email address")),
  name: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((v) => v || undefined),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\-\s]*$/, "may contain digits, spaces and + ( ) - only")
    .optional()
    .transform((v) => v || undefined),
  locale: z.string().optional(),
});
export type OrderInput = z.input<typeof orderInputSchema>;

export async function createOrder(db: Db, raw: OrderInput) {
  const parsed = orderInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CheckoutError(
      issue.path[0] === "items" && issue.code === "too_small" ? "empty_cart" : "invalid",
      `${issue.path.join(".") || "order"}: ${issue.message}`,
    );
  }
  const input = parsed.data;
  const quantities = new Map<string, number>();
  for (const item of input.items)
    quantities.set(item.slug, Math.min(MAX_QUANTITY, (quantities.get(item.slug) ?? 0) + item.quantity));
  const products = await db.product.findMany({ where: { slug: { in: [...quantities.keys()] }, active: true } });
  const missing = [...quantities.keys()].find((slug) => !products.some((p) => p.slug === slug));
  if (missing) throw new CheckoutError("unknown_product", `"${missing}" is not for sale (any more)`);
  const currencies = new Set(products.map((p) => p.currency));
  if (currencies.size !== 1) throw new CheckoutError("mixed_currency", "an order is paid in one currency");
  const lines = products.map((p) => ({
    productId: p.id,
    slug: p.slug,
    name: p.name,
    nameTranslations: nameTranslations(p),
    unitPriceMinor: p.priceMinor,
    quantity: quantities.get(p.slug)!,
  }));
  const total = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
  if (!Number.isSafeInteger(total) || total > MAX_AMOUNT_MINOR)
    throw new CheckoutError("too_large", "the order total is larger than a payment can be");
  if (total <= 0) throw new CheckoutError("invalid", "the order total must be more than zero");
  const stockLines = lines.map((l) => ({
    productId: l.productId,
    quantity: l.quantity,
    tracked: products.find((p) => p.id === l.productId)!.stockAvailable !== null,
  }));

  for (let attempt = 0; ; attempt++) {
    try {
      // One transaction: the units are taken and the order written together, or neither.
      return await db.$transaction(async (tx) => {
        const stock = await takeLines(tx, stockLines, "hold");
        if (!stock.ok) throw outOfStock(stock.short, lines);
        return tx.order.create({
          data: {
            orderNo: newOrderNo(),
            accessToken: newAccessToken(),
            totalMinor: total,
            currency: [...currencies][0]!,
            email: input.email,
            customerName: input.name ?? null,
            phone: input.phone ?? null,
            locale: isLocale(input.locale) ? input.locale : "en",
            stockState: stockStateAtOrder(stock.taken.size > 0),
            items: { create: lines.map((l) => ({ ...l, reservedQty: stock.taken.get(l.productId) ?? 0 })) },
          },
          include: { items: true },
        });
      });
    } catch (error) {
      // An order number already taken (about 1 in 10^12): draw another.
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

/** The refusal for lines that exceed what is left, in words that name each product and what is left. */
export function outOfStock(
  short: readonly Shortfall[],
  lines: readonly { productId: string | null; slug: string; name: string }[],
): CheckoutError {
  const named: ShortLine[] = short.map((s) => {
    const line = lines.find((l) => l.productId === s.productId);
    return { slug: line?.slug ?? "", name: line?.name ?? "", requested: s.requested, available: s.available };
  });
  const words = named.map((l) =>
    l.available === 0 ? `"${l.name}" is sold out` : `only ${l.available} of "${l.name}" left (${l.requested} asked)`,
  );
  return new CheckoutError("out_of_stock", words.join("; "), named);
}
