"use client";
import { useActionState } from "react";
import { bulkShipAction, type BulkShipState } from "@/app/actions/fulfilment";
import { MAX_CSV_ROWS } from "@/lib/fulfilment/limits";
import { FormResult } from "./form-result";

/** Bulk "mark shipped": a CSV pasted or uploaded; all rows are applied, or none (each row's error listed). */
export function BulkShipForm() {
  const [state, action, pending] = useActionState<BulkShipState, FormData>(bulkShipAction, { error: null });
  const wrong = state.rows?.filter((r) => r.errors.length > 0) ?? [];
  return (
    <form action={action} className="space-y-3 text-sm" aria-labelledby="bulk-ship">
      <p className="text-stone-600">
        One shipment a line: <code>order number, carrier, tracking number, tracking link (optional)</code>. A header row
        is optional; commas, semicolons or tabs (pasted from a spreadsheet) all work. Up to {MAX_CSV_ROWS} lines. If any
        line is wrong, nothing is marked shipped.
      </p>
      <label className="block font-medium">
        Paste the CSV
        <textarea
          name="csv"
          rows={6}
          defaultValue={state.csv ?? ""}
          key={state.csv ?? "empty"}
          placeholder={"HG-7K3M-Q9TX,SF Express,SF1234567890,https://www.sf-express.com/…"}
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 font-mono text-xs"
        />
      </label>
      <label className="block font-medium">
        Or upload a .csv file
        <input name="file" type="file" accept=".csv,.txt,text/csv,text/plain" className="mt-1 block text-sm" />
      </label>
      <button
        disabled={pending}
        className="rounded-lg bg-stone-900 px-3 py-1.5 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
      >
        {pending ? "Checking…" : "Mark all shipped"}
      </button>
      <div aria-live="polite">
        <FormResult error={state.error} message={state.message} />
        {wrong.length > 0 && (
          <table className="mt-2 w-full text-left" data-testid="bulk-ship-errors">
            <caption className="text-left font-semibold">Lines to correct</caption>
            <thead>
              <tr className="text-stone-500">
                <th scope="col" className="py-1 pr-3 font-medium">
                  Line
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Order
                </th>
                <th scope="col" className="py-1 font-medium">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody>
              {wrong.map((row) => (
                <tr key={row.line} className="border-t border-stone-100 align-top" data-testid="bulk-ship-error">
                  <td className="py-1 pr-3 tabular-nums">{row.line}</td>
                  <td className="py-1 pr-3 font-mono">{row.orderNo || "—"}</td>
                  <td className="py-1 text-red-800">{row.errors.join(" ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </form>
  );
}
