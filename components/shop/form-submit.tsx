/** A shop form's end: its error (announced), then its main button, busy while the action runs. */
export function FormSubmit({
  error,
  pending,
  label,
  busyLabel = label,
  disabled = false,
}: {
  error: string | null;
  pending: boolean;
  label: string;
  busyLabel?: string;
  /** Not pending, but not possible now either (a blocked cart). */
  disabled?: boolean;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || disabled}
        aria-busy={pending || undefined}
        className={`h-12 w-full rounded-xl text-base font-semibold text-white shadow-sm ${
          disabled && !pending
            ? "cursor-not-allowed bg-stone-400"
            : "bg-brand-700 hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70"
        }`}
      >
        {pending ? busyLabel : label}
      </button>
    </>
  );
}
