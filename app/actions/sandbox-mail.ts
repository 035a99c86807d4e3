"use server";
// The sandbox mailbox's one action: empty it (only where the mailbox itself may be opened).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { asForm } from "@/lib/forms";
import { clearSandboxMail } from "@/lib/sandbox/mailbox";
import { mailboxOpen } from "@/lib/sandbox/mailbox-access";

export async function clearSandboxMailAction(rawForm: FormData): Promise<void> {
  const form = asForm(rawForm);
  // The form's own field: a call with anything else (a stray or hostile request) clears nothing.
  if (form.get("confirm") !== "clear" || !(await mailboxOpen())) return;
  await clearSandboxMail(prisma);
  revalidatePath("/sandbox/mail");
  redirect("/sandbox/mail?cleared=1");
}
