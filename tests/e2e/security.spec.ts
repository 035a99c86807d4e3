// Security headers on every kind of response, no framing by another site, and the front
// door's answers to the request classes that once reached a 500 (each a named regression).
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";

test.describe("headers", () => {
  test("pages, route handlers and refusals carry the security headers", async ({ request }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "headers only");
    for (const path of [
      "/",
      "/products/silk-fan",
      "/cart",
      "/checkout",
      "/orders/lookup",
      "/admin/login",
      "/api/health",
      "/no-such-page",
      "/products/%E0%A4%A",
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["content-security-policy"], path).toMatch(/frame-ancestors 'none'/);
      expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      // Plain HTTP here: no HSTS (it is sent over HTTPS).
      expect(headers["strict-transport-security"], path).toBeUndefined();
    }
    // Behind an HTTPS proxy: HSTS. On an order page: no Referer at all.
    expect(
      (await request.get("/", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"],
    ).toMatch(/max-age=\d+/);
    expect((await request.get("/orders/HG-AAAA-AAAA?t=x")).headers()["referrer-policy"]).toBe("strict-origin");
    // A fresh nonce for every response.
    const a = (await request.get("/")).headers()["content-security-policy"];
    const b = (await request.get("/")).headers()["content-security-policy"];
    expect(a).not.toBe(b);
  });
});

test.describe("framing", () => {
  let other: Server;
  let otherOrigin = "";
  test.beforeAll(async () => {
    // Another site, on another origin, that tries to frame the shop.
    other = createServer((request, response) => {
      const target = decodeURIComponent((request.url ?? "/").slice(1));
      response
        .writeHead(200, { "content-type": "text/html" })
        .end(`<!doctype html><title>evil</title><iframe id="f" src="${target}" width="600" height="400"></iframe>`);
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", () => resolve()));
    otherOrigin = `http://localhost:${(other.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  for (const path of ["/admin/login", "/checkout", "/"]) {
    test(`${path} cannot be framed by another origin`, async ({ page, baseURL, cspViolations }, testInfo) => {
      test.skip(testInfo.project.name !== "desktop", "desktop");
      await page.goto(`${otherOrigin}/${encodeURIComponent(`${baseURL}${path}`)}`);
      await page.waitForTimeout(500);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      // Blocked by frame-ancestors / X-Frame-Options: the frame holds no page of ours.
      const text = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
      expect(text).not.toMatch(/ScanForPay|Log in|Checkout|Sandbox/i);
      // The browser says why: the shop's frame-ancestors refused the frame. That report is
      // this test's point, not a violation by a page of ours.
      expect(cspViolations.some((v) => /frame-ancestors/.test(v))).toBe(true);
      cspViolations.splice(0);
    });
  }
});

test.describe("the front door answers bad requests with a 4xx", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "HTTP only");
  });

  test("class 1: a malformed percent-encoding or a lone surrogate in a dynamic segment → 400", async ({ request }) => {
    for (const path of [
      "/products/%E0%A4%A",
      "/api/orders/%ED%A0%80/status",
      "/orders/%ED%A0%80",
      "/admin/orders/%E0%A4%A",
      "/sandbox/scanforpay/pay/%E0%A4%A",
      "/sandbox/scanforpay/control/orders/%FF",
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
      expect(await response.text(), path).toMatch(/not valid/);
    }
  });

  test("class 2: a NUL byte in a path parameter or a query → 400", async ({ request }) => {
    expect((await request.get("/sandbox/scanforpay/control/orders/X%00")).status()).toBe(400);
    expect((await request.get("/admin/orders?q=%00x", { maxRedirects: 0 })).status()).toBe(400);
    expect((await request.get("/orders/lookup?email=a%00b")).status()).toBe(400);
  });

  test("class 3: a method no route serves → 405", async ({ request }) => {
    for (const path of ["/api/health", "/", "/api/orders", "/sandbox/scanforpay/api/online/create"]) {
      for (const method of ["TRACE", "PROPFIND", "MKCOL"]) {
        const response = await request.fetch(path, { method });
        expect(response.status(), `${method} ${path}`).toBe(405);
      }
      // A method Node's HTTP parser does not know is refused by Node itself.
      const track = await request.fetch(path, { method: "TRACK" });
      expect([400, 405], `TRACK ${path}`).toContain(track.status());
    }
    // CONNECT (a proxy tunnel): Node closes the connection itself, without an answer.
    await expect(request.fetch("/api/health", { method: "CONNECT" })).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  test("class 4: a page POST with multipart/form-data and a missing or broken boundary → 400", async ({ request }) => {
    const missing = await request.post("/", { headers: { "content-type": "multipart/form-data" }, data: "x" });
    expect(missing.status()).toBe(400);
    const broken = await request.post("/", {
      headers: { "content-type": "multipart/form-data; boundary=abc" },
      data: "--abc\r\nnot a part",
    });
    expect(broken.status()).toBe(400);
  });

  test("an announced body over 1 MiB → 413", async ({ request }) => {
    const response = await request.post("/api/orders", {
      headers: { "content-type": "application/json" },
      data: "x".repeat(1024 * 1024 + 1),
    });
    expect(response.status()).toBe(413);
  });
});

test.describe("named regressions, continued", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "HTTP only");
  });

  test("class 5: a server action called with arguments of another shape, an undecodable or empty body → 4xx, never a 500", async ({
    request,
  }) => {
    const manifest = JSON.parse(
      readFileSync(path.join(__dirname, "../../.next/server/server-reference-manifest.json"), "utf8"),
    ) as { node: Record<string, unknown> };
    for (const id of Object.keys(manifest.node)) {
      for (const [type, body] of [
        ["text/plain;charset=UTF-8", '["not a form"]'],
        ["text/plain;charset=UTF-8", ""],
        ["text/plain;charset=UTF-8", "\u00ff\u00fe"],
        [
          "multipart/form-data; boundary=b",
          '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$@1"]\r\n--b--\r\n',
        ],
      ] as const) {
        const response = await request.post("/checkout", {
          headers: { "next-action": id, "content-type": type, "x-real-ip": "198.51.100.251" },
          data: body,
          maxRedirects: 0,
        });
        expect(response.status(), `${id} ${type} ${body.slice(0, 20)}`).toBeLessThan(500);
      }
      // The right encoding with an empty form: the action answers (a form error), not a 500.
      const empty = await request.post("/orders/lookup", {
        headers: {
          "next-action": id,
          "content-type": "multipart/form-data; boundary=b",
          accept: "text/x-component",
          "x-real-ip": "198.51.100.251",
        },
        data: '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"error":null},"$K1"]\r\n--b--\r\n',
        maxRedirects: 0,
      });
      expect(empty.status(), id).toBeLessThan(500);
    }
  });

  test("class 6: back-office date filters out of range, on the list and the CSV export → answered, not a 500", async ({
    page,
  }) => {
    await page.goto("/admin/login");
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("sandbox-admin");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    for (const query of ["?from=0000-01-01&to=2024-13-01", "?from=9999-12-31", "?to=2024-02-30&page=-4"]) {
      expect((await page.request.get(`/admin/orders${query}`)).status(), query).toBe(200);
      const csv = await page.request.get(`/api/admin/orders/export${query}`);
      expect(csv.status(), query).toBe(200);
      expect(csv.headers()["content-type"]).toContain("text/csv");
    }
  });
});
