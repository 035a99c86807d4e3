"use client";
import { useActionState, useState } from "react";
import { saveProductAction, type CatalogFormState } from "@/app/actions/catalog";

type Props = {
  id?: string;
  values: Record<string, string | string[]>;
  categories: { id: string; name: string }[];
  currencies: { code: string; exponent: number }[];
  /** Set when the product has been ordered: its slug can no longer change. */
  slugLocked?: boolean;
};

const input =
  "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-500 aria-invalid:ring-1 aria-invalid:ring-red-300";

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}

export function ProductForm({ id, values: initial, categories, currencies, slugLocked }: Props) {
  const [state, action, pending] = useActionState<CatalogFormState, FormData>(saveProductAction, { errors: {} });
  const values = state.values ?? initial;
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const [currency, setCurrency] = useState(text("currency") || "HKD");
  const exponent = currencies.find((c) => c.code === currency)?.exponent ?? 2;
  const chosen = new Set([values.categories ?? []].flat());
  const errors = state.errors;
  // The field's error is read with it (aria-describedby) and marks it invalid.
  const field = (name: string) => ({
    name,
    id: `f-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `e-${name}` : undefined,
  });
  const count = Object.keys(errors).length;
  return (
    <form action={action} className="space-y-6" noValidate>
      {id && <input type="hidden" name="id" value={id} />}
      {count > 0 && (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          data-testid="form-errors"
        >
          {errors.form ?? `Nothing was saved: ${count === 1 ? "one field needs" : `${count} fields need`} a change.`}
        </p>
      )}
      <fieldset className="grid gap-4 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">Product</legend>
        <label className="block text-sm font-medium" htmlFor="f-slug">
          Slug (the product&apos;s address: /products/…)
          <input
            {...field("slug")}
            defaultValue={text("slug")}
            readOnly={slugLocked}
            required
            maxLength={80}
            pattern="[a-z0-9](?:[a-z0-9\-]{0,78}[a-z0-9])?"
            className={`${input} font-mono read-only:bg-stone-100`}
          />
          {slugLocked && (
            <span className="mt-1 block text-xs font-normal text-stone-500">
              Fixed: this product has been ordered, and orders and links keep its slug.
            </span>
          )}
          <FieldError id="e-slug" message={errors.slug} />
        </label>
        <label className="flex items-center gap-2 self-end text-sm font-medium">
          <input type="checkbox" name="active" defaultChecked={text("active") === "on"} className="h-4 w-4" />
          On sale (shown in the shop)
        </label>
        <label className="block text-sm font-medium" htmlFor="f-price">
          Price in {currency}{" "}
          <span className="font-normal text-stone-500">
            ({exponent === 0 ? "whole units, no decimals" : `up to ${exponent} decimals`})
          </span>
          <input
            {...field("price")}
            defaultValue={text("price")}
            inputMode="decimal"
            required
            placeholder={exponent === 0 ? "1200" : `168.${"0".repeat(exponent)}`}
            className={input}
          />
          <FieldError id="e-price" message={errors.price} />
        </label>
        <label className="block text-sm font-medium" htmlFor="f-currency">
          Currency
          <select
            {...field("currency")}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            className={input}
          >
            {currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} ({c.exponent} decimal{c.exponent === 1 ? "" : "s"})
              </option>
            ))}
          </select>
          <FieldError id="e-currency" message={errors.currency} />
        </label>
        <label className="block text-sm font-medium" htmlFor="f-stock">
          Units on hand <span className="font-normal text-stone-500">(empty: not tracked, never sells out)</span>
          <input {...field("stock")} defaultValue={text("stock")} inputMode="numeric" className={input} />
          <FieldError id="e-stock" message={errors.stock} />
        </label>
        <fieldset className="text-sm" aria-describedby={errors.categories ? "e-categories" : undefined}>
          <legend className="font-medium">Categories</legend>
          {categories.length === 0 ? (
            <p className="mt-1 text-stone-500">
              No categories yet: add them under{" "}
              <a href="/admin/categories" className="underline">
                Categories
              </a>
              .
            </p>
          ) : (
            <div className="mt-1 flex flex-wrap gap-3">
              {categories.map((c) => (
                <label key={c.id} className="flex items-center gap-1.5">
                  <input type="checkbox" name="categories" value={c.id} defaultChecked={chosen.has(c.id)} />
                  {c.name}
                </label>
              ))}
            </div>
          )}
          <FieldError id="e-categories" message={errors.categories} />
        </fieldset>
      </fieldset>

      {(
        [
          ["", "English (required)"],
          [".zh-HK", "繁體中文 zh-HK (optional: English is shown where empty)"],
          [".zh-CN", "简体中文 zh-CN (optional: English is shown where empty)"],
        ] as const
      ).map(([suffix, title]) => (
        <fieldset key={suffix} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">{title}</legend>
          <label className="block text-sm font-medium" htmlFor={`f-name${suffix}`}>
            Name
            <input
              {...field(`name${suffix}`)}
              defaultValue={text(`name${suffix}`)}
              maxLength={120}
              required={suffix === ""}
              lang={suffix ? suffix.slice(1) : "en"}
              className={input}
            />
            <FieldError id={`e-name${suffix}`} message={errors[`name${suffix}`]} />
          </label>
          <label className="block text-sm font-medium" htmlFor={`f-description${suffix}`}>
            Description
            <textarea
              {...field(`description${suffix}`)}
              defaultValue={text(`description${suffix}`)}
              rows={3}
              maxLength={4000}
              required={suffix === ""}
              lang={suffix ? suffix.slice(1) : "en"}
              className={input}
            />
            <FieldError id={`e-description${suffix}`} message={errors[`description${suffix}`]} />
          </label>
        </fieldset>
      ))}

      <div className="flex items-center gap-3">
        <button
          disabled={pending}
          className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : id ? "Save changes" : "Create product"}
        </button>
        <a href="/admin/products" className="text-sm underline">
          {id ? "Back to products" : "Cancel"}
        </a>
      </div>
    </form>
  );
}
