// What the back office may submit for fulfilment, checked on the server (pure): one shipment
// (carrier, tracking number, optional https tracking URL), and a CSV of shipments for the bulk
// "mark shipped", with a message per field or per row.
import { z } from "zod";
import { isOrderNo } from "../orders/numbers";

import { MAX_CARRIER, MAX_CSV_CHARS, MAX_CSV_ROWS, MAX_TRACKING, MAX_TRACKING_URL } from "./limits";

export { MAX_CARRIER, MAX_CSV_CHARS, MAX_CSV_ROWS, MAX_TRACKING, MAX_TRACKING_URL };

const CONTROL = /[\u0000-\u001f\u007f]/;

export const carrierSchema = z
  .string({ message: "The carrier is required." })
  .trim()
  .min(1, "The carrier is required.")
  .max(MAX_CARRIER, `The carrier is at most ${MAX_CARRIER} characters.`)
  .refine((v) => !CONTROL.test(v), "The carrier contains a control character.");

export const trackingNumberSchema = z
  .string({ message: "The tracking number is required." })
  .trim()
  .min(1, "The tracking number is required.")
  .max(MAX_TRACKING, `The tracking number is at most ${MAX_TRACKING} characters.`)
  .regex(/^[A-Za-z0-9 -]+$/, "The tracking number has letters, digits, spaces and - only.");

export const trackingUrlSchema = z
  .string()
  .trim()
  .max(MAX_TRACKING_URL, `The tracking link is at most ${MAX_TRACKING_URL} characters.`)
  .refine((v) => v === "" || isHttpsUrl(v), "The tracking link must be a full https:// address.")
  .optional()
  .transform((v) => v || null);

function isHttpsUrl(value: string): boolean {
  if (CONTROL.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

export const orderNoSchema = z
  .string({ message: "The order number is required." })
  .trim()
  .toUpperCase()
  .refine(isOrderNo, "Not an order number (they look like HG-7K3M-Q9TX).");

export const shipmentSchema = z.object({
  orderNo: orderNoSchema,
  carrier: carrierSchema,
  trackingNumber: trackingNumberSchema,
  trackingUrl: trackingUrlSchema,
});

export type Shipment = z.output<typeof shipmentSchema>;
export type ShipmentField = keyof Shipment;
export type ShipmentErrors = Partial<Record<ShipmentField | "form", string>>;

/** A shipment from a form or JSON; a message per field if it does not parse. */
export function parseShipment(
  raw: Record<string, unknown>,
): { ok: true; value: Shipment } | { ok: false; errors: ShipmentErrors } {
  const text = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : undefined);
  const parsed = shipmentSchema.safeParse({
    orderNo: text("orderNo"),
    carrier: text("carrier"),
    trackingNumber: text("trackingNumber"),
    trackingUrl: text("trackingUrl"),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: ShipmentErrors = {};
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] ?? "form") as ShipmentField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────

/** One line of the CSV as read: its line number (1-based), its cells, and what is wrong with it. */
export type CsvRow = { line: number; shipment: Shipment | null; orderNo: string; errors: string[] };

export type CsvParse =
  | { ok: true; rows: CsvRow[] }
  /** The file as a whole cannot be used (empty, too large, unreadable). */
  | { ok: false; error: string };

/** Splits CSV text into records of cells (RFC 4180 quotes; comma, semicolon or tab). */
export function csvRecords(text: string): { line: number; cells: string[] }[] | null {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const separator = firstLine.includes("\t") ? "\t" : !firstLine.includes(",") && firstLine.includes(";") ? ";" : ",";
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === separator) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      cells.push(cell);
      records.push({ line: startLine, cells });
      cells = [];
      cell = "";
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell);
  records.push({ line: startLine, cells });
  return records
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));
}

const HEADER = /^(order|order[ _-]?(no|number|#)|no\.?)$/i;

/**
 * Reads the bulk "mark shipped" CSV: order number, carrier, tracking number, optional tracking
 * URL, one shipment a line; a header row is optional. Each row gets every problem found in it
 * (a bad field, a repeated order number); the orders themselves are checked by `checkRows`.
 */
export function parseShipmentsCsv(text: string): CsvParse {
  if (text.length > MAX_CSV_CHARS)
    return { ok: false, error: `The CSV is too large (at most ${MAX_CSV_CHARS.toLocaleString("en")} characters).` };
  const records = csvRecords(text);
  if (records === null) return { ok: false, error: 'The CSV has a quote (") that is never closed.' };
  if (records.length > 0 && HEADER.test(records[0]!.cells[0] ?? "")) records.shift();
  if (records.length === 0) return { ok: false, error: "The CSV has no rows: paste or upload at least one line." };
  if (records.length > MAX_CSV_ROWS)
    return { ok: false, error: `The CSV has ${records.length} rows; at most ${MAX_CSV_ROWS} at a time.` };
  const seen = new Map<string, number>();
  const rows = records.map(({ line, cells }): CsvRow => {
    const errors: string[] = [];
    if (cells.length < 3) errors.push("Expected order number, carrier, tracking number (and optionally a link).");
    if (cells.length > 4) errors.push(`Expected at most 4 columns, found ${cells.length}.`);
    const [orderNo = "", carrier = "", trackingNumber = "", trackingUrl = ""] = cells;
    const parsed = cells.length >= 3 ? parseShipment({ orderNo, carrier, trackingNumber, trackingUrl }) : null;
    if (parsed && !parsed.ok) errors.push(...Object.values(parsed.errors));
    const key = orderNo.toUpperCase();
    const earlier = seen.get(key);
    if (key && earlier !== undefined) errors.push(`Order ${key} is also on line ${earlier}.`);
    else if (key) seen.set(key, line);
    return { line, orderNo: key, shipment: parsed?.ok && errors.length === 0 ? parsed.value : null, errors };
  });
  return { ok: true, rows };
}
