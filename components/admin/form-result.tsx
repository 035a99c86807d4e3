/** A back-office form's outcome: its error (role=alert) or its confirmation (role=status). */
export function FormResult({ error, message }: { error?: string | null; message?: string | null }) {
  if (error)
    return (
      <p role="alert" className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
        {error}
      </p>
    );
  if (message)
    return (
      <p role="status" className="mt-2 rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">
        {message}
      </p>
    );
  return null;
}
