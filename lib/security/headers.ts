// The security headers of every response (pure): a Content-Security-Policy with a nonce per
// request, no framing by any site, no MIME sniffing, no order link leaking in a Referer, and
// HSTS over HTTPS. proxy.ts sets them; tests check them in Chromium.

export type SecurityHeaderOptions = {
  nonce: string;
  /** Over HTTPS (directly or behind a proxy that says so): send HSTS. */
  https: boolean;
  /** next dev: React's dev tools need eval. */
  development: boolean;
  /** The path: order pages carry their access token in the URL. */
  pathname: string;
};

export function contentSecurityPolicy(options: Pick<SecurityHeaderOptions, "nonce" | "development">): string {
  return [
    "default-src 'self'",
    // Next.js puts the nonce on its own scripts; 'strict-dynamic' lets those load the rest.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // In development the error overlay inserts <style> tags of its own, without the nonce.
    options.development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${options.nonce}'`,
    // style="" attributes (Next.js sets a few itself); no script can come through them.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // The checkout's form may be answered with a redirect to the gateway's hosted page.
    "form-action 'self' https:",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Paths whose URL is a secret (an order's access token): their Referer carries the origin
 * only, even to the shop itself (strict-origin; no-referrer would send `Origin: null` with a
 * form posted before JavaScript loaded, which the framework refuses as a cross-site action).
 */
export function isSecretUrl(pathname: string): boolean {
  return (
    /^\/orders\/(?!lookup(\/|$))/.test(pathname) ||
    pathname.startsWith("/api/orders/") ||
    pathname.startsWith("/api/scanforpay/return") ||
    pathname.startsWith("/sandbox/")
  );
}

/**
 * The product image route (/images/…) serves files, never pages: an SVG opened there
 * directly gets no script, no loads and a sandbox (a unique origin). It must be this
 * proxy's header: a route's own header of the same name is dropped once the proxy set one.
 */
export const IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/**
 * The sandbox mailbox's HTML preview (/sandbox/mail/<id>/html): the mail's own HTML, shown in a
 * sandboxed frame of the mailbox's page (the only page that may frame it). No script, no
 * loads but inline styles and data: images (nothing remote), a unique origin even when opened directly.
 */
export const MAIL_PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

export function isMailPreview(pathname: string): boolean {
  return /^\/sandbox\/mail\/[^/]+\/html\/?$/.test(pathname);
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const preview = isMailPreview(options.pathname);
  return {
    "content-security-policy": options.pathname.startsWith("/images/")
      ? IMAGE_CSP
      : preview
        ? MAIL_PREVIEW_CSP
        : contentSecurityPolicy(options),
    "x-frame-options": preview ? "SAMEORIGIN" : "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": isSecretUrl(options.pathname) ? "strict-origin" : "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(self)",
    "cross-origin-opener-policy": "same-origin",
    ...(options.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
