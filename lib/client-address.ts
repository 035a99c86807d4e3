// The client's address as the nearest proxy saw it: x-real-ip (Vercel and most proxies set
// it), else the last x-forwarded-for hop (the one our own proxy added: a client cannot forge
// it), else "local" (no proxy: a developer's machine). Pure, for rate-limit keys.
export function clientAddress(headers: Pick<Headers, "get">): string {
  const real = headers.get("x-real-ip")?.trim();
  if (real) return real.slice(0, 64);
  const hops =
    headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((h) => h.trim())
      .filter(Boolean) ?? [];
  return (hops.at(-1) ?? "local").slice(0, 64);
}
