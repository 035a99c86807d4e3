// Where each top-level member's value stands in a JSON text, byte for byte.
// Signatures are checked over the exact text on the wire (a PHP client writes "\/" for "/",
// so re-serialising a parsed object would change the hash): we need the raw span of
// `request` / `response`, not a re-encoding of it.

export type Span = { start: number; end: number };

/**
 * Spans of the values of a top-level JSON object's members, or null if `text` is not
 * a JSON object or names a member twice (two `response` members would let the signed
 * text and the parsed value disagree). Call only on text that JSON.parse accepts.
 */
export function topLevelSpans(text: string): Map<string, Span> | null {
  let i = skipSpace(text, 0);
  if (text[i] !== "{") return null;
  i = skipSpace(text, i + 1);
  const members = new Map<string, Span>();
  if (text[i] === "}") return members;
  for (;;) {
    if (text[i] !== '"') return null;
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text[i] !== ":") return null;
    const start = skipSpace(text, i + 1);
    const end = skipValue(text, start);
    if (members.has(key)) return null;
    members.set(key, { start, end });
    i = skipSpace(text, end);
    if (text[i] === ",") i = skipSpace(text, i + 1);
    else if (text[i] === "}") return members;
    else return null;
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  return i;
}

/** From an opening quote to just past the closing one. */
function skipString(text: string, i: number): number {
  i++;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === "{" || c === "[") {
    let depth = 0;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i = skipString(text, i);
        continue;
      }
      if (ch === "{" || ch === "[") depth++;
      else if (ch === "}" || ch === "]") {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  // number, true, false, null
  while (i < text.length && !",}] \n\r\t".includes(text[i]!)) i++;
  return i;
}
