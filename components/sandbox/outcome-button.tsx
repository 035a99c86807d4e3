import type { ReactNode } from "react";
import type { CustomerOutcome } from "@/lib/sandbox/customer";

const LOOKS: Record<CustomerOutcome, string> = {
  success: "h-12 w-full rounded-xl text-xl font-bold shadow-sm hover:brightness-95",
  fail: "min-h-11 rounded-xl border border-red-300 bg-white px-3 py-2 text-sm font-semibold text-red-700 hover:bg-red-50",
  cancel:
    "min-h-11 rounded-xl border border-stone-300 bg-white px-3 py-2 text-sm font-semibold text-stone-700 hover:bg-stone-100",
};

/**
 * A submit button of a SandboxOutcomeForm: the outcome it posts is its value, and its look
 * follows from it (`solid`: the wallet's colour, for paying).
 */
export function SandboxOutcomeButton({
  outcome,
  solid = "",
  children,
}: {
  outcome: CustomerOutcome;
  solid?: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" name="outcome" value={outcome} className={`cursor-pointer ${LOOKS[outcome]} ${solid}`}>
      {children}
    </button>
  );
}
