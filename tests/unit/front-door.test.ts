// The front door's decisions (pure): what proxy.ts answers before any route runs.
import { describe, expect, it } from "vitest";
import {
  actionRefusal,
  decodedOrNull,
  frontDoor,
  MAX_BODY_BYTES,
  UPLOAD_MAX_BODY_BYTES,
} from "@/lib/security/front-door";
import { contentSecurityPolicy, isSecretUrl, securityHeaders } from "@/lib/security/headers";

const get = (pathname: string, search = "", headers: Record<string, string> = {}, method = "GET") =>
  frontDoor({ method, pathname, search, headers: new Headers(headers) });

describe("frontDoor", () => {
  it("lets ordinary requests through", () => {
    expect(get("/products/silk-fan")).toBeNull();
    expect(get("/orders/HG-AAAA-AAAA", "?t=abc_DEF-123")).toBeNull();
    expect(get("/products/%E9%9D%92%E7%93%B7")).toBeNull(); // 青瓷, well-formed UTF-8
    expect(get("/", "?q=a+b&x=%20")).toBeNull();
  });
  it("refuses undecodable paths and queries, NUL and control characters", () => {
    for (const path of ["/products/%E0%A4%A", "/api/orders/%ED%A0%80/status", "/x/%FF", "/x/%00", "/x/%0A"])
      expect(get(path)?.status, path).toBe(400);
    expect(get("/", "?q=%00")?.status).toBe(400);
    // A query is read leniently (campaign links, GBK-encoded wallet parameters): only control characters are refused.
    expect(get("/", "?q=%E0%A4%A")).toBeNull();
    expect(get("/", "?utm_campaign=50%off")).toBeNull();
    expect(get("/", "?q=%09")?.status).toBe(400);
    expect(decodedOrNull("%F0%9F%98%80")).toBe("😀");
  });
  it("refuses unknown methods, oversized bodies and multipart without a boundary", () => {
    expect(get("/", "", {}, "PROPFIND")?.status).toBe(405);
    expect(get("/", "", { "content-length": String(MAX_BODY_BYTES + 1) }, "POST")?.status).toBe(413);
    expect(get("/", "", { "content-length": "-1" }, "POST")?.status).toBe(413);
    // The image upload alone takes up to 3 MB (a 2 MB file and its form).
    const upload = "/api/admin/products/abc/images";
    expect(get(upload, "", { "content-length": String(MAX_BODY_BYTES + 1) }, "POST")).toBeNull();
    expect(get(upload, "", { "content-length": String(UPLOAD_MAX_BODY_BYTES + 1) }, "POST")?.status).toBe(413);
    expect(get("/api/admin/products/abc", "", { "content-length": String(MAX_BODY_BYTES + 1) }, "POST")?.status).toBe(
      413,
    );
    expect(get("/", "", { "content-type": "multipart/form-data" }, "POST")?.status).toBe(400);
    expect(get("/", "", { "content-type": "multipart/form-data; boundary=----x1" }, "POST")).toBeNull();
  });
});

describe("actionRefusal", () => {
  it("takes what the framework sends for our actions", () => {
    expect(actionRefusal("text/plain;charset=UTF-8", "[]")).toBeNull();
    expect(actionRefusal("multipart/form-data; boundary=b", '[{"error":null},"$K1"]')).toBeNull();
    expect(actionRefusal("multipart/form-data; boundary=b", '["$K1"]')).toBeNull();
    expect(actionRefusal("multipart/form-data; boundary=b", null)).toBeNull();
  });
  it("forms posted before JavaScript: garbled action fields refused", async () => {
    const { formActionRefusal } = await import("@/lib/security/front-door");
    const form = (entries: [string, string][]) => {
      const f = new FormData();
      for (const [k, v] of entries) f.append(k, v);
      return f;
    };
    expect(
      formActionRefusal(
        form([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", '{"id":"abc","bound":"$@1"}'],
          ["$ACTION_1:1", '[{"error":null}]'],
        ]),
      ),
    ).toBeNull();
    expect(
      formActionRefusal(
        form([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", "{"],
        ]),
      )?.status,
    ).toBe(400);
    expect(formActionRefusal(form([["$ACTION_1:1", "["]]))?.status).toBe(400);
    expect(formActionRefusal(form([["email", "{"]]))).toBeNull();
  });

  it("refuses what the decoder would choke on", () => {
    for (const body of ["", "[", "{}", '["$@1"]', '["$Q2"]', '["$K1"]', "[".repeat(40) + "]".repeat(40)]) {
      expect(actionRefusal("text/plain;charset=UTF-8", body)?.status, body).toBe(400);
    }
    expect(actionRefusal("application/json", "[]")?.status).toBe(400);
    expect(actionRefusal("text/plain", null)?.status).toBe(400);
  });
});

describe("security headers", () => {
  it("a nonce-based CSP, no framing, nosniff; no referrer from secret URLs; HSTS only over HTTPS", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", development: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const headers = securityHeaders({ nonce: "n", https: false, development: false, pathname: "/" });
    expect(headers).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(
      securityHeaders({ nonce: "n", https: true, development: false, pathname: "/" })["strict-transport-security"],
    ).toMatch(/max-age/);
    expect(isSecretUrl("/orders/HG-AAAA-AAAA")).toBe(true);
    expect(isSecretUrl("/orders/lookup")).toBe(false);
    expect(isSecretUrl("/products/silk-fan")).toBe(false);
  });

  it("the image route gets a policy for files: nothing loads or runs, sandboxed, still not framed", () => {
    const headers = securityHeaders({
      nonce: "n",
      https: false,
      development: false,
      pathname: `/images/${"a".repeat(64)}.svg`,
    });
    expect(headers["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(headers).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff" });
    expect(
      securityHeaders({ nonce: "n", https: false, development: false, pathname: "/imagesx" })[
        "content-security-policy"
      ],
    ).toContain("nonce-n");
  });
});
