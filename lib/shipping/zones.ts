// Countries and zones (pure, no zod: the checkout's browser code uses it too, and zod's
// eval probe would break the Content-Security-Policy there).
import type { ShippingZone } from "../generated/prisma/enums";

/** Countries offered first in the form (the shop ships from Hong Kong); any ISO 3166-1 code is accepted. */
export const NEAR_COUNTRIES = ["HK", "MO", "CN", "TW", "SG", "MY", "JP", "KR", "GB", "US", "AU", "CA"] as const;

/** Countries without postcodes that the shop's customers often ship to (a postcode is not asked for). */
const NO_POSTCODE = new Set(["HK", "MO", "AE", "QA"]);

/** The zone whose rates apply to a country. */
export function zoneOf(country: string): ShippingZone {
  switch (country.toUpperCase()) {
    case "HK":
      return "hk";
    case "MO":
      return "macau";
    case "CN":
      return "mainland";
    default:
      return "world";
  }
}

/** Does this country use postcodes on its addresses? */
export function hasPostcode(country: string): boolean {
  return !NO_POSTCODE.has(country.toUpperCase());
}

/** The country's name in `locale` (English by default) where the runtime knows it, else its code. */
export function countryName(code: string, locale = "en"): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
