// Shipping methods from the database: the active ones with their rates, what each charges
// for a cart, and the choice an order is placed with (prices always read here, on the server).
import type { Prisma, ShippingMethod, ShippingRate } from "../generated/prisma/client";
import type { ShippingZone } from "../generated/prisma/enums";
import type { Db } from "../db";
import type { Locale } from "../i18n/locale";
import { zoneOf } from "./address";
import { quoteShipping, type QuoteInput } from "./quote";
import { methodCopy } from "./snapshot";

type Reader = Db | Prisma.TransactionClient;
export type MethodWithRates = ShippingMethod & { rates: ShippingRate[] };

export const ZONES: readonly ShippingZone[] = ["hk", "macau", "mainland", "world"];

/** The active methods with their rates, in the merchant's order. */
export async function activeMethods(db: Reader): Promise<MethodWithRates[]> {
  return db.shippingMethod.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { code: "asc" }],
    include: { rates: true },
  });
}

/** The cart a quote is for. */
export type CartFacts = Omit<QuoteInput, "zone">;

/** A method as the checkout offers it: its price in every zone it serves (the browser filters by country). */
export type CheckoutMethod = {
  code: string;
  kind: "ship" | "pickup";
  name: string;
  description: string | null;
  /** Price per zone served (pick-up: 0 in every zone). */
  prices: Partial<Record<ShippingZone, number>>;
};

/** Every active method that can serve this cart somewhere, with its price per zone. */
export async function checkoutMethods(db: Reader, cart: CartFacts, locale: Locale): Promise<CheckoutMethod[]> {
  const methods = await activeMethods(db);
  return methods.flatMap((m) => {
    const prices: Partial<Record<ShippingZone, number>> = {};
    for (const zone of ZONES) {
      const q = quoteShipping(m, { ...cart, zone });
      if (q.serves) prices[zone] = q.priceMinor;
    }
    if (Object.keys(prices).length === 0) return [];
    return [{ code: m.code, kind: m.kind, ...methodCopy(m, locale), prices }];
  });
}

/** The methods that deliver to a country (and pick-up), with their price for this cart. */
export async function methodsServing(
  db: Reader,
  country: string | null,
  cart: CartFacts,
  locale: Locale,
): Promise<(Omit<CheckoutMethod, "prices"> & { priceMinor: number })[]> {
  const zone = country ? zoneOf(country) : null;
  const methods = await activeMethods(db);
  return methods.flatMap((m) => {
    const q = quoteShipping(m, { ...cart, zone });
    return q.serves ? [{ code: m.code, kind: m.kind, ...methodCopy(m, locale), priceMinor: q.priceMinor }] : [];
  });
}

/** One active method by code, with its rates (null: no such active method). */
export async function activeMethod(db: Reader, code: string): Promise<MethodWithRates | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/i.test(code)) return null;
  return db.shippingMethod.findFirst({ where: { code, active: true }, include: { rates: true } });
}
