// Creating an order: prices, names and totals come from the database, never the client.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db";
import { MAX_LINES, MAX_QUANTITY } from "../cart/limits";
import { isLocale } from "../i18n/locale";
import { formatMoney, MAX_AMOUNT_MINOR } from "../money";
import { newAccessToken, newOrderNo } from "./numbers";
import { nameTranslations } from "../catalog/products";
import { takeLines, type Shortfall } from "../stock/reserve";
import { stockStateAtOrder } from "./state";
import { addressErrors, addressSchema, zoneOf, type AddressField, type ShippingAddress } from "../shipping/address";
import { activeMethod } from "../shipping/methods";
import { quoteShipping } from "../shipping/quote";
import { methodSnapshot, type MethodSnapshot } from "../shipping/snapshot";

export type CheckoutErrorCode =
  | "empty_cart"
  | "unknown_product"
  | "mixed_currency"
  | "too_large"
  | "wallet_unavailable"
  | "not_payable"
  | "out_of_stock"
  | "invalid"
  | "invalid_address"
  | "shipping_unavailable"
  | "shipping_changed";

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
    /** invalid_address: a message per address field · shipping_changed: the price now. */
    readonly detail: { fields?: Partial<Record<AddressField, string>>; shippingMinor?: number; currency?: string } = {},
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
  /** How the order reaches the customer; none: pick-up in store, no charge (clients from before shipping). */
  shipping: z
    .object({
      /** A ShippingMethod code. */
      method: z.string().trim().min(1, "choose a shipping method").max(40),
      /** Checked by addressSchema when the method ships. */
      address: z.unknown().optional(),
      /** The price the customer was shown (minor units): if it is no longer the price, nothing is written. */
      expectedMinor: z.number().int().min(0).max(MAX_AMOUNT_MINOR).optional(),
      /**
       * The zone the page priced its methods for (a form without JavaScript cannot re-price when
       * the country changes): if the address is in another zone, nothing is written and the
       * customer sees the price for theirs.
       */
      pricedZone: z.enum(["hk", "macau", "mainland", "world"]).optional(),
    })
    .optional(),
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
  const itemsMinor = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
  if (!Number.isSafeInteger(itemsMinor) || itemsMinor > MAX_AMOUNT_MINOR)
    throw new CheckoutError("too_large", "the order total is larger than a payment can be");
  if (itemsMinor <= 0) throw new CheckoutError("invalid", "the order total must be more than zero");
  const currency = [...currencies][0]!;
  const itemCount = lines.reduce((sum, l) => sum + l.quantity, 0);
  // The address is checked before anything is read or written (a message per field).
  const address = input.shipping?.address === undefined ? undefined : parseAddress(input.shipping.address);
  const stockLines = lines.map((l) => ({
    productId: l.productId,
    quantity: l.quantity,
    tracked: products.find((p) => p.id === l.productId)!.stockAvailable !== null,
  }));

  for (let attempt = 0; ; attempt++) {
    try {
      // One transaction: the units are taken and the order written together, or neither.
      return await db.$transaction(async (tx) => {
        // The price comes from the rates as they are now, read in this transaction.
        const delivery = input.shipping
          ? await chooseShipping(tx, input.shipping, address, { currency, itemCount, itemsMinor })
          : null;
        const shippingMinor = delivery?.method.priceMinor ?? 0;
        const total = itemsMinor + shippingMinor;
        if (!Number.isSafeInteger(total) || total > MAX_AMOUNT_MINOR)
          throw new CheckoutError("too_large", "the order total is larger than a payment can be");
        const stock = await takeLines(tx, stockLines, "hold");
        if (!stock.ok) throw outOfStock(stock.short, lines);
        return tx.order.create({
          data: {
            orderNo: newOrderNo(),
            accessToken: newAccessToken(),
            totalMinor: total,
            currency,
            delivery: delivery?.method.kind ?? "pickup",
            shippingMinor,
            shippingMethod: delivery ? delivery.method : Prisma.DbNull,
            shippingAddress: delivery?.address ?? Prisma.DbNull,
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

function parseAddress(raw: unknown): ShippingAddress {
  const parsed = addressSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = addressErrors(raw) ?? {};
  throw new CheckoutError(
    "invalid_address",
    `address: ${Object.entries(fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join("; ")}`,
    [],
    { fields },
  );
}

/** The method chosen, priced from its rates for the address's zone; refuses what it cannot serve or a price that moved. */
async function chooseShipping(
  tx: Prisma.TransactionClient,
  choice: NonNullable<z.output<typeof orderInputSchema>["shipping"]>,
  address: ShippingAddress | undefined,
  cart: { currency: string; itemCount: number; itemsMinor: number },
): Promise<{ method: MethodSnapshot; address: ShippingAddress | null }> {
  const method = await activeMethod(tx, choice.method);
  if (!method) throw new CheckoutError("shipping_unavailable", `there is no shipping method "${choice.method}"`);
  if (method.kind === "ship" && !address) parseAddress({});
  const zone = method.kind === "ship" && address ? zoneOf(address.country) : null;
  const quote = quoteShipping(method, { ...cart, zone });
  if (!quote.serves)
    throw new CheckoutError(
      "shipping_unavailable",
      quote.reason === "currency"
        ? `"${method.name}" is not offered for orders in ${cart.currency}`
        : `"${method.name}" does not deliver to ${address?.country ?? "this address"}; choose another method`,
    );
  const pricedElsewhere = zone !== null && choice.pricedZone !== undefined && choice.pricedZone !== zone;
  if ((choice.expectedMinor !== undefined && choice.expectedMinor !== quote.priceMinor) || pricedElsewhere)
    throw new CheckoutError(
      "shipping_changed",
      `shipping price changed: "${method.name}" now costs ${formatMoney(quote.priceMinor, cart.currency, "en")}`,
      [],
      { shippingMinor: quote.priceMinor, currency: cart.currency },
    );
  return {
    method: methodSnapshot(method, zone, quote.rate, quote.priceMinor),
    address: method.kind === "ship" ? (address ?? null) : null,
  };
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
