// The image route's answer (framework-free: a Request in, a Response out): the bytes a
// content-addressed name stands for, cached for a year as immutable, revalidated by ETag.
import type { PrismaClient } from "../generated/prisma/client";
import { IMAGE_CSP } from "../security/headers";
import { findImageBytes, imageExists } from "./store";
import { extensionOf, parseImageName } from "./urls";

export const IMMUTABLE = "public, max-age=31536000, immutable";
/** For SVG opened directly: no script, no loads, no forms, a unique origin (proxy.ts sets the same). */
export const SVG_CSP = IMAGE_CSP;

function text(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...extra,
    },
  });
}

/** Whether an If-None-Match header names this ETag (or is `*`). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === etag;
  });
}

export async function serveImage(db: PrismaClient, request: Request, file: string): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD")
    return text(405, `method ${request.method.slice(0, 20)} is not allowed: images are read with GET or HEAD`, {
      allow: "GET, HEAD",
    });
  const name = parseImageName(file);
  if (!name) return text(404, "no such image: a name is /images/{sha256 hex}[-{width}].{png|jpg|webp|svg}");
  const etag = name.width === null ? `"${name.hash}"` : `"${name.hash}-${name.width}"`;
  const common = { "cache-control": IMMUTABLE, etag, "x-content-type-options": "nosniff" };
  try {
    if (matchesEtag(request.headers.get("if-none-match"), etag)) {
      if (await imageExists(db, name.hash, name.width)) return new Response(null, { status: 304, headers: common });
      return text(404, "no such image");
    }
    const found = await findImageBytes(db, name.hash, name.width);
    if (!found || extensionOf(found.mime) !== name.ext) return text(404, "no such image");
    const headers: Record<string, string> = {
      ...common,
      "content-type": found.mime,
      "content-length": String(found.bytes.length),
      ...(found.mime === "image/svg+xml" ? { "content-security-policy": SVG_CSP } : {}),
    };
    return new Response(request.method === "HEAD" ? null : new Uint8Array(found.bytes), { status: 200, headers });
  } catch {
    return text(503, "images cannot be read just now (the database is unreachable)", { "retry-after": "5" });
  }
}
