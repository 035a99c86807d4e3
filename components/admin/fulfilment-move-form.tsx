"use client";
import { useActionState } from "react";
import { fulfilmentMoveAction, type FulfilmentFormState } from "@/app/actions/fulfilment";
import { FormResult } from "./form-result";

/** One button: mark a shipped order delivered, or a pick-up order collected. */
export function FulfilmentMoveForm({ orderNo, intent }: { orderNo: string; intent: "deliver" | "collect" }) {
  const [state, action, pending] = useActionState<FulfilmentFormState, FormData>(fulfilmentMoveAction, {
    error: null,
  });
  return (
    <form action={action} className="text-sm">
      <input type="hidden" name="orderNo" value={orderNo} />
      <input type="hidden" name="intent" value={intent} />
      <button
        disabled={pending}
        className="rounded-lg border border-stone-300 px-3 py-1.5 font-semibold hover:bg-stone-100 disabled:opacity-60"
      >
        {pending ? "Saving…" : intent === "deliver" ? "Mark delivered" : "Mark collected"}
      </button>
      <div aria-live="polite">
        <FormResult error={state.error} message={state.message} />
      </div>
    </form>
  );
}
