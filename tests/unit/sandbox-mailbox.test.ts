// The sandbox mailbox's pure parts: the preview's own security headers, the links listed
// beside the preview, the filters.
import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/mail/render";
import { isMailId, mailboxFiltersSchema, mailLinks } from "@/lib/sandbox/mailbox";
import { isMailPreview, MAIL_PREVIEW_CSP, securityHeaders } from "@/lib/security/headers";

const options = { nonce: "n", https: false, development: false };

describe("the mail preview's headers", () => {
  it("only /sandbox/mail/<id>/html gets the strict preview policy, framable by the shop only", () => {
    const preview = securityHeaders({ ...options, pathname: "/sandbox/mail/abc123/html" });
    expect(preview["content-security-policy"]).toBe(MAIL_PREVIEW_CSP);
    expect(MAIL_PREVIEW_CSP).toContain("default-src 'none'");
    expect(MAIL_PREVIEW_CSP).toContain("style-src 'unsafe-inline'");
    expect(MAIL_PREVIEW_CSP).toContain("img-src data:;"); // no remote loads: opening a mail tells no one
    expect(MAIL_PREVIEW_CSP).toContain("frame-ancestors 'self'");
    expect(MAIL_PREVIEW_CSP).not.toMatch(/script-src/);
    expect(preview["x-frame-options"]).toBe("SAMEORIGIN");
    for (const pathname of [
      "/sandbox/mail",
      "/sandbox/mail/abc123",
      "/sandbox/mail/a/b/html",
      "/x/sandbox/mail/a/html",
    ]) {
      const page = securityHeaders({ ...options, pathname });
      expect(page["x-frame-options"], pathname).toBe("DENY");
      expect(page["content-security-policy"], pathname).toContain("frame-ancestors 'none'");
    }
    expect(isMailPreview("/sandbox/mail/abc/html/")).toBe(true);
  });
});

describe("mailLinks", () => {
  it("lists a rendered mail's links once each, decoded, with their text", () => {
    const mail = renderEmail({
      topic: "order.shipped",
      locale: "en",
      shopName: "Harbour Goods",
      appUrl: "https://shop.example.com",
      order: {
        orderNo: "HG-7K3M-Q9TX",
        currency: "HKD",
        itemsMinor: 100,
        shippingMinor: 0,
        totalMinor: 100,
        lines: [{ name: "Fan", quantity: 1, unitPriceMinor: 100, lineMinor: 100 }],
        customerName: null,
        email: "a@example.com",
        orderUrl: "https://shop.example.com/orders/HG-7K3M-Q9TX?t=a&b=c",
        adminUrl: "https://shop.example.com/admin/orders/HG-7K3M-Q9TX",
        delivery: "ship",
        methodName: "Courier",
        addressLines: ["A"],
        carrier: "SF",
        trackingNumber: "SF1",
        trackingUrl: "https://track.example.com/?n=SF1&x=1",
        paidAt: null,
      },
      refund: null,
      details: {},
    });
    expect(mailLinks(mail.html)).toEqual([
      { href: "https://track.example.com/?n=SF1&x=1", text: "SF1" },
      { href: "https://shop.example.com/orders/HG-7K3M-Q9TX?t=a&b=c", text: "View your order" },
    ]);
  });
  it("skips what is not http(s)", () => {
    expect(mailLinks('<a href="javascript:alert(1)">x</a><a href="mailto:a@b.c">m</a><a href="/rel">r</a>')).toEqual(
      [],
    );
  });
});

describe("mailbox filters and ids", () => {
  it("read leniently", () => {
    expect(mailboxFiltersSchema.parse({ to: "  a@b.c ", page: "2" })).toEqual({ to: "a@b.c", page: 2 });
    expect(mailboxFiltersSchema.parse({ to: "x".repeat(300), page: "-4" })).toEqual({ to: undefined, page: 1 });
    expect(isMailId("cmabc123")).toBe(true);
    for (const bad of ["", "..%2F", "a".repeat(41), "a b", "__proto__"]) expect(isMailId(bad)).toBe(false);
  });
});
