// A delivery address (pure): Hong Kong, Macau, mainland China and the rest of the world.
// Validated with zod on the server, one message per field; kept on the order as entered.
import { z } from "zod";
import { countryName, hasPostcode, zoneOf } from "./zones";

export { countryName, hasPostcode, NEAR_COUNTRIES, zoneOf } from "./zones";

const text = (max: number, what: string) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is at most ${max} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${what} has characters that cannot be printed`);
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${what} has characters that cannot be printed`)
    .optional()
    .transform((v) => v || undefined);

export const addressSchema = z
  .object({
    recipient: text(120, "the recipient's name"),
    /** Country calling code, e.g. +852. */
    phoneCode: z
      .string({ message: "the country calling code is required" })
      .trim()
      .regex(/^\+[1-9]\d{0,3}$/, "the country calling code is a + and 1 to 4 digits, e.g. +852"),
    phone: z
      .string({ message: "the phone number is required" })
      .trim()
      .regex(/^[0-9][0-9\s-]{3,19}$/, "the phone number is 4 to 20 digits (spaces and - allowed)"),
    country: z
      .string({ message: "the country is required" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "the country is a two-letter code such as HK"),
    /** Hong Kong Island / Kowloon / New Territories; a province, state or region elsewhere. */
    region: optionalText(120, "the region"),
    /** District or city. */
    district: optionalText(120, "the district or city"),
    line1: text(200, "the address"),
    line2: optionalText(200, "the second address line"),
    postcode: optionalText(20, "the postcode"),
  })
  .superRefine((a, ctx) => {
    const zone = zoneOf(a.country);
    if (zone === "hk" && !a.district)
      ctx.addIssue({ code: "custom", path: ["district"], message: "the district is required in Hong Kong" });
    if (zone === "mainland") {
      if (!a.region) ctx.addIssue({ code: "custom", path: ["region"], message: "the province is required" });
      if (!a.district) ctx.addIssue({ code: "custom", path: ["district"], message: "the city is required" });
      if (!a.postcode || !/^\d{6}$/.test(a.postcode))
        ctx.addIssue({ code: "custom", path: ["postcode"], message: "a mainland China postcode is 6 digits" });
    }
    if (zone === "world" && hasPostcode(a.country) && !a.postcode)
      ctx.addIssue({ code: "custom", path: ["postcode"], message: "the postcode is required for this country" });
    if (a.postcode && !/^[A-Za-z0-9][A-Za-z0-9 -]{1,19}$/.test(a.postcode))
      ctx.addIssue({
        code: "custom",
        path: ["postcode"],
        message: "the postcode has letters, digits, spaces and - only",
      });
  })
  .transform((a) => (hasPostcode(a.country) ? a : { ...a, postcode: undefined }));

export type ShippingAddress = z.output<typeof addressSchema>;
export type AddressField = keyof z.input<typeof addressSchema>;

/** Per-field messages for an address that does not parse (null: it does). */
export function addressErrors(raw: unknown): Partial<Record<AddressField, string>> | null {
  const parsed = addressSchema.safeParse(raw);
  if (parsed.success) return null;
  const errors: Partial<Record<AddressField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] ?? "line1") as AddressField;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The address as lines to print (a packing slip, an email), most specific first; the country named in `locale`. */
export function addressLines(a: ShippingAddress, locale = "en"): string[] {
  return [
    a.recipient,
    a.line1,
    a.line2,
    [a.district, a.region].filter(Boolean).join(", "),
    [a.postcode, countryName(a.country, locale)].filter(Boolean).join(" "),
    `${a.phoneCode} ${a.phone}`,
  ].filter((line): line is string => Boolean(line && line.trim()));
}

// Reading a snapshot back takes what was stored as it is: the rules above are for new input,
// and may change without an old order losing its address.
const kept = z.string().max(500).optional().catch(undefined);
const storedSchema = z.object({
  recipient: z.string().max(500),
  phoneCode: z.string().max(20).catch(""),
  phone: z.string().max(100).catch(""),
  country: z.string().max(10),
  region: kept,
  district: kept,
  line1: z.string().max(500),
  line2: kept,
  postcode: kept,
});

/** An address read back from an order's snapshot (null if it is missing or not an address). */
export function storedAddress(value: unknown): ShippingAddress | null {
  const parsed = storedSchema.safeParse(value);
  if (!parsed.success) return null;
  const a = parsed.data;
  return { ...a, region: a.region, district: a.district, line2: a.line2, postcode: a.postcode };
}
