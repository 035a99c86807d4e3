// One front door for bad requests (pure, run by proxy.ts before any page, action or route
// handler): what no route of ours can serve is answered here, with a short message, as a
// 4xx, never a 500 from deeper down (the framework's own parsing included).
//
//   a path that does not decode (bad percent-encoding, a lone surrogate), or a path or
//   query with a NUL or another control character                    → 400
//   a method no route serves (TRACE, CONNECT, anything unknown)      → 405
//   a body announced larger than MAX_BODY_BYTES (3 MB for uploads)    → 413
//   multipart/form-data without a boundary                            → 400
// A multipart body that does not parse is refused by proxy.ts, which reads it (bounded).

export const MAX_BODY_BYTES = 1024 * 1024;
/** The back office's image upload takes a file of up to 2 MB (lib/images/inspect.ts) and its form. */
export const UPLOAD_MAX_BODY_BYTES = 3 * 1024 * 1024;
const UPLOAD_PATH = /^\/api\/admin\/products\/[^/]+\/images$/;

/** The largest body a path takes. */
export function maxBodyBytes(pathname: string): number {
  return UPLOAD_PATH.test(pathname) ? UPLOAD_MAX_BODY_BYTES : MAX_BODY_BYTES;
}
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type Refusal = { status: 400 | 405 | 413; message: string };

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Decodes a path or query, or null when it cannot be read as UTF-8 text without control characters. */
export function decodedOrNull(raw: string, form = false): string | null {
  try {
    const decoded = decodeURIComponent(form ? raw.replace(/\+/g, " ") : raw);
    // A lone surrogate cannot be produced by decodeURIComponent from valid UTF-8; be explicit anyway.
    if (CONTROL.test(decoded) || !decoded.isWellFormed()) return null;
    return decoded;
  } catch {
    return null;
  }
}

export function frontDoor(request: {
  method: string;
  pathname: string;
  search: string;
  headers: Pick<Headers, "get">;
}): Refusal | null {
  if (!(ALLOWED_METHODS as readonly string[]).includes(request.method))
    return { status: 405, message: `method ${request.method.slice(0, 20)} is not allowed` };
  if (request.pathname.length > 2048 || decodedOrNull(request.pathname) === null)
    return { status: 400, message: "the path is not valid" };
  if (request.search.length > 4096) return { status: 400, message: "the query string is too long" };
  // A query is read leniently (the framework's URLSearchParams turns bad bytes into U+FFFD, and
  // campaign links and wallets add all sorts): only a NUL or a control character is refused,
  // since that could reach the database.
  for (const [key, value] of new URLSearchParams(request.search)) {
    if (CONTROL.test(key) || CONTROL.test(value))
      return { status: 400, message: "the query string holds a control character" };
  }

  const length = request.headers.get("content-length");
  const limit = maxBodyBytes(request.pathname);
  if (length !== null && (!/^\d{1,12}$/.test(length) || Number(length) > limit))
    return { status: 413, message: `the body is larger than ${limit} bytes` };
  const type = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(type) && !/;\s*boundary=("[^"]{1,70}"|[^\s;"]{1,70})/i.test(type))
    return { status: 400, message: "multipart/form-data needs a boundary" };
  return null;
}

/**
 * A server action call (the `next-action` header). The framework posts an action's
 * arguments as multipart/form-data when they hold a form (the arguments' encoding in field
 * "0", the form's fields beside it), else as a text/plain JSON array (an action with no
 * argument sends `[]`). That encoding may hold only form references ("$K1", multipart only),
 * `$undefined`, escaped text and plain values, a few levels deep. Anything else would make
 * the framework's decoder throw, or wait for parts that never come, and answer 500.
 * `encoded`: field "0" of a multipart body, or the whole text/plain body.
 */
export function actionRefusal(contentType: string, encoded: string | null): Refusal | null {
  const multipart = /^multipart\/form-data/i.test(contentType);
  if (!multipart && !/^text\/plain/i.test(contentType))
    return { status: 400, message: "a server action takes a form or a JSON array" };
  if (encoded === null) return multipart ? null : { status: 400, message: "the action's arguments are missing" };
  if (encoded.length > 16_384) return { status: 400, message: "the action's arguments are too long" };
  let args: unknown;
  try {
    args = JSON.parse(encoded);
  } catch {
    return { status: 400, message: "the action's arguments are not valid" };
  }
  const reference = multipart ? /^\$(K\d{1,4}|undefined|\$.*)$/s : /^\$(undefined|\$.*)$/s;
  return Array.isArray(args) && args.length <= 4 && plain(args, 0, reference)
    ? null
    : { status: 400, message: "the action's arguments are not valid" };
}

/**
 * A form posted before JavaScript loaded names its action in hidden fields ($ACTION_ID_…,
 * $ACTION_REF_n with $ACTION_n:m holding JSON). Garbled JSON there makes the framework's
 * decoder throw (a 500): each such field must parse, and hold only plain values and the
 * references the framework writes ($@n, $Kn, $undefined).
 */
export function formActionRefusal(form: FormData): Refusal | null {
  for (const [name, value] of form.entries()) {
    if (!/^\$ACTION_\d+:\d+$/.test(name)) continue;
    if (typeof value !== "string" || value.length > 16_384)
      return { status: 400, message: "the form's action fields are not valid" };
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return { status: 400, message: "the form's action fields are not valid" };
    }
    if (!plain(parsed, 0, /^\$(@\d{1,4}|K\d{1,4}|undefined|\$.*)$/s))
      return { status: 400, message: "the form's action fields are not valid" };
  }
  return null;
}

function plain(value: unknown, depth: number, reference: RegExp): boolean {
  if (depth > 8) return false;
  if (typeof value === "string") return !value.startsWith("$") || reference.test(value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.length <= 32 && value.every((v) => plain(v, depth + 1, reference));
  if (typeof value === "object")
    return Object.keys(value).length <= 32 && Object.values(value).every((v) => plain(v, depth + 1, reference));
  return false;
}
