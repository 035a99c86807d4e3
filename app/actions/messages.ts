"use server";
// The back office's outbox actions (thin: parse, check the session, call lib/outbox/admin).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AdminFormState } from "@/app/actions/admin";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { asForm } from "@/lib/forms";
import { OutboxAdminError, resendMessage } from "@/lib/outbox/admin";
import { deliverOutboxAfterResponse } from "@/lib/outbox/wiring";

const resendSchema = z.object({ messageId: z.string().regex(/^[a-z0-9]{1,40}$/i) });

/** "Send again": a failed or overdue message back in the queue, due now (the next delivery pass sends it). */
export async function resendMessageAction(_previous: AdminFormState, rawForm: FormData): Promise<AdminFormState> {
  const form = asForm(rawForm);
  const admin = await requireAdmin();
  const input = resendSchema.safeParse({ messageId: form.get("messageId") });
  if (!input.success) return { error: "No such message." };
  try {
    const message = await resendMessage(prisma, input.data.messageId, admin.email);
    revalidatePath("/admin/messages");
    if (message.orderId) {
      const order = await prisma.order.findUnique({ where: { id: message.orderId }, select: { orderNo: true } });
      if (order) revalidatePath(`/admin/orders/${order.orderNo}`);
    }
    deliverOutboxAfterResponse();
    return { error: null, message: "Queued: it is sent right after this (reload to see how it went)." };
  } catch (error) {
    if (error instanceof OutboxAdminError) return { error: error.message };
    throw error;
  }
}
