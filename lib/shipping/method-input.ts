// What the back office's shipping-method form may submit, checked on the server (pure). Rates are
// typed in major units ("35.00") and come out in minor units (lib/money.ts); a zone left without
// a flat rate is a zone the method does not serve. Messages are per field, in plain English.
import { z } from "zod";
import type { DeliveryKind, ShippingZone } from "../generated/prisma/enums";
import { CURRENCIES, currencyExponent, MAX_AMOUNT_MINOR, parseMajor, toMajorString } from "../money";

export const ZONES: readonly ShippingZone[] = ["hk", "macau", "mainland", "world"];
export const ZONE_LABELS: Readonly<Record<ShippingZone, string>> = {
  hk: "Hong Kong",
  macau: "Macau",
  mainland: "Mainland China",
  world: "Rest of the world",
};
export const METHOD_LOCALES = ["zh-HK", "zh-CN"] as const;
export const MAX_METHOD_NAME = 120;
export const MAX_METHOD_DESCRIPTION = 300;
export const MAX_POSITION = 10_000;

export type FieldErrors = Record<string, string>;
export type RateInput = { zone: ShippingZone; flatMinor: number; perItemMinor: number; freeOverMinor: number | null };
export type MethodInput = {
  code: string;
  name: string;
  /** { "en": { "description" }, "zh-HK": { "name", "description" }, … } as checkout reads it (lib/shipping/snapshot.ts). */
  translations: Partial<Record<"en" | (typeof METHOD_LOCALES)[number], { name?: string; description?: string }>> | null;
  kind: DeliveryKind;
  currency: string;
  active: boolean;
  position: number;
  rates: RateInput[];
};

type Fields = { get(name: string): unknown };

const CONTROL = /[\u0000-\u001f\u007f]/;

function text(fields: Fields, name: string): string {
  const value = fields.get(name);
  return typeof value === "string" ? value.normalize("NFC").trim() : "";
}

function name(errors: FieldErrors, field: string, value: string, required: boolean, max = MAX_METHOD_NAME): string {
  if (!value) {
    if (required) errors[field] = "Required.";
  } else if (value.length > max) errors[field] = `At most ${max} characters (this has ${value.length}).`;
  else if (CONTROL.test(value)) errors[field] = "Contains a control character.";
  return value;
}

/** An amount typed in major units: minor units, or a message for the field. */
function amount(errors: FieldErrors, field: string, value: string, currency: string | null): number | null {
  if (value === "") return null;
  if (/^-/.test(value)) {
    errors[field] = "Cannot be negative.";
    return null;
  }
  if (!currency) return null; // the currency's own error says what to fix first
  const minor = parseMajor(value, currency);
  const exponent = currencyExponent(currency);
  if (minor === null) {
    errors[field] =
      exponent === 0
        ? `Whole ${currency} only (${currency} has no minor unit), e.g. 50.`
        : `A number with at most ${exponent} decimal${exponent === 1 ? "" : "s"}, e.g. ${toMajorString(3500 * 10 ** (exponent - 2), currency)}.`;
    return null;
  }
  if (minor > MAX_AMOUNT_MINOR) {
    errors[field] = `At most ${toMajorString(MAX_AMOUNT_MINOR, currency)} ${currency}.`;
    return null;
  }
  return minor;
}

export const rateField = (zone: ShippingZone, part: "flat" | "perItem" | "freeOver") => `rate.${zone}.${part}`;

export function parseMethodForm(fields: Fields): { ok: true; value: MethodInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const code = text(fields, "code").toLowerCase();
  if (!code) errors.code = "Required.";
  else if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(code))
    errors.code = "1 to 40 lower-case letters, digits and dashes, not starting or ending with a dash (e.g. hk-post).";
  const main = name(errors, "name", text(fields, "name"), true);
  const translations: NonNullable<MethodInput["translations"]> = {};
  const description = (field: string) => name(errors, field, text(fields, field), false, MAX_METHOD_DESCRIPTION);
  const enDescription = description("description");
  if (enDescription) translations.en = { description: enDescription };
  for (const locale of METHOD_LOCALES) {
    const local = name(errors, `name.${locale}`, text(fields, `name.${locale}`), false);
    const localDescription = description(`description.${locale}`);
    if (local || localDescription)
      translations[locale] = {
        ...(local ? { name: local } : {}),
        ...(localDescription ? { description: localDescription } : {}),
      };
  }
  const kindParsed = z.enum(["ship", "pickup"]).safeParse(text(fields, "kind"));
  if (!kindParsed.success) errors.kind = "Choose delivery or pick-up.";
  const kind = kindParsed.success ? kindParsed.data : "ship";
  const currency = text(fields, "currency").toUpperCase();
  const currencyOk = CURRENCIES.includes(currency);
  if (!currencyOk) errors.currency = `Choose one of ${CURRENCIES.join(", ")}.`;
  const positionText = text(fields, "position") || "0";
  let position = 0;
  if (!/^\d{1,5}$/.test(positionText) || Number(positionText) > MAX_POSITION)
    errors.position = `A whole number from 0 to ${MAX_POSITION}.`;
  else position = Number(positionText);

  const rates: RateInput[] = [];
  for (const zone of ZONES) {
    const [flatText, perItemText, freeOverText] = (["flat", "perItem", "freeOver"] as const).map((p) =>
      text(fields, rateField(zone, p)),
    );
    const c = currencyOk ? currency : null;
    const flat = amount(errors, rateField(zone, "flat"), flatText!, c);
    const perItem = amount(errors, rateField(zone, "perItem"), perItemText!, c);
    const freeOver = amount(errors, rateField(zone, "freeOver"), freeOverText!, c);
    const any = flatText !== "" || perItemText !== "" || freeOverText !== "";
    if (!any) continue;
    if (kind === "pickup") {
      errors[rateField(zone, "flat")] ??= "A pick-up method is free and has no rates: leave the zones empty.";
      continue;
    }
    if (flatText === "") {
      errors[rateField(zone, "flat")] ??= "Give the flat rate (0 for free), or leave this zone's fields empty.";
      continue;
    }
    if (flat !== null) rates.push({ zone, flatMinor: flat, perItemMinor: perItem ?? 0, freeOverMinor: freeOver });
  }
  if (kind === "ship" && rates.length === 0 && !Object.keys(errors).some((k) => k.startsWith("rate.")))
    errors.rates = "A delivery method needs a flat rate in at least one zone.";

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      code,
      name: main,
      translations: Object.keys(translations).length > 0 ? translations : null,
      kind,
      currency,
      active: ["on", "true", "1"].includes(text(fields, "active")),
      position,
      rates,
    },
  };
}

/** What the form shows for a stored method (amounts back in major units). */
export function methodFormValues(method: {
  code: string;
  name: string;
  translations: unknown;
  kind: DeliveryKind;
  currency: string;
  active: boolean;
  position: number;
  rates: { zone: ShippingZone; flatMinor: number; perItemMinor: number; freeOverMinor: number | null }[];
}): Record<string, string> {
  const parsed = z
    .record(z.string(), z.object({ name: z.string().optional(), description: z.string().optional() }))
    .safeParse(method.translations ?? {});
  const names = parsed.success ? parsed.data : {};
  const major = (minor: number) => toMajorString(minor, method.currency);
  const values: Record<string, string> = {
    code: method.code,
    name: method.name,
    kind: method.kind,
    currency: method.currency,
    active: method.active ? "on" : "",
    position: String(method.position),
  };
  values.description = names.en?.description ?? "";
  for (const locale of METHOD_LOCALES) {
    values[`name.${locale}`] = names[locale]?.name ?? "";
    values[`description.${locale}`] = names[locale]?.description ?? "";
  }
  for (const rate of method.rates) {
    values[rateField(rate.zone, "flat")] = major(rate.flatMinor);
    values[rateField(rate.zone, "perItem")] = rate.perItemMinor ? major(rate.perItemMinor) : "";
    values[rateField(rate.zone, "freeOver")] = rate.freeOverMinor === null ? "" : major(rate.freeOverMinor);
  }
  return values;
}
