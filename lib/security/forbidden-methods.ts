// CONNECT, TRACE and TRACK: the fetch standard forbids them, so Node's `Request` throws on
// them ("'TRACE' HTTP method is unsupported") while Next.js adapts the request, before
// proxy.ts or any route could answer, and the server would answer 500. On a Node server
// (`next dev`, `next start`) these are answered 405 here, at the HTTP server, instead.
// Installed once from instrumentation.ts; elsewhere (Vercel's platform) the platform answers.
// (CONNECT never reaches here: with no tunnel listener, Node closes such a connection itself.)
import http from "node:http";

export const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

type Emit = typeof http.Server.prototype.emit;
const GUARDED = Symbol.for("scanforpay.forbiddenMethodsGuard");

export function refuseForbiddenMethods(): void {
  const original = http.Server.prototype.emit as Emit & { [GUARDED]?: true };
  if (original[GUARDED]) return;
  const guarded = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (FORBIDDEN_METHODS.has((request.method ?? "").toUpperCase())) {
        response.writeHead(405, {
          "content-type": "text/plain; charset=utf-8",
          allow: "GET, HEAD, POST, OPTIONS",
          "x-content-type-options": "nosniff",
        });
        response.end(`method ${request.method} is not allowed\n`);
        return true;
      }
    }

    return (original as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(
      this,
      event,
      ...args,
    );
  } as Emit & { [GUARDED]?: true };
  guarded[GUARDED] = true;
  http.Server.prototype.emit = guarded;
}
