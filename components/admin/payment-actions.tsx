"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { refundAction, requeryAction, type AdminFormState, type RefundFormState } from "@/app/actions/admin";

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
      <div aria-live="polite">
        <Result state={state} />
      </div>
    </form>
  );
}

/**
 * The refundNo is minted when the page is rendered: a double click, or submitting again
 * after a timeout, sends the same refundNo, which is applied once.
 *
 * Two steps: "Refund…" asks the server to check the amount and answers a question that
 * restates it; only "Confirm" sends. Without JavaScript the same buttons post the form
 * ("Refund all" then asks about everything left, "Cancel" forgets the question).
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
  const [state, action, pending] = useActionState<RefundFormState, FormData>(refundAction, { error: null });
  // Controlled, so the amount typed stays through the question and after a cancel.
  const [amount, setAmount] = useState("");
  // The answer whose question was cancelled here (with JavaScript nothing is sent for a cancel).
  const [cancelled, setCancelled] = useState<RefundFormState | null>(null);
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.message) setAmount("");
  }
  const review = state.review && cancelled !== state ? state.review : null;
  const question = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (review) question.current?.focus();
  }, [review]);
  const button = "h-9 rounded-lg px-4 text-sm font-semibold disabled:opacity-60";
  const hintId = `refund-hint-${paymentId}`;
  return (
    <form action={action} className="flex w-full max-w-xl flex-wrap items-end gap-2" data-testid="admin-refund-form">
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="refundNo" value={review?.refundNo ?? refundNo} />
      {review ? (
        <div
          ref={question}
          tabIndex={-1}
          role="group"
          aria-labelledby={`refund-question-${paymentId}`}
          data-testid="refund-confirm"
          className="basis-full rounded-lg border border-red-300 bg-red-50 p-3 outline-none focus-visible:ring-2 focus-visible:ring-red-700"
        >
          <input type="hidden" name="amount" value={review.amount} />
          <p id={`refund-question-${paymentId}`} className="text-sm font-semibold text-red-900">
            {review.question}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              name="intent"
              value="confirm"
              disabled={pending}
              className={`${button} bg-red-700 text-white hover:bg-red-800`}
            >
              {pending ? "Refunding…" : "Confirm refund"}
            </button>
            <button
              name="intent"
              value="cancel"
              formNoValidate
              disabled={pending}
              onClick={(event) => {
                event.preventDefault();
                setCancelled(state);
                requestAnimationFrame(() => input.current?.focus());
              }}
              className={`${button} border border-stone-300 bg-white hover:bg-stone-100`}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <label className="flex flex-col text-sm">
            Refund amount ({currency})
            <input
              ref={input}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              required
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              aria-describedby={hintId}
              className="h-9 w-40 rounded-lg border border-stone-300 px-2"
            />
            <span id={hintId} className="text-xs text-stone-500">
              up to {leftLabel}
            </span>
          </label>
          <button
            name="intent"
            value="all"
            formNoValidate
            onClick={(event) => {
              event.preventDefault();
              setAmount(leftMajor);
              input.current?.focus();
            }}
            className={`${button} mb-4 border border-stone-300 bg-white font-normal hover:bg-stone-100`}
          >
            Refund all
          </button>
          <button
            name="intent"
            value="review"
            disabled={pending}
            className={`${button} mb-4 bg-red-700 text-white hover:bg-red-800`}
          >
            {pending ? "Checking…" : "Refund…"}
          </button>
        </>
      )}
      <div className="basis-full" aria-live="polite">
        {!review && <Result state={state} />}
      </div>
    </form>
  );
}
