// The envelope: {"request":{"header":…,"body":…},"signature":"…"} out, and
// {"response":{"header":…,"body":…},"signature":"…"} back (also a notify's body).
// Written compact, `request`/`response` first and `signature` last (ScanForPay's PHP plugin
// cuts the text apart by position); read from the raw text, verifying over the exact bytes.
import { randomUUID } from "node:crypto";
import { topLevelSpans } from "./raw-json";
import { sign, verify } from "./signature";

export type Root = "request" | "response";

/** 32 hex characters: a UUID without hyphens. */
export function newMessageId(): string {
  return randomUUID().replace(/-/g, "");
}

/** RFC 3339 with an offset, in Hong Kong time: 2018-07-25T18:06:05+08:00. */
export function rfc3339(date: Date = new Date(), offsetMinutes = 8 * 60): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Signs an object as the envelope's `request`/`response` member; returns the wire text. */
export function writeEnvelope(root: Root, content: { header: object; body: object }, key: string): string {
  const signed = JSON.stringify(content);
  return `{"${root}":${signed},"signature":"${sign(signed, key)}"}`;
}

export type ParsedEnvelope =
  | { ok: true; signedText: string; signature: string; signatureValid: boolean; header: unknown; body: unknown }
  | { ok: false; problem: "empty" | "encoding" | "json" | "shape"; detail: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Bytes on the wire to text; null if they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Reads an envelope from its raw text and checks its signature over the exact text of the
 * `root` member. Nothing is re-serialised.
 */
export function readEnvelope(raw: string, root: Root, key: string): ParsedEnvelope {
  if (raw.trim() === "") return { ok: false, problem: "empty", detail: "the message is empty" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return { ok: false, problem: "json", detail: error instanceof Error ? error.message : "invalid JSON" };
  }
  const spans = topLevelSpans(raw);
  if (!spans) return { ok: false, problem: "shape", detail: "not a JSON object, or a member appears twice" };
  const span = spans.get(root);
  const content = (parsed as Record<string, unknown>)[root];
  const signature = (parsed as Record<string, unknown>).signature;
  if (!span || typeof content !== "object" || content === null || Array.isArray(content)) {
    return { ok: false, problem: "shape", detail: `"${root}" must be an object` };
  }
  if (typeof signature !== "string") return { ok: false, problem: "shape", detail: '"signature" is missing' };
  const signedText = raw.slice(span.start, span.end);
  const { header, body } = content as { header?: unknown; body?: unknown };
  return { ok: true, signedText, signature, signatureValid: verify(signedText, signature, key), header, body };
}
