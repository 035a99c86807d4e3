// Refunds the merchant makes from the back office. Each has its own refundNo, minted when the
// form is shown: a double click or a retry after a timeout sends the same refundNo, which
// both we and ScanForPay apply once. Never more than what is left: checked here, under a
// row lock on the payment, before the gateway is called.
import { randomBytes } from "node:crypto";
import { Prisma, type Refund } from "../generated/prisma/client";
import { formatMoney } from "../money";
import type { OrdersDeps } from "../orders/gateway-wiring";
import { sendRefund } from "../orders/payments";
import { nextRefundAttemptAt } from "../orders/schedule";
import { isRefundable, REFUND_OPEN, REFUND_RESERVING, refundHoldsAmount } from "../orders/state";
import type { PaymentStatus, RefundStatus } from "../orders/state";

/**
 * Pure: what can still be refunded on a payment (0 if it cannot be refunded at all). Open and
 * succeeded refunds hold their amount; only a refused one frees it.
 */
export function refundableLeft(payment: {
  status: PaymentStatus;
  amountMinor: number;
  refunds: { status: RefundStatus; amountMinor: number }[];
}): number {
  if (!isRefundable(payment.status)) return 0;
  const held = payment.refunds.filter((r) => refundHoldsAmount(r.status)).reduce((n, r) => n + r.amountMinor, 0);
  return Math.max(0, payment.amountMinor - held);
}

export class RefundError extends Error {
  override name = "RefundError";
}

/** A fresh refundNo for a refund form: R + 31 hex characters. */
export function newRefundNo(): string {
  return `R${randomBytes(16).toString("hex").slice(0, 31)}`;
}

export async function merchantRefund(
  deps: OrdersDeps,
  input: { paymentId: string; amountMinor: number; refundNo: string; operator: string },
): Promise<Refund> {
  if (!/^[A-Za-z0-9]{1,32}$/.test(input.refundNo)) throw new RefundError("invalid refund number");
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0)
    throw new RefundError("the amount must be more than zero");
  const earlier = await deps.db.refund.findUnique({ where: { refundNo: input.refundNo } });
  let refund = earlier;
  if (earlier && earlier.paymentId !== input.paymentId)
    throw new RefundError("this refund number belongs to another payment");
  if (earlier && earlier.amountMinor !== input.amountMinor) {
    const { currency } = await deps.db.payment.findUniqueOrThrow({
      where: { id: input.paymentId },
      select: { currency: true },
    });
    throw new RefundError(
      `this form already refunded ${formatMoney(earlier.amountMinor, currency, "en")}; reload the page to refund another amount`,
    );
  }
  if (!refund) {
    try {
      refund = await deps.db.$transaction(async (tx) => {
        // Serialise refunds of one payment: concurrent requests see each other's reservations.
        await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${input.paymentId} FOR UPDATE`;
        const payment = await tx.payment.findUnique({ where: { id: input.paymentId } });
        if (!payment) throw new RefundError("no such payment");
        if (!isRefundable(payment.status)) throw new RefundError(`a ${payment.status} payment cannot be refunded`);
        const reserved = await tx.refund.aggregate({
          where: { paymentId: payment.id, status: { in: [...REFUND_RESERVING] } },
          _sum: { amountMinor: true },
        });
        const left = payment.amountMinor - (reserved._sum.amountMinor ?? 0);
        if (input.amountMinor > left)
          throw new RefundError(`only ${formatMoney(left, payment.currency, "en")} can still be refunded`);
        // Sent just below; due for reconciliation a little later in case that send never happens.
        const nextAttemptAt = nextRefundAttemptAt(1, deps.gateway.now(), deps.delayScale);
        return tx.refund.create({
          data: {
            paymentId: payment.id,
            refundNo: input.refundNo,
            amountMinor: input.amountMinor,
            reason: "merchant",
            operator: input.operator,
            nextAttemptAt,
          },
        });
      });
    } catch (error) {
      // The same refundNo arrived twice at once: the other request created it.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        refund = await deps.db.refund.findUniqueOrThrow({ where: { refundNo: input.refundNo } });
      else throw error;
    }
  }
  if (refund.status === REFUND_OPEN) await sendRefund(deps, refund.id);
  return deps.db.refund.findUniqueOrThrow({ where: { id: refund.id } });
}
