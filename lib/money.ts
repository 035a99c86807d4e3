// Money is an integer number of minor units plus an ISO 4217 currency code.
// Never a float: 168.00 HKD is { minor: 16800, currency: "HKD" }; 500 JPY is { minor: 500 }.

/**
 * Minor-unit exponent per ISO 4217. Listed explicitly for the currencies a ScanForPay
 * merchant meets, because Intl's CLDR data gives display digits, which differ from
 * ISO 4217 for a few currencies (e.g. CLDR shows TWD and HUF without decimals).
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  HKD: 2,
  CNY: 2,
  MOP: 2,
  TWD: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  AUD: 2,
  CAD: 2,
  SGD: 2,
  MYR: 2,
  THB: 2,
  PHP: 2,
  NZD: 2,
  CHF: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
  IDR: 2,
  KWD: 3,
  BHD: 3,
  OMR: 3,
};

/** The currencies this shop can price in (the back office's list), in the order above. */
export const CURRENCIES: readonly string[] = Object.freeze(Object.keys(EXPONENTS));

export class MoneyError extends Error {
  override name = "MoneyError";
}

function assertCurrency(currency: string): void {
  if (!/^[A-Z]{3}$/.test(currency)) throw new MoneyError(`Not an ISO 4217 currency code: "${currency}"`);
}

/**
 * Largest amount the database columns and ScanForPay's `int` amounts hold (32-bit):
 * HK$21,474,836.47. Orders above it are refused before they reach either.
 */
export const MAX_AMOUNT_MINOR = 2_147_483_647;

/**
 * Number of decimal places of the currency's minor unit (HKD 2, JPY 0, KWD 3).
 * Only the currencies listed above: a typo such as "HDK" must fail, not format as money.
 */
export function currencyExponent(currency: string): number {
  assertCurrency(currency);
  const known = EXPONENTS[currency];
  if (known === undefined)
    throw new MoneyError(`Unsupported currency: "${currency}" (add it to EXPONENTS in lib/money.ts)`);
  return known;
}

export function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) throw new MoneyError(`Amounts are whole numbers of minor units, got ${minor}`);
}

/** Exact decimal text of an amount in major units: 16800 HKD → "168.00", 500 JPY → "500". */
export function toMajorString(minor: number, currency: string): string {
  assertMinor(minor);
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Amount formatted for a customer's locale, e.g. formatMoney(16800, "HKD", "zh-HK") → "HK$168.00". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // A decimal string keeps the value exact: no binary floating point on the way.
  return format.format(toMajorString(minor, currency) as Intl.StringNumericLiteral);
}

/** Sum of line totals; throws if it leaves the safe integer range. */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    assertMinor(amount);
    total += amount;
  }
  assertMinor(total);
  return total;
}

/**
 * A decimal amount typed by a person ("12.5", "12.50", "1200") to minor units, exactly;
 * null if it is not a non-negative number with at most the currency's decimals.
 */
export function parseMajor(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(text.trim().replace(/,/g, ""));
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > exponent) return null;
  const minor = Number(match[1] + fraction.padEnd(exponent, "0"));
  return Number.isSafeInteger(minor) ? minor : null;
}
