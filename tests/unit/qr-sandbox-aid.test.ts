// The desktop QR page's sandbox additions: the phone page link and the loopback APP_URL note.
import { describe, expect, it } from "vitest";
import { isLoopbackUrl, qrSandboxAid } from "@/lib/checkout/qr-sandbox-aid";

describe("isLoopbackUrl", () => {
  it("knows the addresses a phone cannot reach", () => {
    for (const url of ["http://localhost:3000", "http://LOCALHOST", "http://shop.localhost", "http://127.0.0.1:3210"])
      expect(isLoopbackUrl(url), url).toBe(true);
    expect(isLoopbackUrl("http://[::1]:3000")).toBe(true);
    expect(isLoopbackUrl("http://0.0.0.0:3000")).toBe(true);
  });
  it("takes network addresses and real domains as reachable", () => {
    for (const url of ["http://192.168.1.20:3000", "https://shop.example.com", "http://10.0.0.5", "not a url"])
      expect(isLoopbackUrl(url), url).toBe(false);
  });
});

describe("qrSandboxAid", () => {
  const payUrl = "http://192.168.1.20:3000/sandbox/scanforpay/pay/abcdefghijklmnopqrstuvwx";
  it("is nothing outside sandbox mode", () => {
    expect(qrSandboxAid({ paymentMode: "production", appUrl: "http://localhost:3000" }, payUrl)).toBeNull();
  });
  it("links the sandbox's phone page by path, and says nothing of a reachable APP_URL", () => {
    expect(qrSandboxAid({ paymentMode: "sandbox", appUrl: "http://192.168.1.20:3000" }, payUrl)).toEqual({
      phonePagePath: "/sandbox/scanforpay/pay/abcdefghijklmnopqrstuvwx",
      loopbackAppUrl: null,
    });
  });
  it("names a loopback APP_URL, and links no payUrl that is not the sandbox's", () => {
    expect(
      qrSandboxAid({ paymentMode: "sandbox", appUrl: "http://localhost:3000" }, "https://pay.example/p/x"),
    ).toEqual({ phonePagePath: null, loopbackAppUrl: "http://localhost:3000" });
  });
});
