// The back office's words for stored values and its times: the shop's English catalogue and
// next-intl's formatter in Hong Kong time, never a raw enum value or a UTC time.
import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { adminText, gatewayFailureText, gatewayStatusText } from "@/lib/admin/text";
import { HK_TIME_ZONE } from "@/lib/hk-time";
import en from "@/messages/en.json";

const t = createTranslator({ locale: "en", messages: en });
const text = adminText(
  { t: (key) => t(key as never), has: (key) => t.has(key as never) },
  // A formatter set to UTC: the back office's times must still come out in Hong Kong time.
  createFormatter({ locale: "en", timeZone: "UTC" }),
);

describe("back-office labels", () => {
  it("name statuses, wallets, flows and refund statuses from the catalogue", () => {
    expect(text.status("partially_refunded")).toBe(en.status.partially_refunded);
    expect(text.status("partially_refunded")).not.toMatch(/_/);
    expect(text.wallet("Wechat")).toBe("WeChat Pay");
    expect(text.refundStatus("failed")).toBe(en.refundStatus.failed);
    expect(text.flow("jsapi")).toBe(en.admin.flow.jsapi);
    expect(text.eventKind("browser_return")).toBe(en.admin.eventKind.browser_return);
    expect(text.refundReason("duplicate_payment")).toBe(en.admin.refundReason.duplicate_payment);
    expect(text.language("zh-HK")).toBe("Traditional Chinese");
  });

  it("fall back to the stored value for one the catalogue does not know", () => {
    expect(text.wallet("unknown")).toBe("unknown");
  });

  it("show times in Hong Kong time, labelled HKT, as the shop formats them", () => {
    const instant = new Date("2025-06-03T18:05:09Z"); // 02:05 the next morning in Hong Kong
    expect(text.time(instant)).toBe("Jun 4, 2025, 2:05 AM HKT");
    expect(text.time(instant, { seconds: true })).toBe("Jun 4, 2025, 2:05:09 AM HKT");
    const shop = createFormatter({ locale: "en", timeZone: HK_TIME_ZONE });
    expect(text.time(instant)).toBe(`${shop.dateTime(instant, { dateStyle: "medium", timeStyle: "short" })} HKT`);
  });

  it("format money, never minor units", () => {
    expect(text.money(69150, "HKD")).toBe("HK$691.50");
    expect(text.amounts({ HKD: 1000, JPY: 500 })).toBe("HK$10.00 + ¥500");
    expect(text.amounts({})).toBe("—");
  });
});

describe("a Pay Query's status in words", () => {
  it.each([
    [0, /still waiting for the customer to pay/],
    [1, /paid/],
    [2, /failed, or not paid in time/],
    [3, /refunded/],
  ])("status %i", (status, words) => {
    expect(gatewayStatusText(status)).toMatch(words);
    expect(gatewayStatusText(status)).not.toMatch(/status \d/);
  });

  it("an unknown status says so", () => {
    expect(gatewayStatusText(9)).toMatch(/does not know \(9\)/);
  });
});

describe("a failed re-query, in words", () => {
  it("never shows a raw code or a timeout in milliseconds", () => {
    const texts = [
      gatewayFailureText({ kind: "business", code: 22, retryable: true }),
      gatewayFailureText({ kind: "business", code: 30, retryable: false }),
      gatewayFailureText({ kind: "timeout", retryable: true }),
      gatewayFailureText({ kind: "network", retryable: true }),
      gatewayFailureText({ kind: "signature", retryable: false }),
      gatewayFailureText({ kind: "malformed", retryable: false }),
    ];
    for (const text of texts) expect(text).not.toMatch(/code \d|\d+ ?ms\b|undefined/);
    expect(texts[0]).toContain("Try again in a moment");
    expect(texts[2]).toBe(
      "ScanForPay did not answer in time. Try again in a moment; reconciliation also asks by itself.",
    );
  });
});
