// The payment state machine (pure). Gateway statuses: 0 to be paid · 1 success · 2 fail ·
// 3 refunded. Each transition names the states it may start from, so that it can be
// applied as one conditional UPDATE … WHERE status IN (…): duplicates and races apply once.
//
//   pending ──1──▶ paid ──(refund part)──▶ partially_refunded ──(rest)──▶ refunded
//      │  ╲                   ╲───────────────3──────────────────────────▲
//      2   ╲ (timeout passed, by reconciliation)
//      ▼    ▼
//   failed  expired          a late success (1) still moves failed/expired to paid:
//                            the customer's money was taken and must be recorded.
import type { PaymentStatus } from "../generated/prisma/enums";

export type Transition = { from: PaymentStatus[]; to: PaymentStatus };

export function transitionForGatewayStatus(status: number): Transition | null {
  switch (status) {
    case 1:
      return { from: ["pending", "failed", "expired"], to: "paid" };
    case 2:
      return { from: ["pending"], to: "failed" };
    case 3:
      return { from: ["paid", "partially_refunded"], to: "refunded" };
    default:
      return null;
  }
}

export const EXPIRE: Transition = { from: ["pending"], to: "expired" };
/** The gateway refused the attempt outright (or never heard of it). */
export const FAIL: Transition = { from: ["pending"], to: "failed" };

/** States a customer sees as "done, nothing more to pay". */
export function isSettled(status: PaymentStatus): boolean {
  return status === "paid" || status === "partially_refunded" || status === "refunded";
}
