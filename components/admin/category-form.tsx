"use client";
import { useActionState } from "react";
import { saveCategoryAction, type CatalogFormState } from "@/app/actions/catalog";

type Props = { id?: string; values: Record<string, string> };

const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500";

/** One category's form (new, or an existing one's): slug, names in three languages, shown or hidden. */
export function CategoryForm({ id, values: initial }: Props) {
  const [state, action, pending] = useActionState<CatalogFormState, FormData>(saveCategoryAction, { errors: {} });
  const values = (state.values as Record<string, string> | undefined) ?? initial;
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
  return (
    <form action={action} className="grid items-start gap-3 text-sm sm:grid-cols-[1fr_1fr_1fr_1fr_auto_auto]">
      {id && <input type="hidden" name="id" value={id} />}
      <label className="font-medium">
        Slug
        <input {...field("slug")} required maxLength={80} className={`${input} font-mono`} />
        {error("slug")}
      </label>
      <label className="font-medium">
        Name (English)
        <input {...field("name")} required maxLength={120} className={input} />
        {error("name")}
      </label>
      <label className="font-medium">
        zh-HK
        <input {...field("name.zh-HK")} lang="zh-HK" maxLength={120} className={input} />
        {error("name.zh-HK")}
      </label>
      <label className="font-medium">
        zh-CN
        <input {...field("name.zh-CN")} lang="zh-CN" maxLength={120} className={input} />
        {error("name.zh-CN")}
      </label>
      <label className="flex items-center gap-1.5 self-center pt-5">
        <input type="checkbox" name="active" defaultChecked={values.active === "on"} /> Shown
      </label>
      <div className="self-center pt-5">
        <button
          disabled={pending}
          className="rounded-lg bg-stone-900 px-3 py-1.5 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : id ? "Save" : "Add category"}
        </button>
      </div>
      <div aria-live="polite" className="sm:col-span-6">
        {errors.form && <p className="text-red-700">{errors.form}</p>}
        {state.message && <p className="text-emerald-800">{state.message}</p>}
      </div>
    </form>
  );
}
