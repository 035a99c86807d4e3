"use client";
import { useTranslations } from "next-intl";
import type { AddressField } from "@/lib/shipping/address";
import { hasPostcode, zoneOf } from "@/lib/shipping/zones";
import type { CountryOption } from "@/lib/shipping/countries";
import { addressInputName, type AddressValues } from "@/lib/shipping/form";

const field =
  "mt-1 block h-12 w-full rounded-xl border border-stone-300 bg-white px-3 text-base placeholder:text-stone-400 aria-invalid:border-red-600";
const label = "block text-sm font-medium text-stone-700";

/**
 * The delivery address, laid out for the country chosen: district in Hong Kong, province,
 * city and a 6-digit postcode in mainland China, a postcode wherever the country has one.
 * The country and the calling code are controlled (they change what is asked); the rest is
 * a plain form. No field is `required` in HTML: a pick-up order without JavaScript posts this
 * fieldset too, and the server answers a message per field for a shipment.
 */
export function AddressFields({
  country,
  onCountry,
  phoneCode,
  onPhoneCode,
  countries,
  values,
  errors,
}: {
  country: string;
  onCountry: (country: string) => void;
  phoneCode: string;
  onPhoneCode: (code: string) => void;
  countries: { near: CountryOption[]; other: CountryOption[] };
  values: AddressValues;
  errors: Partial<Record<AddressField, string>>;
}) {
  const t = useTranslations("address");
  const zone = zoneOf(country);
  const id = (f: AddressField) => `address-${f}`;
  /** The error's id when the field has one, for aria-describedby. */
  const described = (f: AddressField, hint?: string) =>
    [errors[f] ? `${id(f)}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined;
  const error = (f: AddressField) =>
    errors[f] ? (
      <span id={`${id(f)}-error`} className="mt-1 block text-sm text-red-700">
        {errors[f]}
      </span>
    ) : null;
  const text = (
    f: AddressField,
    labelText: string,
    props: React.InputHTMLAttributes<HTMLInputElement> & { hint?: string } = {},
  ) => {
    const { hint, ...input } = props;
    return (
      <div>
        <label className={label} htmlFor={id(f)}>
          {labelText}
        </label>
        <input
          id={id(f)}
          name={addressInputName(f)}
          type="text"
          defaultValue={values[f] ?? ""}
          aria-invalid={errors[f] ? true : undefined}
          aria-describedby={described(f, hint ? `${id(f)}-hint` : undefined)}
          className={field}
          {...input}
        />
        {hint && (
          <span id={`${id(f)}-hint`} className="mt-1 block text-xs text-stone-500">
            {hint}
          </span>
        )}
        {error(f)}
      </div>
    );
  };

  const regionLabel = zone === "hk" ? t("regionHK") : zone === "mainland" ? t("regionCN") : t("region");
  const districtLabel =
    zone === "hk"
      ? t("districtHK")
      : zone === "macau"
        ? t("districtMO")
        : zone === "mainland"
          ? t("districtCN")
          : t("district");

  return (
    <fieldset className="space-y-4" data-testid="address-fields">
      <legend className="text-base font-semibold text-stone-900">{t("heading")}</legend>
      {text("recipient", t("recipient"), { autoComplete: "shipping name", maxLength: 120 })}
      <div>
        <label className={label} htmlFor={id("country")}>
          {t("country")}
        </label>
        <select
          id={id("country")}
          name={addressInputName("country")}
          value={country}
          onChange={(e) => onCountry(e.target.value)}
          autoComplete="shipping country"
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={described("country")}
          className={field}
        >
          {countries.near.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
          <option disabled>──────────</option>
          {countries.other.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {error("country")}
      </div>
      <div className="grid grid-cols-[7rem_1fr] gap-3">
        <div>
          <label className={label} htmlFor={id("phoneCode")}>
            {t("phoneCode")}
          </label>
          <input
            id={id("phoneCode")}
            name={addressInputName("phoneCode")}
            type="text"
            inputMode="tel"
            autoComplete="shipping tel-country-code"
            maxLength={5}
            value={phoneCode}
            onChange={(e) => onPhoneCode(e.target.value)}
            aria-invalid={errors.phoneCode ? true : undefined}
            aria-describedby={described("phoneCode")}
            className={field}
          />
          {error("phoneCode")}
        </div>
        {text("phone", t("phone"), {
          type: "tel",
          inputMode: "tel",
          autoComplete: "shipping tel-national",
          maxLength: 20,
          hint: t("phoneHint"),
        })}
      </div>
      {text("line1", t("line1"), {
        autoComplete: "shipping address-line1",
        maxLength: 200,
        hint: t("line1Hint"),
      })}
      {text("line2", t("line2"), { autoComplete: "shipping address-line2", maxLength: 200 })}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("district", districtLabel, {
          autoComplete: "shipping address-level2",
          maxLength: 120,
        })}
        {zone !== "macau" &&
          text("region", regionLabel, {
            autoComplete: "shipping address-level1",
            maxLength: 120,
          })}
      </div>
      {hasPostcode(country) &&
        text("postcode", zone === "mainland" ? t("postcodeCN") : t("postcode"), {
          autoComplete: "shipping postal-code",
          maxLength: zone === "mainland" ? 6 : 20,
          inputMode: zone === "mainland" ? "numeric" : undefined,
        })}
      <p className="text-xs text-stone-500">{t("remembered")}</p>
    </fieldset>
  );
}
