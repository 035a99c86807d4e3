// The back office's refund form, in two steps: the amount typed is checked and restated as a
// question (amount, what is left, the wallet); only the answer "Confirm" sends the refund, and
// merchantRefund checks it again under a lock. Messages show money formatted, never minor units.
import { z } from "zod";
import { formatMoney, parseMajor, toMajorString } from "../money";

/**
 * review: check the amount and ask; all: the same for everything left (the "refund all" of a
 * browser without JavaScript); confirm: send; cancel: forget the question. Anything else is a review.
 */
export const refundFormSchema = z.object({
  paymentId: z.string().min(1).max(64),
  refundNo: z.string().min(1).max(32),
  amount: z.string().max(40).catch(""),
  intent: z.enum(["review", "all", "confirm", "cancel"]).catch("review"),
});
export type RefundForm = z.infer<typeof refundFormSchema>;

export type RefundAmount = { ok: true; amountMinor: number; amount: string } | { ok: false; error: string };

/** The amount typed, in minor units; an error a person can act on when it is not one. */
export function parseRefundAmount(text: string, currency: string): RefundAmount {
  if (text.trim() === "") return { ok: false, error: "Enter an amount to refund." };
  const amountMinor = parseMajor(text, currency);
  if (amountMinor === null || amountMinor <= 0)
    return {
      ok: false,
      error: `"${text.trim()}" is not an amount in ${currency}: type it like ${toMajorString(1250, currency)}.`,
    };
  return { ok: true, amountMinor, amount: toMajorString(amountMinor, currency) };
}

/** The first step: the amount checked against what is left, and the question to confirm. */
export function reviewRefund(input: {
  amount: string;
  currency: string;
  leftMinor: number;
  walletLabel: string;
}): { ok: true; amountMinor: number; amount: string; question: string } | { ok: false; error: string } {
  const money = (minor: number) => formatMoney(minor, input.currency, "en");
  const parsed = parseRefundAmount(input.amount, input.currency);
  if (!parsed.ok) return parsed;
  if (parsed.amountMinor > input.leftMinor)
    return {
      ok: false,
      error:
        input.leftMinor > 0
          ? `Not refunded: only ${money(input.leftMinor)} can still be refunded.`
          : "Not refunded: nothing is left to refund on this payment.",
    };
  return {
    ...parsed,
    question: `Refund ${money(parsed.amountMinor)} of ${money(input.leftMinor)} to the customer's ${input.walletLabel}? This cannot be undone.`,
  };
}
