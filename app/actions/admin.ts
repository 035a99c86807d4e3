"use server";
// Back-office actions. Each checks the admin session itself.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminLogin, endAdminSession, requireAdmin, startAdminSession } from "@/lib/admin/guard";
import { attemptLogin } from "@/lib/admin/login";
import { parseRefundAmount, refundFormSchema, reviewRefund } from "@/lib/admin/refund-form";
import { merchantRefund, refundableLeft, RefundError } from "@/lib/admin/refunds";
import { getAdminText } from "@/lib/admin/text-server";
import { gatewayFailureText } from "@/lib/admin/text";
import { clientAddress } from "@/lib/client-address";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { formatMoney, toMajorString } from "@/lib/money";
import { appOrdersDeps } from "@/lib/orders/shop-wiring";
import { applyPayResult } from "@/lib/orders/payments";
import { refundDone, refundRefused } from "@/lib/orders/state";
import { ScanForPayError } from "@/lib/scanforpay/errors";
import { asForm } from "@/lib/forms";
import { deliverOutboxAfterResponse } from "@/lib/outbox/wiring";

export type AdminFormState = { error: string | null; message?: string | null };
/** The login form keeps the email typed (never the password) after a refusal. */
export type LoginFormState = AdminFormState & { email?: string };
/** The refund form: with `review`, the question to confirm (the amount and refundNo it is about). */
export type RefundFormState = AdminFormState & {
  review?: { amount: string; refundNo: string; question: string } | null;
};

export async function loginAction(_previous: LoginFormState, rawForm: FormData): Promise<LoginFormState> {
  const form = asForm(rawForm);
  const email = String(form.get("email") ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 254);
  const password = String(form.get("password") ?? "").slice(0, 1024);
  const login = adminLogin();
  if (!login)
    return { email, error: "The back office is off: set ADMIN_EMAIL and ADMIN_PASSWORD_HASH (see the README)." };
  if (!z.email().safeParse(email).success || password.length === 0)
    return { email, error: "Enter your email and password." };
  const result = await attemptLogin(
    prisma,
    login,
    { email, password, address: clientAddress(await headers()) },
    getEnv().sessionSecret,
  );
  if (!result.ok)
    return {
      email,
      error:
        result.reason === "blocked"
          ? "Too many failed attempts. Wait 15 minutes and try again."
          : "Wrong email or password.",
    };
  await startAdminSession(result.email);
  redirect("/admin");
}

export async function logoutAction(): Promise<void> {
  await endAdminSession();
  redirect("/admin/login");
}

/** Pay Query now, applied through the same state machine as notifies and returns. */
export async function requeryAction(_previous: AdminFormState, rawForm: FormData): Promise<AdminFormState> {
  const form = asForm(rawForm);
  await requireAdmin();
  const payment = await prisma.payment.findUnique({
    where: { id: String(form.get("paymentId") ?? "") },
    include: { order: true },
  });
  if (!payment) return { error: "No such payment." };
  const deps = appOrdersDeps();
  try {
    const result = await deps.gateway.client(payment.id).payQuery({ partnerOrderNo: payment.partnerOrderNo });
    const outcome = await applyPayResult(deps, payment, result);
    if (outcome.applied && outcome.changed) deliverOutboxAfterResponse();
    revalidatePath(`/admin/orders/${payment.order.orderNo}`);
    if (!outcome.applied) return { error: `The gateway's answer does not match this payment: ${outcome.reason}` };
    const text = await getAdminText();
    return {
      error: null,
      message: outcome.changed
        ? `Updated: the payment is now ${text.status(outcome.to)}.`
        : `No change: ${text.gatewayStatus(result.status)}.`,
    };
  } catch (error) {
    if (error instanceof ScanForPayError) return { error: gatewayFailureText(error) };
    throw error;
  }
}

/**
 * Two steps: a review answers the question to confirm (nothing sent); only intent=confirm
 * refunds, and merchantRefund checks the amount again under a lock. Works without JavaScript.
 */
export async function refundAction(_previous: RefundFormState, rawForm: FormData): Promise<RefundFormState> {
  const form = asForm(rawForm);
  const admin = await requireAdmin();
  const input = refundFormSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: "Enter an amount to refund." };
  const { paymentId, refundNo, intent } = input.data;
  if (intent === "cancel") return { error: null };
  const payment = await prisma.payment.findUnique({
    where: { id: paymentId },
    include: { order: true, refunds: { select: { status: true, amountMinor: true } } },
  });
  if (!payment) return { error: "No such payment." };
  const leftMinor = refundableLeft(payment);
  if (intent !== "confirm") {
    const text = await getAdminText();
    const reviewed = reviewRefund({
      amount: intent === "all" ? toMajorString(Math.max(leftMinor, 0), payment.currency) : input.data.amount,
      currency: payment.currency,
      leftMinor,
      walletLabel: text.wallet(payment.wallet),
    });
    if (!reviewed.ok) return { error: reviewed.error };
    return { error: null, review: { amount: reviewed.amount, refundNo, question: reviewed.question } };
  }
  // Confirmed: only parsed here; what is left is merchantRefund's to check (a retry of the same
  // refundNo must find its refund, not be told the amount is no longer left).
  const amount = parseRefundAmount(input.data.amount, payment.currency);
  if (!amount.ok) return { error: amount.error };
  try {
    const refund = await merchantRefund(appOrdersDeps(), {
      paymentId: payment.id,
      amountMinor: amount.amountMinor,
      refundNo,
      operator: admin.email,
    });
    revalidatePath(`/admin/orders/${payment.order.orderNo}`);
    deliverOutboxAfterResponse();
    const money = formatMoney(refund.amountMinor, payment.currency, "en");
    if (refundDone(refund.status)) return { error: null, message: `Refunded ${money} (refund ${refund.refundNo}).` };
    if (refundRefused(refund.status))
      return { error: `The gateway refused the refund of ${money}: ${refund.lastError ?? "no reason given"}` };
    return {
      error: `The refund of ${money} is pending: ${refund.lastError ?? "no answer yet"}. It is retried automatically with the same refund number; it can never be paid out twice.`,
    };
  } catch (error) {
    if (error instanceof RefundError) return { error: `Not refunded: ${error.message}.` };
    throw error;
  }
}
