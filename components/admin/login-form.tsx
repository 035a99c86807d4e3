"use client";
import { useActionState } from "react";
import { loginAction, type LoginFormState } from "@/app/actions/admin";

export function AdminLoginForm({ hint }: { hint: string | null }) {
  const [state, action, pending] = useActionState<LoginFormState, FormData>(loginAction, { error: null });
  const field = "mt-1 block h-11 w-full rounded-lg border border-stone-300 px-3";
  return (
    <form action={action} className="space-y-4">
      <label className="block text-sm font-medium">
        Email
        {/* Kept after a refusal (the form resets to its defaults after each answer); the password is not. */}
        <input
          name="email"
          type="email"
          required
          autoComplete="username"
          defaultValue={state.email ?? ""}
          className={field}
        />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" required autoComplete="current-password" className={field} />
      </label>
      {state.error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <button
        disabled={pending}
        className="h-11 w-full rounded-lg bg-stone-900 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
      >
        {pending ? "Logging in…" : "Log in"}
      </button>
      {hint && <p className="text-xs text-stone-500">{hint}</p>}
    </form>
  );
}
