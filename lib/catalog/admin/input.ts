// What the back office's product and category forms may submit, checked on the server (pure).
// A form arrives as text fields; each is read into a typed value or a message for that field
// ("errors", keyed by the form's field names), in plain English, for the merchant.
import { z } from "zod";
import { isSlug } from "../../cart/cookie";
import type { Locale } from "../../i18n/locale";
import { CURRENCIES, currencyExponent, MAX_AMOUNT_MINOR, parseMajor, toMajorString } from "../../money";

/** The languages besides English a product's or category's copy may be given in. */
export const OTHER_LOCALES = ["zh-HK", "zh-CN"] as const satisfies readonly Locale[];
export const MAX_NAME = 120;
export const MAX_DESCRIPTION = 4000;
/** Largest number of units on hand a form may set. */
export const MAX_STOCK = 1_000_000;

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

type Copy = { name?: string; description?: string };
export type Translations = Partial<Record<(typeof OTHER_LOCALES)[number], Copy>>;

export type ProductInput = {
  slug: string;
  name: string;
  description: string;
  translations: Translations | null;
  priceMinor: number;
  currency: string;
  /** Units on hand; null: stock not tracked (unlimited). */
  stockOnHand: number | null;
  categoryIds: string[];
  active: boolean;
};

export type CategoryInput = {
  slug: string;
  name: string;
  translations: Partial<Record<(typeof OTHER_LOCALES)[number], { name: string }>> | null;
  active: boolean;
};

/** A form's fields as text (a FormData or a plain object from JSON). */
export type FormFields = { get(name: string): unknown; getAll?(name: string): unknown[] };

function text(fields: FormFields, name: string): string {
  const value = fields.get(name);
  return typeof value === "string" ? value.normalize("NFC").trim() : "";
}

function all(fields: FormFields, name: string): string[] {
  const values = fields.getAll ? fields.getAll(name) : [fields.get(name)].flat();
  return values.filter((v): v is string => typeof v === "string" && v !== "");
}

function checked(fields: FormFields, name: string): boolean {
  const value = fields.get(name);
  return value === true || value === "on" || value === "true" || value === "1";
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A line of copy: required or not, at most `max` characters, no control characters. */
function copyField(errors: FieldErrors, field: string, value: string, max: number, required: boolean): string {
  if (!value) {
    if (required) errors[field] = "Required.";
    return "";
  }
  if (value.length > max) errors[field] = `At most ${max} characters (this has ${value.length}).`;
  else if (CONTROL.test(value)) errors[field] = "Contains a control character.";
  return value;
}

function slugField(errors: FieldErrors, value: string): string {
  const slug = value.toLowerCase();
  if (!slug) errors.slug = "Required.";
  else if (!isSlug(slug))
    errors.slug =
      "Use 1 to 80 lower-case letters, digits and dashes, not starting or ending with a dash (e.g. silk-fan).";
  return slug;
}

/** Reads a product form. Prices are typed in major units ("168.00"); the result holds minor units. */
export function parseProductForm(fields: FormFields): Parsed<ProductInput> {
  const errors: FieldErrors = {};
  const slug = slugField(errors, text(fields, "slug"));
  const name = copyField(errors, "name", text(fields, "name"), MAX_NAME, true);
  const description = copyField(errors, "description", text(fields, "description"), MAX_DESCRIPTION, true);
  const translations: Translations = {};
  for (const locale of OTHER_LOCALES) {
    const copy: Copy = {};
    const localName = copyField(errors, `name.${locale}`, text(fields, `name.${locale}`), MAX_NAME, false);
    const localDescription = copyField(
      errors,
      `description.${locale}`,
      text(fields, `description.${locale}`),
      MAX_DESCRIPTION,
      false,
    );
    if (localName) copy.name = localName;
    if (localDescription) copy.description = localDescription;
    if (localName || localDescription) translations[locale] = copy;
  }

  const currency = text(fields, "currency").toUpperCase();
  const currencyOk = CURRENCIES.includes(currency);
  if (!currencyOk) errors.currency = `Choose one of ${CURRENCIES.join(", ")}.`;
  const price = text(fields, "price");
  let priceMinor = 0;
  if (!price) errors.price = "Required.";
  else if (/^-/.test(price)) errors.price = "The price cannot be negative.";
  else if (currencyOk) {
    const exponent = currencyExponent(currency);
    const minor = parseMajor(price, currency);
    if (minor === null)
      errors.price =
        exponent === 0
          ? `Whole ${currency} only (${currency} has no minor unit), e.g. 1200.`
          : `A number with at most ${exponent} decimal${exponent === 1 ? "" : "s"}, e.g. ${toMajorString(16800 * 10 ** (exponent - 2), currency)}.`;
    else if (minor === 0) errors.price = "The price must be more than zero.";
    else if (minor > MAX_AMOUNT_MINOR)
      errors.price = `At most ${toMajorString(MAX_AMOUNT_MINOR, currency)} ${currency} (the payment gateway's limit).`;
    else priceMinor = minor;
  }

  const stock = text(fields, "stock");
  let stockOnHand: number | null = null;
  if (stock !== "") {
    if (!/^\d{1,7}$/.test(stock) || Number(stock) > MAX_STOCK)
      errors.stock = /^-/.test(stock)
        ? "Stock cannot be negative."
        : `A whole number of units from 0 to ${MAX_STOCK}, or empty for untracked (unlimited).`;
    else stockOnHand = Number(stock);
  }

  const categoryIds = [...new Set(all(fields, "categories"))];
  if (categoryIds.length > 50 || categoryIds.some((id) => !/^[a-z0-9]{1,40}$/.test(id)))
    errors.categories = "Choose categories from the list.";

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      slug,
      name,
      description,
      translations: Object.keys(translations).length > 0 ? translations : null,
      priceMinor,
      currency,
      stockOnHand,
      categoryIds,
      active: checked(fields, "active"),
    },
  };
}

export function parseCategoryForm(fields: FormFields): Parsed<CategoryInput> {
  const errors: FieldErrors = {};
  const slug = slugField(errors, text(fields, "slug"));
  const name = copyField(errors, "name", text(fields, "name"), MAX_NAME, true);
  const translations: NonNullable<CategoryInput["translations"]> = {};
  for (const locale of OTHER_LOCALES) {
    const localName = copyField(errors, `name.${locale}`, text(fields, `name.${locale}`), MAX_NAME, false);
    if (localName) translations[locale] = { name: localName };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      slug,
      name,
      translations: Object.keys(translations).length > 0 ? translations : null,
      active: checked(fields, "active"),
    },
  };
}

/** What a product form shows for a stored product (prices back in major units). */
export function productFormValues(product: {
  slug: string;
  name: string;
  description: string;
  translations: unknown;
  priceMinor: number;
  currency: string;
  stockAvailable: number | null;
  stockReserved: number;
  active: boolean;
}): Record<string, string> {
  const parsed = z
    .record(z.string(), z.object({ name: z.string().optional(), description: z.string().optional() }))
    .safeParse(product.translations ?? {});
  const copy = parsed.success ? parsed.data : {};
  const values: Record<string, string> = {
    slug: product.slug,
    name: product.name,
    description: product.description,
    price: toMajorString(product.priceMinor, product.currency),
    currency: product.currency,
    stock: product.stockAvailable === null ? "" : String(product.stockAvailable + product.stockReserved),
    active: product.active ? "on" : "",
  };
  for (const locale of OTHER_LOCALES) {
    values[`name.${locale}`] = copy[locale]?.name ?? "";
    values[`description.${locale}`] = copy[locale]?.description ?? "";
  }
  return values;
}

/** What a category form shows for a stored category. */
export function categoryFormValues(category: {
  slug: string;
  name: string;
  translations: unknown;
  active: boolean;
}): Record<string, string> {
  const parsed = z.record(z.string(), z.object({ name: z.string().optional() })).safeParse(category.translations ?? {});
  const names = parsed.success ? parsed.data : {};
  const values: Record<string, string> = {
    slug: category.slug,
    name: category.name,
    active: category.active ? "on" : "",
  };
  for (const locale of OTHER_LOCALES) values[`name.${locale}`] = names[locale]?.name ?? "";
  return values;
}
