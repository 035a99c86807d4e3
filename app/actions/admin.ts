"use server";
// Back-office actions. Each checks the admin session itself.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminLogin, endAdminSession, requireAdmin, startAdminSession } from "@/lib/admin/guard";
import { attemptLogin } from "@/lib/admin/login";
import { merchantRefund, RefundError } from "@/lib/admin/refunds";
import { clientAddress } from "@/lib/client-address";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { parseMajor } from "@/lib/money";
import { appOrdersDeps } from "@/lib/orders/shop-wiring";
import { applyPayResult } from "@/lib/orders/payments";
import { refundDone, refundRefused } from "@/lib/orders/state";
import { ScanForPayError } from "@/lib/scanforpay/errors";
import { asForm } from "@/lib/forms";

export type AdminFormState = { error: string | null; message?: string | null };

export async function loginAction(_previous: AdminFormState, rawForm: FormData): Promise<AdminFormState> {
  const form = asForm(rawForm);
  const email = String(form.get("email") ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 254);
  const password = String(form.get("password") ?? "").slice(0, 1024);
  const login = adminLogin();
  if (!login) return { error: "The back office is off: set ADMIN_EMAIL and ADMIN_PASSWORD_HASH (see the README)." };
  if (!z.email().safeParse(email).success || password.length === 0) return { error: "Enter your email and password." };
  const result = await attemptLogin(
    prisma,
    login,
    { email, password, address: clientAddress(await headers()) },
    getEnv().sessionSecret,
  );
  if (!result.ok)
    return {
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
    revalidatePath(`/admin/orders/${payment.order.orderNo}`);
    if (!outcome.applied) return { error: `The gateway's answer does not match this payment: ${outcome.reason}` };
    return {
      error: null,
      message: outcome.changed
        ? `Updated: the payment is now ${outcome.to}.`
        : `No change: the gateway reports status ${result.status}.`,
    };
  } catch (error) {
    if (error instanceof ScanForPayError) return { error: error.message };
    throw error;
  }
}

const refundSchema = z.object({
  paymentId: z.string().min(1),
  refundNo: z.string().min(1).max(32),
  amount: z.string().min(1).max(20),
});

export async function refundAction(_previous: AdminFormState, rawForm: FormData): Promise<AdminFormState> {
  const form = asForm(rawForm);
  const admin = await requireAdmin();
  const input = refundSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: "Enter an amount to refund." };
  const payment = await prisma.payment.findUnique({ where: { id: input.data.paymentId }, include: { order: true } });
  if (!payment) return { error: "No such payment." };
  const amountMinor = parseMajor(input.data.amount, payment.currency);
  if (amountMinor === null || amountMinor <= 0)
    return { error: `"${input.data.amount}" is not an amount in ${payment.currency}.` };
  try {
    const refund = await merchantRefund(appOrdersDeps(), {
      paymentId: payment.id,
      amountMinor,
      refundNo: input.data.refundNo,
      operator: admin.email,
    });
    revalidatePath(`/admin/orders/${payment.order.orderNo}`);
    if (refundDone(refund.status)) return { error: null, message: `Refunded (refund ${refund.refundNo}).` };
    if (refundRefused(refund.status))
      return { error: `The gateway refused the refund: ${refund.lastError ?? "no reason given"}` };
    return {
      error: `The refund is pending: ${refund.lastError ?? "no answer yet"}. It is retried automatically with the same refund number; it can never be paid out twice.`,
    };
  } catch (error) {
    if (error instanceof RefundError) return { error: `Not refunded: ${error.message}.` };
    throw error;
  }
}
