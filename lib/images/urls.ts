// Image URLs (pure): one route, the content hash in the name, so a URL names one set of bytes
// forever and can be cached as immutable. /images/{hash}.{ext} is the original,
// /images/{hash}-{width}.{ext} a width variant of it (same format).
import type { ImageMime } from "./inspect";

export const EXTENSIONS = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/svg+xml": "svg",
} as const;
export type ImageExtension = (typeof EXTENSIONS)[ImageMime];

export type ImageRef = { hash: string; mime: string };

export function extensionOf(mime: string): ImageExtension | null {
  return (EXTENSIONS as Record<string, ImageExtension>)[mime] ?? null;
}

export function imageUrl(image: ImageRef, width?: number): string {
  const ext = extensionOf(image.mime) ?? "bin";
  return width === undefined ? `/images/${image.hash}.${ext}` : `/images/${image.hash}-${width}.${ext}`;
}

/**
 * A srcset of the given variant widths plus the original at its own width, narrowest first;
 * null when there is nothing to choose from (an SVG, or no narrower variant).
 */
export function imageSrcSet(image: ImageRef & { width: number }, widths: readonly number[]): string | null {
  const narrower = [...new Set(widths)].filter((w) => w < image.width).sort((a, b) => a - b);
  if (image.mime === "image/svg+xml" || narrower.length === 0) return null;
  return [...narrower.map((w) => `${imageUrl(image, w)} ${w}w`), `${imageUrl(image)} ${image.width}w`].join(", ");
}

export type ParsedImageName = { hash: string; width: number | null; ext: ImageExtension };

/** The route's file name, read strictly: 64 lower-case hex digits, an optional width, a known extension. */
export function parseImageName(name: string): ParsedImageName | null {
  const m = /^([0-9a-f]{64})(?:-([1-9]\d{0,4}))?\.(png|jpg|webp|svg)$/.exec(name);
  if (!m) return null;
  return { hash: m[1]!, width: m[2] === undefined ? null : Number(m[2]), ext: m[3] as ImageExtension };
}
