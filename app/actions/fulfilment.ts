"use server";
// The back office's fulfilment forms: ship (with tracking), correct the tracking, mark delivered
// or collected, and the bulk CSV. Each checks the admin session and calls lib/fulfilment.
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { bulkMarkShipped, markCollected, markDelivered, markShipped, updateTracking } from "@/lib/fulfilment/actions";
import { MAX_CSV_CHARS } from "@/lib/fulfilment/input";
import { asForm } from "@/lib/forms";
import { outboxConfig } from "@/lib/outbox/config";
import { deliverOutboxAfterResponse } from "@/lib/outbox/wiring";

export type FulfilmentFormState = {
  error: string | null;
  errors?: Record<string, string>;
  message?: string | null;
  /** What was typed, shown again after a refusal. */
  values?: Record<string, string>;
};

export type BulkShipState = {
  error: string | null;
  message?: string | null;
  rows?: { line: number; orderNo: string; errors: string[] }[];
  csv?: string;
};

const str = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, 1000) : "";
};

function refresh(orderNo?: string) {
  revalidatePath("/admin/fulfilment");
  if (orderNo) revalidatePath(`/admin/orders/${orderNo}`);
}

export async function shipAction(_previous: FulfilmentFormState, rawForm: FormData): Promise<FulfilmentFormState> {
  const admin = await requireAdmin();
  const form = asForm(rawForm);
  const input = {
    orderNo: str(form, "orderNo"),
    carrier: str(form, "carrier"),
    trackingNumber: str(form, "trackingNumber"),
    trackingUrl: str(form, "trackingUrl"),
  };
  const correcting = str(form, "intent") === "update_tracking";
  const result = correcting
    ? await updateTracking(prisma, input, admin.email)
    : await markShipped(prisma, input, admin.email, outboxConfig());
  if (!result.ok) return { error: result.error, errors: result.errors, values: input };
  refresh(result.orderNo);
  // The "shipped" mail (and webhook) committed with the shipment: sent once this answer has gone.
  if (!correcting) deliverOutboxAfterResponse();
  return {
    error: null,
    message: correcting
      ? "Tracking updated (the customer is not emailed again)."
      : "Marked shipped; the customer will be emailed.",
  };
}

export async function fulfilmentMoveAction(
  _previous: FulfilmentFormState,
  rawForm: FormData,
): Promise<FulfilmentFormState> {
  const admin = await requireAdmin();
  const form = asForm(rawForm);
  const intent = str(form, "intent");
  const input = { orderNo: str(form, "orderNo") };
  if (intent !== "deliver" && intent !== "collect") return { error: "Choose delivered or collected." };
  const result =
    intent === "deliver"
      ? await markDelivered(prisma, input, admin.email)
      : await markCollected(prisma, input, admin.email);
  if (!result.ok) return { error: result.error };
  refresh(result.orderNo);
  return { error: null, message: intent === "deliver" ? "Marked delivered." : "Marked collected." };
}

export async function bulkShipAction(_previous: BulkShipState, rawForm: FormData): Promise<BulkShipState> {
  const admin = await requireAdmin();
  const form = asForm(rawForm);
  const file = form.get("file");
  let csv = typeof form.get("csv") === "string" ? (form.get("csv") as string) : "";
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_CHARS * 4)
      return { error: `The file is too large (at most ${Math.round(MAX_CSV_CHARS / 1000)} kB).` };
    csv = await file.text();
  }
  if (csv.length > MAX_CSV_CHARS)
    return { error: `The CSV is too large (at most ${MAX_CSV_CHARS.toLocaleString("en")} characters).` };
  if (!csv.trim()) return { error: "Paste the CSV or choose a file." };
  const result = await bulkMarkShipped(prisma, csv, admin.email, outboxConfig());
  if (!result.ok)
    return {
      error: result.error,
      rows: result.rows?.map((r) => ({ line: r.line, orderNo: r.orderNo, errors: r.errors })),
      csv: csv.slice(0, MAX_CSV_CHARS),
    };
  refresh();
  for (const { orderNo } of result.shipped) revalidatePath(`/admin/orders/${orderNo}`);
  deliverOutboxAfterResponse();
  return {
    error: null,
    message: `Marked ${result.shipped.length} order${result.shipped.length === 1 ? "" : "s"} shipped: ${result.shipped.map((s) => s.orderNo).join(", ")}.`,
  };
}
