// The headless back-office catalogue API's request handling (framework-free): the admin's
// session comes from the caller, bodies are read bounded and checked, and every refusal is a
// 4xx with { error, errors } naming each field.
import { createHmac } from "node:crypto";
import type { Db } from "../../db";
import { safeEqual } from "../../safe-equal";
import { MAX_IMAGE_BYTES } from "../../images/inspect";
import { parseProductForm, type FieldErrors, type FormFields } from "./input";
import { addImage, createProduct, updateProduct } from "./products";

/** A JSON object as form fields: numbers and booleans read as the text a form would send. */
export function jsonFields(body: Record<string, unknown>): FormFields {
  const asText = (value: unknown): unknown =>
    typeof value === "number" ? String(value) : typeof value === "boolean" ? (value ? "on" : "") : value;
  return {
    get: (name) => (Object.hasOwn(body, name) ? asText(body[name]) : undefined),
    getAll: (name) => (Object.hasOwn(body, name) ? [body[name]].flat().map(asText) : []),
  };
}

export function refusal(status: number, error: string, errors?: FieldErrors): Response {
  return Response.json({ error, ...(errors ? { errors } : {}) }, { status, headers: { "cache-control": "no-store" } });
}

const invalid = (errors: FieldErrors) => refusal(422, "Some fields are not valid.", errors);

/** A write from another site (a form a third party hosts) is refused: the browser says where it comes from. */
export function crossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "cross-site";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return origin === "null" || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | Response> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    return refusal(415, "Send the product as JSON (content-type: application/json).");
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return refusal(400, "The body is not valid JSON.");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return refusal(400, "The body must be a JSON object.");
  return body as Record<string, unknown>;
}

export async function createProductRequest(db: Db, actor: string, request: Request): Promise<Response> {
  const body = await jsonBody(request);
  if (body instanceof Response) return body;
  const parsed = parseProductForm(jsonFields(body));
  if (!parsed.ok) return invalid(parsed.errors);
  const result = await createProduct(db, actor, parsed.value);
  if (!result.ok) return refusal(result.status, Object.values(result.errors).join(" "), result.errors);
  return Response.json({ product: { id: result.value.id, slug: result.value.slug } }, { status: 201 });
}

export async function updateProductRequest(db: Db, actor: string, id: string, request: Request): Promise<Response> {
  const body = await jsonBody(request);
  if (body instanceof Response) return body;
  const parsed = parseProductForm(jsonFields(body));
  if (!parsed.ok) return invalid(parsed.errors);
  const result = await updateProduct(db, actor, id, parsed.value);
  if (!result.ok) return refusal(result.status, Object.values(result.errors).join(" "), result.errors);
  return Response.json({ product: { id, slug: result.value.product.slug }, changes: result.value.changes });
}

export type UploadOutcome = { ok: true; imageId: string } | { ok: false; status: number; message: string };

/** An image posted as multipart/form-data (field "image", optional "alt"). */
export async function uploadImage(db: Db, actor: string, productId: string, request: Request): Promise<UploadOutcome> {
  if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? ""))
    return { ok: false, status: 415, message: "Send the image as multipart/form-data, in a field named image." };
  const form = await request.formData().catch(() => null);
  if (!form) return { ok: false, status: 400, message: "The upload could not be read." };
  const file = form.get("image");
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, status: 422, message: "Choose an image file." };
  if (file.size > MAX_IMAGE_BYTES)
    return {
      ok: false,
      status: 413,
      message: `The file is ${(file.size / 1048576).toFixed(1)} MB; images may be at most ${MAX_IMAGE_BYTES / 1048576} MB.`,
    };
  const alt = form.get("alt");
  const result = await addImage(
    db,
    actor,
    productId,
    new Uint8Array(await file.arrayBuffer()),
    typeof alt === "string" ? alt : null,
  );
  if (!result.ok) return { ok: false, status: result.status, message: Object.values(result.errors).join(" ") };
  return { ok: true, imageId: result.imageId };
}

/**
 * A refusal's message carried back to the product's page in its URL, with a MAC, so that the
 * page shows only what this server wrote (not text a third party put in a link).
 */
export function noticeMac(message: string, secret: string): string {
  return createHmac("sha256", secret).update(`image-notice\n${message}`).digest("base64url").slice(0, 32);
}

export function verifiedNotice(message: string | undefined, mac: string | undefined, secret: string): string | null {
  if (!message || !mac || message.length > 300) return null;
  return safeEqual(noticeMac(message, secret), mac) ? message : null;
}
