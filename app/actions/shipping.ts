"use server";
// The back office's shipping-method form: create or edit a method and its rates per zone.
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { asForm } from "@/lib/forms";
import { parseMethodForm, type FieldErrors } from "@/lib/shipping/method-input";
import { createShippingMethod, updateShippingMethod } from "@/lib/shipping/methods-admin";

export type ShippingFormState = { errors: FieldErrors; values?: Record<string, string>; message?: string | null };

function typed(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries())
    if (typeof value === "string" && !name.startsWith("$")) values[name] = value.slice(0, 500);
  return values;
}

export async function saveShippingMethodAction(
  _previous: ShippingFormState,
  rawForm: FormData,
): Promise<ShippingFormState> {
  const admin = await requireAdmin();
  const form = asForm(rawForm);
  const parsed = parseMethodForm(form);
  if (!parsed.ok) return { errors: parsed.errors, values: typed(form) };
  const rawId = form.get("id");
  const id = typeof rawId === "string" && /^[a-z0-9]{1,40}$/.test(rawId) ? rawId : null;
  if (rawId !== null && !id) return { errors: { form: "This shipping method no longer exists." }, values: typed(form) };
  const result = id
    ? await updateShippingMethod(prisma, admin.email, id, parsed.value)
    : await createShippingMethod(prisma, admin.email, parsed.value);
  if (!result.ok) return { errors: result.errors, values: typed(form) };
  revalidatePath("/admin/shipping");
  revalidatePath("/", "layout");
  return { errors: {}, message: id ? `Saved “${result.method.name}”.` : `Created “${result.method.name}”.` };
}
