"use client";
import { useActionState, useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { placeOrderAction, type CheckoutState } from "@/app/actions/checkout";
import { formatMoney } from "@/lib/money";
import { zoneOf } from "@/lib/shipping/zones";
import { callingCode, type CountryOption } from "@/lib/shipping/countries";
import { ADDRESS_FIELDS, addressInputName, type AddressValues } from "@/lib/shipping/form";
import type { CheckoutMethod } from "@/lib/shipping/methods";
import { AddressFields } from "./address-fields";
import { CheckoutTotals } from "./checkout-totals";
import { FormSubmit } from "./form-submit";

/** Where the browser keeps the last address shipped to (no account needed). */
const REMEMBERED = "shop.address.v1";

function rememberedAddress(): AddressValues | null {
  try {
    const raw = JSON.parse(window.localStorage.getItem(REMEMBERED) ?? "null") as unknown;
    if (!raw || typeof raw !== "object") return null;
    const values: AddressValues = {};
    for (const f of ADDRESS_FIELDS) {
      const v = (raw as Record<string, unknown>)[f];
      if (typeof v === "string" && v.length <= 200) values[f] = v;
    }
    return values;
  } catch {
    return null;
  }
}

/**
 * Contact details, the delivery (an address and a shipping method, or pick-up in store), the
 * wallet (rendered on the server: `walletChoice`), the totals and the pay button. A plain
 * form posting to a server action: it works before JavaScript loads, and the server prices
 * the shipping and checks the address whatever the page showed.
 */
export function CheckoutForm({
  walletChoice,
  blocked = false,
  methods,
  countries,
  itemsMinor,
  currency,
  locale,
}: {
  walletChoice: ReactNode;
  /** Some line asks for more than is left: the pay button is disabled until the cart is changed. */
  blocked?: boolean;
  /** The active methods with their price per zone for this cart (empty: the shop offers no choice). */
  methods: CheckoutMethod[];
  countries: { near: CountryOption[]; other: CountryOption[] };
  itemsMinor: number;
  currency: string;
  locale: string;
}) {
  const t = useTranslations("checkout");
  const ts = useTranslations("shipping");
  const [state, action, pending] = useActionState<CheckoutState, FormData>(placeOrderAction, { error: null });
  const shipMethods = methods.filter((m) => m.kind === "ship");
  const pickupMethod = methods.find((m) => m.kind === "pickup") ?? null;
  const offersChoice = methods.length > 0;

  const submitted = state.values?.delivery;
  const [delivery, setDelivery] = useState<"ship" | "pickup">(
    submitted?.delivery ?? (shipMethods.length > 0 ? "ship" : "pickup"),
  );
  const [address, setAddress] = useState<AddressValues>(submitted?.address ?? {});
  const [country, setCountry] = useState((submitted?.address.country || "HK").toUpperCase());
  const [phoneCode, setPhoneCode] = useState(submitted?.address.phoneCode || callingCode(country) || "+852");
  const [chosen, setChosen] = useState(submitted?.method ?? "");
  const [prefill, setPrefill] = useState(0);
  const [hydrated, setHydrated] = useState(false);

  // The address shipped to last time, once the page runs in the browser (only on mount).
  useEffect(() => {
    setHydrated(true);
    if (submitted) return;
    const remembered = rememberedAddress();
    if (!remembered) return;
    setAddress(remembered);
    if (remembered.country) setCountry(remembered.country.toUpperCase());
    if (remembered.phoneCode) setPhoneCode(remembered.phoneCode);
    setPrefill((n) => n + 1);
  }, []);
  // After an answer, show what was typed again (React resets the form).
  useEffect(() => {
    if (!submitted) return;
    setAddress(submitted.address);
    setPrefill((n) => n + 1);
  }, [submitted]);

  const zone = zoneOf(country);
  const serving = shipMethods.filter((m) => m.prices[zone] !== undefined);
  const method = delivery === "ship" ? (serving.find((m) => m.code === chosen) ?? serving[0] ?? null) : pickupMethod;
  const shippingMinor = !offersChoice ? 0 : method ? (method.prices[zone] ?? 0) : null;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const price = (minor: number) => (minor === 0 ? ts("free") : money(minor));
  const total = money(itemsMinor + (shippingMinor ?? 0));
  const cannotShip = offersChoice && delivery === "ship" && serving.length === 0;

  function onCountry(next: string) {
    // The calling code follows the country unless the customer typed another one.
    if (phoneCode === "" || phoneCode === callingCode(country)) setPhoneCode(callingCode(next) || phoneCode);
    setCountry(next);
  }

  function remember(form: HTMLFormElement) {
    if (delivery !== "ship") return;
    const data = new FormData(form);
    const values: AddressValues = {};
    for (const f of ADDRESS_FIELDS) {
      const v = data.get(addressInputName(f));
      if (typeof v === "string" && v) values[f] = v;
    }
    try {
      window.localStorage.setItem(REMEMBERED, JSON.stringify(values));
    } catch {
      // Private mode or storage full: the address is simply not remembered.
    }
  }

  const field =
    "mt-1 block h-12 w-full rounded-xl border border-stone-300 bg-white px-3 text-base placeholder:text-stone-400";
  const choice =
    "flex cursor-pointer items-center gap-3 rounded-xl border border-stone-300 bg-white p-3 has-[:checked]:border-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-100";
  return (
    <form action={action} onSubmit={(e) => remember(e.currentTarget)} className="space-y-6">
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-stone-900">{t("contact")}</legend>
        <label className="block text-sm font-medium text-stone-700">
          {t("email")}
          <input
            name="email"
            type="email"
            required
            autoComplete="email"
            inputMode="email"
            maxLength={254}
            defaultValue={state.values?.email}
            className={field}
            aria-describedby="email-hint"
          />
          <span id="email-hint" className="mt-1 block text-xs font-normal text-stone-500">
            {t("emailHint")}
          </span>
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="block text-sm font-medium text-stone-700">
            {t("name")} <span className="font-normal text-stone-500">({t("optional")})</span>
            <input
              name="name"
              type="text"
              autoComplete="name"
              maxLength={120}
              defaultValue={state.values?.name}
              className={field}
            />
          </label>
          <label className="block text-sm font-medium text-stone-700">
            {t("phone")} <span className="font-normal text-stone-500">({t("optional")})</span>
            <input
              name="phone"
              type="tel"
              autoComplete="tel"
              maxLength={40}
              defaultValue={state.values?.phone}
              className={field}
            />
          </label>
        </div>
      </fieldset>

      {offersChoice && (
        <fieldset className="space-y-3">
          <legend className="mb-2 text-lg font-semibold text-stone-900">{ts("heading")}</legend>
          {shipMethods.length > 0 && (
            <label className={choice}>
              <input
                type="radio"
                name="delivery"
                value="ship"
                checked={delivery === "ship"}
                onChange={() => setDelivery("ship")}
                className="size-4 accent-brand-700"
              />
              <span className="font-medium text-stone-900">{ts("ship")}</span>
            </label>
          )}
          {pickupMethod && (
            <label className={choice}>
              <input
                type="radio"
                name="delivery"
                value="pickup"
                checked={delivery === "pickup"}
                onChange={() => setDelivery("pickup")}
                className="size-4 accent-brand-700"
              />
              <span className="flex flex-col">
                <span className="font-medium text-stone-900">{ts("pickup")}</span>
                {pickupMethod.description && <span className="text-xs text-stone-600">{pickupMethod.description}</span>}
              </span>
            </label>
          )}
          {pickupMethod && <input type="hidden" name="pickupMethod" value={pickupMethod.code} />}
        </fieldset>
      )}

      {offersChoice && delivery === "ship" && shipMethods.length > 0 && (
        <>
          <AddressFields
            key={prefill}
            country={country}
            onCountry={onCountry}
            phoneCode={phoneCode}
            onPhoneCode={setPhoneCode}
            countries={countries}
            values={address}
            errors={state.fields ?? {}}
          />
          <fieldset className="space-y-2">
            <legend className="mb-2 text-base font-semibold text-stone-900">{ts("methodHeading")}</legend>
            {serving.length === 0 && (
              <p role="status" className="rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
                {ts("noMethod")}
              </p>
            )}
            {serving.map((m) => (
              <label key={m.code} className={choice}>
                <input
                  type="radio"
                  name="shippingMethod"
                  value={m.code}
                  checked={method?.code === m.code}
                  onChange={() => setChosen(m.code)}
                  className="size-4 accent-brand-700"
                />
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="font-medium text-stone-900">{m.name}</span>
                  {m.description && <span className="text-xs text-stone-600">{m.description}</span>}
                </span>
                <span className="font-medium tabular-nums">{price(m.prices[zone]!)}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      {/* The price this page showed: the server refuses the order if it is no longer the price. */}
      {hydrated && offersChoice && shippingMinor !== null && (
        <input type="hidden" name="shippingMinor" value={shippingMinor} />
      )}
      {/* Without the script: the country the methods above were priced for (the server re-prices if it changed). */}
      {offersChoice && <input type="hidden" name="pricedCountry" value={country} />}

      {walletChoice}
      <CheckoutTotals
        items={money(itemsMinor)}
        shipping={shippingMinor === null ? null : price(shippingMinor)}
        total={total}
      />
      <FormSubmit
        error={state.error}
        pending={pending}
        label={t("pay", { amount: total })}
        busyLabel={t("paying")}
        disabled={blocked || cannotShip}
      />
    </form>
  );
}
