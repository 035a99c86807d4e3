import type { ReactNode } from "react";
import type { CustomerOutcome } from "@/lib/sandbox/customer";

/** A submit button of a SandboxOutcomeForm: the outcome it posts is its value. */
export function SandboxOutcomeButton({
  outcome,
  className,
  children,
}: {
  outcome: CustomerOutcome;
  className: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" name="outcome" value={outcome} className={`cursor-pointer ${className}`}>
      {children}
    </button>
  );
}
