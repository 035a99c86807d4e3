// Next.js 16's proxy: runs before every page, server action and route handler.
//   1. The front door (lib/security/front-door.ts): requests no route can serve are answered
//      here with a 4xx and a short message, before any framework or app code parses them.
//   2. Security headers (lib/security/headers.ts) with a fresh CSP nonce a request: Next.js
//      reads the nonce from the request's Content-Security-Policy header and puts it on its
//      own scripts; our pages read it from `x-nonce`.
import { NextResponse, type NextRequest } from "next/server";
import { actionRefusal, formActionRefusal, frontDoor } from "@/lib/security/front-door";
import { securityHeaders } from "@/lib/security/headers";

function nonceOf(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

export async function proxy(request: NextRequest) {
  // The URL as it came, still percent-encoded (nextUrl may already be normalised).
  const raw = new URL(request.url);
  const nonce = nonceOf();
  const headers = securityHeaders({
    nonce,
    https: isHttps(request),
    development: process.env.NODE_ENV === "development",
    pathname: raw.pathname,
  });
  const refuse = (status: number, message: string) => {
    const response = new NextResponse(`${message}\n`, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
    });
    if (status === 405) response.headers.set("allow", "GET, HEAD, POST, OPTIONS");
    return response;
  };
  const refusal = frontDoor({
    method: request.method,
    pathname: raw.pathname,
    search: raw.search,
    headers: request.headers,
  });
  if (refusal) return refuse(refusal.status, refusal.message);
  const contentType = request.headers.get("content-type") ?? "";
  const isAction = request.headers.has("next-action");
  if (isAction && request.method !== "POST") return refuse(405, "a server action is called with POST");
  // A multipart body (a form posted before JavaScript loaded, or an action call) that does not parse.
  let form: FormData | null = null;
  if (request.method === "POST" && /^multipart\/form-data/i.test(contentType)) {
    form = await request
      .clone()
      .formData()
      .catch(() => null);
    if (!form) return refuse(400, "the multipart body does not parse");
    const refused = formActionRefusal(form);
    if (refused) return refuse(refused.status, refused.message);
  }
  if (isAction) {
    const args = form
      ? form.get("0")
      : /^text\/plain/i.test(contentType)
        ? await request
            .clone()
            .text()
            .catch(() => null)
        : null;
    const refused = actionRefusal(contentType, typeof args === "string" ? args : null);
    if (refused) return refuse(refused.status, refused.message);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
    },
  ],
};
