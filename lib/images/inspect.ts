// What an uploaded file really is (pure): the format from its magic bytes, never from the
// declared type or the file name, and its dimensions from the format's own header
// (PNG IHDR, JPEG SOF, WebP VP8/VP8L/VP8X, SVG width/height or viewBox). SVG is text a
// browser may run: one that could script, load anything from elsewhere or expand entities
// is refused whole (code unsafe_svg), never "cleaned" into something we did not check.

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Longest side accepted, in pixels (a decoded 8000 × 8000 image is 256 MB of RGBA). */
export const MAX_IMAGE_SIDE = 8000;
/** At most this many pixels in all (width × height). */
export const MAX_IMAGE_PIXELS = 40_000_000;

export const IMAGE_MIMES = ["image/png", "image/jpeg", "image/webp", "image/svg+xml"] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

export type ImageErrorCode = "not_image" | "too_large" | "unsafe_svg" | "unreadable";

/** A refused upload: `message` is plain English, fit to show the merchant beside the field. */
export class ImageError extends Error {
  readonly code: ImageErrorCode;
  constructor(code: ImageErrorCode, message: string) {
    super(message);
    this.name = "ImageError";
    this.code = code;
  }
}

export type InspectedImage = { mime: ImageMime; width: number; height: number; bytes: Uint8Array };

const MB = (MAX_IMAGE_BYTES / 1024 / 1024).toFixed(0);

export function inspectImage(bytes: Uint8Array): InspectedImage {
  if (bytes.length === 0) throw new ImageError("not_image", "The file is empty.");
  if (bytes.length > MAX_IMAGE_BYTES)
    throw new ImageError("too_large", `The image is larger than ${MB} MB (${bytes.length} bytes).`);
  const found = png(bytes) ?? jpeg(bytes) ?? webp(bytes) ?? svg(bytes);
  if (!found) throw new ImageError("not_image", "The file is not a PNG, JPEG, WebP or SVG image.");
  const { mime, width, height } = found;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new ImageError("unreadable", "The image's width and height cannot be read.");
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    throw new ImageError(
      "too_large",
      `The image is ${width} × ${height} pixels: at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels.`,
    );
  return { mime, width, height, bytes };
}

type Found = { mime: ImageMime; width: number; height: number };

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);

const truncated = (format: string) => new ImageError("unreadable", `The ${format} file is cut short or damaged.`);

function png(b: Uint8Array): Found | null {
  if (!startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return null;
  // The first chunk must be IHDR, 13 bytes long: width, height (big-endian), …
  if (b.length < 33 || u32be(b, 8) !== 13 || !startsWith(b, ascii("IHDR"), 12)) throw truncated("PNG");
  return { mime: "image/png", width: u32be(b, 16), height: u32be(b, 20) };
}

// Start-of-frame markers carry the dimensions (C4 DHT, C8 JPG and CC DAC are not frames).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Uint8Array): Found | null {
  if (!startsWith(b, [0xff, 0xd8, 0xff])) return null;
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) throw truncated("JPEG");
    while (b[i] === 0xff) i++; // fill bytes
    const marker = b[i++];
    if (marker === undefined) break;
    // Markers without a length: TEM, RSTn, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    if (marker === 0xd9 || marker === 0xda) break; // end of image or scan data before any frame header
    if (i + 2 > b.length) break;
    const length = u16be(b, i);
    if (length < 2) break;
    if (SOF.has(marker)) {
      if (i + 7 > b.length) break;
      return { mime: "image/jpeg", height: u16be(b, i + 3), width: u16be(b, i + 5) };
    }
    i += length;
  }
  throw truncated("JPEG");
}

function webp(b: Uint8Array): Found | null {
  if (!(startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8))) return null;
  if (b.length < 30) throw truncated("WebP");
  if (startsWith(b, ascii("VP8 "), 12)) {
    // A key frame: 3 bytes of frame tag, the start code 9D 01 2A, then 14-bit width and height.
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) throw truncated("WebP");
    return { mime: "image/webp", width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (startsWith(b, ascii("VP8L"), 12)) {
    // Lossless: signature 0x2F, then width-1 and height-1 in 14 bits each.
    if (b[20] !== 0x2f) throw truncated("WebP");
    const [b0, b1, b2, b3] = [b[21]!, b[22]!, b[23]!, b[24]!];
    return {
      mime: "image/webp",
      width: 1 + (((b1 & 0x3f) << 8) | b0),
      height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)),
    };
  }
  if (startsWith(b, ascii("VP8X"), 12)) {
    // Extended: flags, 3 reserved bytes, then canvas width-1 and height-1 in 24 bits each.
    return { mime: "image/webp", width: 1 + u24le(b, 24), height: 1 + u24le(b, 27) };
  }
  throw truncated("WebP");
}

// ---- SVG ----------------------------------------------------------------------------

/** The five XML entities and numeric references, decoded: what an attribute really says. */
function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);?/gi, (whole, ref: string) => {
    const r = ref.toLowerCase();
    if (r === "amp") return "&";
    if (r === "lt") return "<";
    if (r === "gt") return ">";
    if (r === "quot") return '"';
    if (r === "apos") return "'";
    const code = r.startsWith("#x") ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// Elements that run script, embed other documents or listen for events.
const UNSAFE_ELEMENT = /<\s*([\w.-]+:)?(script|foreignObject|iframe|embed|object|handler|listener)\b/i;
// An event attribute (onload=, onclick=, …) after whitespace, a quote or a slash.
const EVENT_ATTRIBUTE = /[\s"'/]on[a-z]+\s*=/i;
const SCRIPT_URL = /(j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i;
const RASTER_DATA_URL = /^data:image\/(png|jpeg|jpg|gif|webp)[;,]/i;

function isSafeReference(value: string): boolean {
  const v = value.trim();
  return v.startsWith("#") || RASTER_DATA_URL.test(v);
}

function unsafe(reason: string): never {
  throw new ImageError("unsafe_svg", `The SVG is refused: ${reason}.`);
}

function checkSvgSafety(text: string): void {
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(text)) unsafe("it has a DOCTYPE or entity declarations");
  const element = UNSAFE_ELEMENT.exec(text);
  if (element) unsafe(`it contains a <${element[2]}> element`);
  const decoded = decodeReferences(text);
  for (const t of [text, decoded]) {
    if (EVENT_ATTRIBUTE.test(t)) unsafe("it has an event attribute (on…=)");
    if (SCRIPT_URL.test(t)) unsafe("it contains a javascript: URL");
  }
  // Every data: URL must be a raster image (an SVG or HTML inside one could script).
  for (const match of decoded.matchAll(/data\s*:[^"')\s]*/gi)) {
    if (!RASTER_DATA_URL.test(match[0].replace(/\s+/g, "")))
      unsafe("it contains a data: URL that is not a raster image");
  }
  // href / xlink:href only to a fragment of this file (or an inline raster image).
  const hrefs = [...decoded.matchAll(/(?:^|[\s"'])(?:[\w.-]+:)?href\s*=\s*(?:"([^"]*)"|'([^']*)'|())/gi)];
  for (const [, double, single, bare] of hrefs) {
    if (bare !== undefined) unsafe("an href attribute is not quoted");
    if (!isSafeReference(double ?? single ?? "")) unsafe("it links to something outside the file (href)");
  }
  // CSS references: url(…) only to a fragment, and no @import.
  if (/@import/i.test(decoded)) unsafe("its style imports another file (@import)");
  for (const [, target] of decoded.matchAll(/url\s*\(\s*["']?([^"')]*)/gi)) {
    if (!isSafeReference(target ?? "")) unsafe("its style loads something outside the file (url())");
  }
}

/** A length attribute in user units (plain number or px), or null for anything else (%, em, mm…). */
function length(value: string | undefined): number | null {
  const m = value?.trim().match(/^(\d+(?:\.\d+)?|\.\d+)(px)?$/);
  return m ? Number(m[1]) : null;
}

function attribute(tag: string, name: string): string | undefined {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`));
  return m ? (m[1] ?? m[2]) : undefined;
}

function svg(b: Uint8Array): Found | null {
  // Look only at text that could be an SVG: its first bytes, skipping a BOM, whitespace, the
  // XML declaration, comments and a DOCTYPE (refused below, but still recognised as SVG).
  const head = new TextDecoder("utf-8", { fatal: false }).decode(b.subarray(0, 4096));
  const prolog = /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*(\[[\s\S]*?\])?\s*>\s*)*<svg[\s>/]/;
  if (!prolog.test(head)) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    throw new ImageError("unreadable", "The SVG is not valid UTF-8 text.");
  }
  if (text.includes("\u0000")) throw new ImageError("unreadable", "The SVG contains a NUL character.");
  checkSvgSafety(text);
  const tag = text.match(/<svg\b[^>]*>/)?.[0];
  if (!tag) throw new ImageError("unreadable", "The SVG's <svg> element cannot be read.");
  const viewBox = attribute(tag, "viewBox")
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const box =
    viewBox && viewBox.length === 4 && viewBox.every(Number.isFinite) && viewBox[2]! > 0 && viewBox[3]! > 0
      ? { width: viewBox[2]!, height: viewBox[3]! }
      : null;
  let width = length(attribute(tag, "width"));
  let height = length(attribute(tag, "height"));
  if (width === null && height === null && box) ({ width, height } = box);
  else if (width !== null && height === null && box) height = (width * box.height) / box.width;
  else if (height !== null && width === null && box) width = (height * box.width) / box.height;
  if (width === null || height === null)
    throw new ImageError("unreadable", "The SVG needs a width and height in pixels, or a viewBox.");
  return { mime: "image/svg+xml", width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}
