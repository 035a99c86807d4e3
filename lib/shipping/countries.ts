// The countries the address form offers (pure): the shop's usual destinations first, then
// the rest alphabetically by their name in the customer's language; and each one's calling code.
import { countryName, NEAR_COUNTRIES } from "./zones";

const OTHER_COUNTRIES = [
  "AE",
  "AR",
  "AT",
  "BE",
  "BN",
  "BR",
  "CH",
  "CL",
  "CZ",
  "DE",
  "DK",
  "ES",
  "FI",
  "FR",
  "GR",
  "ID",
  "IE",
  "IL",
  "IN",
  "IT",
  "KH",
  "LU",
  "MN",
  "MX",
  "NL",
  "NO",
  "NZ",
  "PH",
  "PL",
  "PT",
  "QA",
  "SA",
  "SE",
  "TH",
  "TR",
  "VN",
  "ZA",
] as const;

const CALLING_CODES: Record<string, string> = {
  HK: "+852",
  MO: "+853",
  CN: "+86",
  TW: "+886",
  SG: "+65",
  MY: "+60",
  JP: "+81",
  KR: "+82",
  GB: "+44",
  US: "+1",
  AU: "+61",
  CA: "+1",
  AE: "+971",
  AR: "+54",
  AT: "+43",
  BE: "+32",
  BN: "+673",
  BR: "+55",
  CH: "+41",
  CL: "+56",
  CZ: "+420",
  DE: "+49",
  DK: "+45",
  ES: "+34",
  FI: "+358",
  FR: "+33",
  GR: "+30",
  ID: "+62",
  IE: "+353",
  IL: "+972",
  IN: "+91",
  IT: "+39",
  KH: "+855",
  LU: "+352",
  MN: "+976",
  MX: "+52",
  NL: "+31",
  NO: "+47",
  NZ: "+64",
  PH: "+63",
  PL: "+48",
  PT: "+351",
  QA: "+974",
  SA: "+966",
  SE: "+46",
  TH: "+66",
  TR: "+90",
  VN: "+84",
  ZA: "+27",
};

export type CountryOption = { code: string; name: string };

/** The form's countries in a locale: near ones in the shop's order, then the others by name. */
export function countryOptions(locale: string): { near: CountryOption[]; other: CountryOption[] } {
  const option = (code: string) => ({ code, name: countryName(code, locale) });
  return {
    near: NEAR_COUNTRIES.map(option),
    other: OTHER_COUNTRIES.map(option).sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}

/** The country's calling code, e.g. +852 (empty when the form does not know it). */
export function callingCode(country: string): string {
  return CALLING_CODES[country.toUpperCase()] ?? "";
}
