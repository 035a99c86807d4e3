// A raw message's header block (pure), for the sandbox mailbox: the lines before the first
// blank line, unfolded (a line that starts with a space or a tab continues the one before,
// RFC 5322 §2.2.3), with RFC 2047 encoded words ("=?UTF-8?B?…?=") decoded for reading.

export type MailHeader = { name: string; value: string };

/** At most this many headers are shown: a message is the shop's own, but the viewer stays bounded. */
const MAX_HEADERS = 200;

/** Decodes RFC 2047 encoded words in UTF-8 (or ASCII/Latin-1); anything it cannot read stays as it was. */
export function decodeEncodedWords(value: string): string {
  // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
  const joined = value.replace(/(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)/g, "$1");
  return joined.replace(
    /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g,
    (word, charset: string, encoding: string, text: string) => {
      const label = charset.toLowerCase().split("*")[0]!;
      if (!["utf-8", "utf8", "us-ascii", "iso-8859-1", "latin1"].includes(label)) return word;
      try {
        const bytes =
          encoding.toLowerCase() === "b"
            ? Buffer.from(text, "base64")
            : Buffer.from(
                text
                  .replace(/_/g, " ")
                  .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
                "latin1",
              );
        const decoded = new TextDecoder(label.startsWith("utf") ? "utf-8" : "latin1", { fatal: true }).decode(bytes);
        return decoded;
      } catch {
        return word;
      }
    },
  );
}

/** The headers of a raw message, in order, unfolded and decoded. A message with no header block gives []. */
export function parseHeaders(raw: string): MailHeader[] {
  const match = /\r?\n\r?\n/.exec(raw);
  const block = match ? raw.slice(0, match.index) : raw;
  const headers: MailHeader[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === "") continue;
    if (/^[ \t]/.test(line)) {
      const last = headers[headers.length - 1];
      // Unfolding removes the line break only; the folding whitespace stays (one space is kept).
      if (last) last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (!/^[!-9;-~]+$/.test(name)) continue;
    if (headers.length >= MAX_HEADERS) break;
    headers.push({ name, value: line.slice(colon + 1).trim() });
  }
  return headers.map((h) => ({ name: h.name, value: decodeEncodedWords(h.value) }));
}
