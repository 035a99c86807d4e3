/** A shop form's end: its error (announced), then its main button, busy while the action runs. */
export function FormSubmit({
  error,
  pending,
  label,
  busyLabel = label,
}: {
  error: string | null;
  pending: boolean;
  label: string;
  busyLabel?: string;
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
        disabled={pending}
        aria-busy={pending || undefined}
        className="h-12 w-full rounded-xl bg-brand-700 text-base font-semibold text-white shadow-sm hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? busyLabel : label}
      </button>
    </>
  );
}
