"use client";
import { useActionState } from "react";
import { refundAction, requeryAction, type AdminFormState } from "@/app/actions/admin";

function Result({ state }: { state: AdminFormState }) {
  if (state.error)
    return (
      <p role="alert" className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
        {state.error}
      </p>
    );
  if (state.message)
    return (
      <p role="status" className="mt-2 rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">
        {state.message}
      </p>
    );
  return null;
}

export function AdminRequery({ paymentId }: { paymentId: string }) {
  const [state, action, pending] = useActionState<AdminFormState, FormData>(requeryAction, { error: null });
  return (
    <form action={action}>
      <input type="hidden" name="paymentId" value={paymentId} />
      <button
        disabled={pending}
        className="rounded-lg border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-60"
      >
        {pending ? "Asking ScanForPay…" : "Re-query"}
      </button>
      <Result state={state} />
    </form>
  );
}

/**
 * The refundNo is minted when the page is rendered: a double click, or submitting again
 * after a timeout, sends the same refundNo, which is applied once.
 */
export function AdminRefund({
  paymentId,
  refundNo,
  currency,
  leftLabel,
  leftMajor,
}: {
  paymentId: string;
  refundNo: string;
  currency: string;
  leftLabel: string;
  leftMajor: string;
}) {
  const [state, action, pending] = useActionState<AdminFormState, FormData>(refundAction, { error: null });
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="refundNo" value={refundNo} />
      <label className="flex flex-col text-sm">
        Refund amount ({currency}), up to {leftLabel}
        <input
          name="amount"
          inputMode="decimal"
          required
          defaultValue={leftMajor}
          className="h-9 w-40 rounded-lg border border-stone-300 px-2"
        />
      </label>
      <button
        disabled={pending}
        className="h-9 rounded-lg bg-red-700 px-4 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "Refunding…" : "Refund"}
      </button>
      <div className="basis-full">
        <Result state={state} />
      </div>
    </form>
  );
}
