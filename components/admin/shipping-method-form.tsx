"use client";
import { useActionState } from "react";
import { saveShippingMethodAction, type ShippingFormState } from "@/app/actions/shipping";

type Props = {
  id?: string;
  values: Record<string, string>;
  currencies: readonly string[];
  zones: { zone: string; label: string }[];
};

const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500";

/** One shipping method's form: names in three languages, kind, currency, shown or not, position, rates per zone. */
export function ShippingMethodForm({ id, values: initial, currencies, zones }: Props) {
  const [state, action, pending] = useActionState<ShippingFormState, FormData>(saveShippingMethodAction, {
    errors: {},
  });
  const values = state.values ?? initial;
  const { errors } = state;
  const prefix = id ?? "new";
  const field = (name: string) => ({
    name,
    id: `${prefix}-${name}`,
    defaultValue: values[name] ?? "",
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${prefix}-e-${name}` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <span id={`${prefix}-e-${name}`} className="mt-1 block text-xs font-normal text-red-700">
        {errors[name]}
      </span>
    ) : null;
  const amount = { inputMode: "decimal" as const, className: `${input} tabular-nums`, maxLength: 16 };
  return (
    <form
      action={action}
      className="space-y-3 text-sm"
      aria-label={id ? `Edit ${initial.name}` : "New shipping method"}
    >
      {id && <input type="hidden" name="id" value={id} />}
      <div className="grid gap-3 sm:grid-cols-4">
        <label className="font-medium">
          Code
          <input {...field("code")} required maxLength={40} className={`${input} font-mono`} />
          {error("code")}
        </label>
        <label className="font-medium">
          Name (English)
          <input {...field("name")} required maxLength={120} className={input} />
          {error("name")}
        </label>
        <label className="font-medium">
          Name (zh-HK)
          <input {...field("name.zh-HK")} lang="zh-HK" maxLength={120} className={input} />
          {error("name.zh-HK")}
        </label>
        <label className="font-medium">
          Name (zh-CN)
          <input {...field("name.zh-CN")} lang="zh-CN" maxLength={120} className={input} />
          {error("name.zh-CN")}
        </label>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="font-medium">
          Description (English, optional)
          <input {...field("description")} maxLength={300} className={input} />
          {error("description")}
        </label>
        <label className="font-medium">
          Description (zh-HK)
          <input {...field("description.zh-HK")} lang="zh-HK" maxLength={300} className={input} />
          {error("description.zh-HK")}
        </label>
        <label className="font-medium">
          Description (zh-CN)
          <input {...field("description.zh-CN")} lang="zh-CN" maxLength={300} className={input} />
          {error("description.zh-CN")}
        </label>
      </div>
      <div className="grid items-start gap-3 sm:grid-cols-4">
        <label className="font-medium">
          Kind
          <select {...field("kind")} className={input}>
            <option value="ship">Delivery (rates per zone)</option>
            <option value="pickup">Pick-up in store (free)</option>
          </select>
          {error("kind")}
        </label>
        <label className="font-medium">
          Currency
          <select {...field("currency")} className={input}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {error("currency")}
        </label>
        <label className="font-medium">
          Position
          <input {...field("position")} inputMode="numeric" maxLength={5} className={`${input} tabular-nums`} />
          {error("position")}
        </label>
        <label className="flex items-center gap-1.5 self-center pt-5">
          <input type="checkbox" name="active" defaultChecked={values.active === "on"} /> Offered at checkout
        </label>
      </div>
      <fieldset className="rounded-lg border border-stone-200 p-3">
        <legend className="px-1 font-semibold">
          Rates (in the method&apos;s currency; leave a zone empty if it is not served)
        </legend>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left">
            <thead className="text-stone-500">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Zone
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Flat rate
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Per extra item
                </th>
                <th scope="col" className="py-1 font-medium">
                  Free when items reach
                </th>
              </tr>
            </thead>
            <tbody>
              {zones.map(({ zone, label }) => (
                <tr key={zone} className="align-top">
                  <th scope="row" className="py-1 pr-2 font-medium">
                    {label}
                  </th>
                  {(["flat", "perItem", "freeOver"] as const).map((part) => {
                    const name = `rate.${zone}.${part}`;
                    return (
                      <td key={part} className="py-1 pr-2">
                        <input
                          {...field(name)}
                          {...amount}
                          aria-label={`${label}: ${part === "flat" ? "flat rate" : part === "perItem" ? "per extra item" : "free when items reach"}`}
                        />
                        {error(name)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {error("rates")}
      </fieldset>
      <div className="flex items-center gap-3">
        <button
          disabled={pending}
          className="rounded-lg bg-stone-900 px-3 py-1.5 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : id ? "Save" : "Add method"}
        </button>
        <div aria-live="polite">
          {errors.form && <p className="text-red-700">{errors.form}</p>}
          {Object.keys(errors).length > 0 && !errors.form && (
            <p className="text-red-700">Not saved: correct the fields marked in red.</p>
          )}
          {state.message && <p className="text-emerald-800">{state.message}</p>}
        </div>
      </div>
    </form>
  );
}
