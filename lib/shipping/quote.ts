// What a shipping method charges for an order (pure): the rate for the address's zone, a
// surcharge per extra unit, free over a threshold. Pick-up in store is free and needs no address.
import type { DeliveryKind, ShippingZone } from "../generated/prisma/enums";

export type RateTerms = {
  zone: ShippingZone;
  flatMinor: number;
  /** Added for each unit after the first. */
  perItemMinor: number;
  /** Free when the items come to at least this much (null: never free). */
  freeOverMinor: number | null;
};

export type QuotableMethod = { kind: DeliveryKind; currency: string; rates: readonly RateTerms[] };

export type QuoteInput = {
  /** The address's zone (lib/shipping/address.ts zoneOf); null when there is no address. */
  zone: ShippingZone | null;
  /** Units in the order (the sum of the quantities). */
  itemCount: number;
  /** The items' total, minor units. */
  itemsMinor: number;
  /** The order's currency. */
  currency: string;
};

export type Quote =
  | { serves: true; priceMinor: number; rate: RateTerms | null }
  | { serves: false; reason: "currency" | "zone" | "no_address" };

export function quoteShipping(method: QuotableMethod, input: QuoteInput): Quote {
  if (method.currency.toUpperCase() !== input.currency.toUpperCase()) return { serves: false, reason: "currency" };
  if (method.kind === "pickup") return { serves: true, priceMinor: 0, rate: null };
  if (input.zone === null) return { serves: false, reason: "no_address" };
  const rate = method.rates.find((r) => r.zone === input.zone);
  if (!rate) return { serves: false, reason: "zone" };
  if (rate.freeOverMinor !== null && input.itemsMinor >= rate.freeOverMinor)
    return { serves: true, priceMinor: 0, rate };
  const extra = Math.max(0, Math.floor(input.itemCount) - 1);
  return { serves: true, priceMinor: rate.flatMinor + rate.perItemMinor * extra, rate };
}
