// The checkout form's delivery fields (pure): what the form posts, read into the order's
// shipping choice, and which message explains each address field's error.
import type { AddressField } from "./address";
import type { ShippingZone } from "../generated/prisma/enums";
import { zoneOf } from "./zones";

export const ADDRESS_FIELDS = [
  "recipient",
  "phoneCode",
  "phone",
  "country",
  "region",
  "district",
  "line1",
  "line2",
  "postcode",
] as const satisfies readonly AddressField[];

/** The form field's name for an address field (kept apart from the contact fields). */
export const addressInputName = (field: AddressField) => `address.${field}`;

export type AddressValues = Partial<Record<AddressField, string>>;

export type DeliveryForm = {
  delivery: "ship" | "pickup" | null;
  method: string;
  address: AddressValues;
  /** The price the page showed (only sent once the page's script has priced the choice). */
  expectedMinor: number | undefined;
  /** The zone of the country the page was priced for (what a page without its script showed). */
  pricedZone: ShippingZone | undefined;
};

/** Reads the delivery part of a checkout form (any junk reads as empty). */
export function readDeliveryForm(get: (name: string) => string): DeliveryForm {
  const delivery = get("delivery");
  const address: AddressValues = {};
  for (const field of ADDRESS_FIELDS) address[field] = get(addressInputName(field));
  const expected = get("shippingMinor");
  return {
    delivery: delivery === "ship" || delivery === "pickup" ? delivery : null,
    method: delivery === "pickup" ? get("pickupMethod") : get("shippingMethod"),
    address,
    expectedMinor: /^\d{1,12}$/.test(expected) ? Number(expected) : undefined,
    pricedZone: /^[A-Z]{2}$/.test(get("pricedCountry")) ? zoneOf(get("pricedCountry")) : undefined,
  };
}

/** The order's shipping choice from the form: none when the shop offers no delivery choice. */
export function shippingChoice(form: DeliveryForm) {
  if (form.delivery === null) return undefined;
  return {
    method: form.method,
    address: form.delivery === "ship" ? form.address : undefined,
    expectedMinor: form.expectedMinor,
    // With the script, the price it showed says it all; without, the zone the page was priced for.
    ...(form.expectedMinor === undefined && form.pricedZone ? { pricedZone: form.pricedZone } : {}),
  };
}

export type AddressErrorKey =
  | "recipient"
  | "phoneCode"
  | "phone"
  | "country"
  | "region"
  | "regionCN"
  | "district"
  | "districtHK"
  | "districtCN"
  | "line1"
  | "line2"
  | "postcode"
  | "postcodeCN";

/** The message (address.errors.*) for a field that did not pass, worded for the address's country. */
export function addressErrorKey(field: AddressField, country: string | undefined): AddressErrorKey {
  const zone = zoneOf(country ?? "");
  switch (field) {
    case "region":
      return zone === "mainland" ? "regionCN" : "region";
    case "district":
      return zone === "hk" ? "districtHK" : zone === "mainland" ? "districtCN" : "district";
    case "postcode":
      return zone === "mainland" ? "postcodeCN" : "postcode";
    default:
      return field;
  }
}
