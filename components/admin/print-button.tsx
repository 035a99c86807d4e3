"use client";

/** Opens the browser's print dialogue; not itself printed. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 print:hidden"
    >
      {label}
    </button>
  );
}
