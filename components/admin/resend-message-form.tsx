"use client";
import { useActionState } from "react";
import type { AdminFormState } from "@/app/actions/admin";
import { resendMessageAction } from "@/app/actions/messages";

/** "Send again" for one failed (or overdue) message; says what happened next to the button. */
export function AdminResendMessage({ messageId, label }: { messageId: string; label: string }) {
  const [state, action, pending] = useActionState<AdminFormState, FormData>(resendMessageAction, { error: null });
  return (
    <form action={action} className="min-w-32">
      <input type="hidden" name="messageId" value={messageId} />
      <button
        disabled={pending || Boolean(state.message)}
        aria-label={label}
        className="rounded-lg border border-stone-300 px-2 py-1 text-xs font-semibold whitespace-nowrap hover:bg-stone-100 disabled:opacity-60"
      >
        {pending ? "Queuing…" : "Send again"}
      </button>
      <div aria-live="polite">
        {state.error && (
          <p role="alert" className="mt-1 text-xs text-red-800">
            {state.error}
          </p>
        )}
        {state.message && (
          <p role="status" className="mt-1 text-xs text-emerald-800">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
