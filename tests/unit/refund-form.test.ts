// The refund form's first step: the amount checked, then restated as a question; every
// message shows money formatted, never minor units.
import { describe, expect, it } from "vitest";
import { parseRefundAmount, refundFormSchema, reviewRefund } from "@/lib/admin/refund-form";
import { refundableLeft } from "@/lib/admin/refunds";

describe("refund review", () => {
  it("restates the amount, what is left and the wallet", () => {
    expect(reviewRefund({ amount: "12", currency: "HKD", leftMinor: 69150, walletLabel: "Alipay" })).toEqual({
      ok: true,
      amountMinor: 1200,
      amount: "12.00",
      question: "Refund HK$12.00 of HK$691.50 to the customer's Alipay? This cannot be undone.",
    });
  });

  it("refuses more than is left, in money", () => {
    const refused = reviewRefund({ amount: "691.51", currency: "HKD", leftMinor: 69150, walletLabel: "Alipay" });
    expect(refused).toEqual({ ok: false, error: "Not refunded: only HK$691.50 can still be refunded." });
    expect(reviewRefund({ amount: "1", currency: "HKD", leftMinor: 0, walletLabel: "Alipay" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/nothing is left/),
    });
  });

  it("refuses what is not an amount, with an example in the currency", () => {
    for (const amount of ["", "  ", "abc", "0", "-1", "1.234", "1e3"]) {
      const answer = parseRefundAmount(amount, "HKD");
      expect(answer.ok, amount).toBe(false);
      if (!answer.ok) expect(answer.error).not.toMatch(/minor/);
    }
    expect(parseRefundAmount("abc", "HKD")).toEqual({
      ok: false,
      error: '"abc" is not an amount in HKD: type it like 12.50.',
    });
    expect(parseRefundAmount("500", "JPY")).toEqual({ ok: true, amountMinor: 500, amount: "500" });
  });

  it("counts what is left without the refused refunds, and nothing on a payment that cannot be refunded", () => {
    expect(refundableLeft({ status: "pending", amountMinor: 22800, refunds: [] })).toBe(0);
    expect(refundableLeft({ status: "refunded", amountMinor: 22800, refunds: [] })).toBe(0);
    expect(
      refundableLeft({
        status: "partially_refunded",
        amountMinor: 22800,
        refunds: [
          { status: "succeeded", amountMinor: 1000 },
          { status: "pending", amountMinor: 2000 },
          { status: "failed", amountMinor: 5000 },
        ],
      }),
    ).toBe(19800);
  });

  it("reads an unknown intent as a review, never as a confirmation", () => {
    const form = { paymentId: "p", refundNo: "R1", amount: "1" };
    expect(refundFormSchema.parse({ ...form, intent: "yes" }).intent).toBe("review");
    expect(refundFormSchema.parse(form).intent).toBe("review");
    expect(refundFormSchema.parse({ ...form, intent: "confirm" }).intent).toBe("confirm");
  });
});
