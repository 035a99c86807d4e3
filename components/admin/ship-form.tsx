"use client";
import { useActionState } from "react";
import { shipAction, type FulfilmentFormState } from "@/app/actions/fulfilment";
import { MAX_CARRIER, MAX_TRACKING, MAX_TRACKING_URL } from "@/lib/fulfilment/limits";
import { FormResult } from "./form-result";

const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500";
const CARRIERS = ["Hongkong Post", "SF Express", "DHL Express", "FedEx", "UPS", "Kerry Express", "Macau Post", "EMS"];

/** Mark shipped (carrier, tracking number, optional link), or correct the tracking of a shipped order. */
export function ShipForm({
  orderNo,
  mode,
  defaults = {},
}: {
  orderNo: string;
  mode: "ship" | "update_tracking";
  defaults?: { carrier?: string | null; trackingNumber?: string | null; trackingUrl?: string | null };
}) {
  const [state, action, pending] = useActionState<FulfilmentFormState, FormData>(shipAction, { error: null });
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const id = `${mode}-${orderNo}`;
  const field = (name: "carrier" | "trackingNumber" | "trackingUrl") => ({
    name,
    id: `${id}-${name}`,
    defaultValue: values[name] ?? defaults[name] ?? "",
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-e-${name}` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <span id={`${id}-e-${name}`} className="mt-1 block text-xs font-normal text-red-700">
        {errors[name]}
      </span>
    ) : null;
  return (
    <form
      action={action}
      className="space-y-2 text-sm"
      aria-label={mode === "ship" ? "Mark shipped" : "Update tracking"}
    >
      <input type="hidden" name="orderNo" value={orderNo} />
      <input type="hidden" name="intent" value={mode} />
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="font-medium">
          Carrier
          <input {...field("carrier")} required maxLength={MAX_CARRIER} list={`${id}-carriers`} className={input} />
          <datalist id={`${id}-carriers`}>
            {CARRIERS.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          {error("carrier")}
        </label>
        <label className="font-medium">
          Tracking number
          <input
            {...field("trackingNumber")}
            required
            maxLength={MAX_TRACKING}
            pattern="[A-Za-z0-9 \-]+"
            title="Letters, digits, spaces and - only"
            className={`${input} font-mono`}
          />
          {error("trackingNumber")}
        </label>
      </div>
      <label className="block font-medium">
        Tracking link <span className="font-normal text-stone-500">(optional, https://)</span>
        <input
          {...field("trackingUrl")}
          type="url"
          maxLength={MAX_TRACKING_URL}
          placeholder="https://"
          className={input}
        />
        {error("trackingUrl")}
      </label>
      <button
        disabled={pending}
        className="rounded-lg bg-stone-900 px-3 py-1.5 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : mode === "ship" ? "Mark shipped" : "Update tracking"}
      </button>
      <div aria-live="polite">
        <FormResult
          error={state.errors && Object.keys(state.errors).length > 0 ? null : state.error}
          message={state.message}
        />
      </div>
    </form>
  );
}
