// The order mail and the merchant's alerts: every topic in every language renders, with the
// right money, links and escaping, and nothing left unfilled.
import { describe, expect, it } from "vitest";
import { parseHeaders, decodeEncodedWords } from "@/lib/mail/headers";
import type { EmailModel, EmailOrder, EmailTopic } from "@/lib/mail/model";
import { absoluteUrl, escapeHtml, isCustomerTopic, renderEmail, RenderError } from "@/lib/mail/render";
import { locales, type Locale } from "@/lib/i18n/locale";
import { formatMoney } from "@/lib/money";

const APP = "https://shop.example.com";

function order(overrides: Partial<EmailOrder> = {}): EmailOrder {
  return {
    orderNo: "HG-7K3M-Q9TX",
    currency: "HKD",
    itemsMinor: 33_600,
    shippingMinor: 4_500,
    totalMinor: 38_100,
    lines: [
      { name: "Jasmine tea", quantity: 2, unitPriceMinor: 12_800, lineMinor: 25_600 },
      { name: "Celadon cup", quantity: 1, unitPriceMinor: 8_000, lineMinor: 8_000 },
    ],
    customerName: "Chan Tai Man",
    email: "chan@example.com",
    orderUrl: `${APP}/orders/HG-7K3M-Q9TX?t=abc123`,
    adminUrl: `${APP}/admin/orders/HG-7K3M-Q9TX`,
    delivery: "ship",
    methodName: "SF Express",
    addressLines: [
      "Chan Tai Man",
      "Flat 3, 12/F, 8 Harbour Road",
      "Wan Chai, Hong Kong Island",
      "Hong Kong",
      "+852 9123 4567",
    ],
    carrier: "SF Express",
    trackingNumber: "SF1234567890",
    trackingUrl: "https://track.example.com/?n=SF1234567890&lang=en",
    paidAt: new Date("2026-12-03T02:05:00Z"),
    ...overrides,
  };
}

function model(topic: EmailTopic, locale: Locale, overrides: Partial<EmailModel> = {}): EmailModel {
  const refund =
    topic === "order.refunded"
      ? { amountMinor: 8_000, full: false }
      : topic === "order.duplicate_refunded" || topic === "alert.duplicate_refunded" || topic === "alert.refund_refused"
        ? { amountMinor: 38_100, full: true }
        : null;
  return {
    topic,
    locale,
    shopName: "Harbour Goods",
    appUrl: APP,
    order: topic === "alert.reconcile_late" ? null : order(),
    refund,
    details:
      topic === "alert.refund_refused"
        ? { refundId: "r1", amountMinor: 38_100, reason: "Insufficient merchant balance (code 1503)" }
        : topic === "alert.reconcile_late"
          ? { lastRunAt: "2026-12-03T01:00:00.000Z", since: "2026-12-03T01:10:00.000Z" }
          : {},
    ...overrides,
  };
}

const CUSTOMER: EmailTopic[] = ["order.paid", "order.shipped", "order.refunded", "order.duplicate_refunded"];
const ALERTS: EmailTopic[] = [
  "alert.new_order",
  "alert.duplicate_refunded",
  "alert.refund_refused",
  "alert.reconcile_late",
];

/** What a person reads: the HTML without its tags, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function expectComplete(text: string, where: string) {
  expect(text, where).not.toMatch(/undefined|null|NaN|\[object/);
  expect(text, where).not.toContain("{");
  expect(text, where).not.toContain("}");
}

describe("renderEmail: every topic in every language", () => {
  for (const topic of CUSTOMER) {
    for (const locale of locales) {
      it(`${topic} in ${locale}`, () => {
        const mail = renderEmail(model(topic, locale));
        for (const [part, text] of Object.entries(mail)) expectComplete(text, `${topic} ${locale} ${part}`);
        expect(mail.subject).toContain("HG-7K3M-Q9TX");
        expect(mail.html).toMatch(/^<!DOCTYPE html><html lang="[a-zA-Z-]+">/);
        expect(mail.html).toContain(`lang="${locale}"`);
        const total = formatMoney(38_100, "HKD", locale);
        expect(visible(mail.html)).toContain(total);
        expect(mail.text).toContain(total);
        // The order page, absolute, in both versions (the & escaped in the HTML attribute).
        expect(mail.html).toContain(`href="${escapeHtml(order().orderUrl)}"`);
        expect(mail.text).toContain(order().orderUrl);
        // Every link is absolute.
        for (const [, href] of mail.html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
      });
    }
  }

  it("order.paid lists the lines with quantities and prices, the subtotal, shipping and the address", () => {
    const mail = renderEmail(model("order.paid", "en"));
    const text = visible(mail.html);
    expect(mail.subject).toBe("Order HG-7K3M-Q9TX confirmed");
    for (const fact of [
      "Jasmine tea",
      "HK$128.00",
      "HK$256.00",
      "Celadon cup",
      "HK$80.00",
      "Items subtotal",
      "HK$336.00",
      "Shipping (SF Express)",
      "HK$45.00",
      "HK$381.00",
      "Flat 3, 12/F, 8 Harbour Road",
      "Hello Chan Tai Man,",
    ]) {
      expect(text).toContain(fact);
      expect(mail.text).toContain(fact);
    }
    expect(mail.text).toMatch(/- Jasmine tea\n {2}Qty 2 · Price HK\$128\.00 · Amount HK\$256\.00/);
  });

  it("order.paid in Chinese: the subject and labels in the order's language", () => {
    const hk = renderEmail(model("order.paid", "zh-HK"));
    expect(hk.subject).toBe("訂單 HG-7K3M-Q9TX 已確認");
    expect(hk.text).toContain("貨品小計");
    expect(hk.text).toContain("送貨地址");
    const cn = renderEmail(model("order.paid", "zh-CN"));
    expect(cn.subject).toBe("订单 HG-7K3M-Q9TX 已确认");
    expect(cn.text).toContain("商品小计");
    expect(cn.text).toContain("收货地址");
  });

  it("order.paid for pick-up: no address, says pick up in store", () => {
    for (const [locale, words] of [
      ["en", "Pick up in store"],
      ["zh-HK", "門市自取"],
      ["zh-CN", "到店自取"],
    ] as const) {
      const mail = renderEmail(
        model("order.paid", locale, {
          order: order({
            delivery: "pickup",
            methodName: null,
            addressLines: null,
            shippingMinor: 0,
            totalMinor: 33_600,
            carrier: null,
            trackingNumber: null,
            trackingUrl: null,
          }),
        }),
      );
      expect(mail.text).toContain(words);
      expect(visible(mail.html)).toContain(words);
      expect(mail.text).not.toContain("Harbour Road");
      expect(mail.text).toContain(formatMoney(33_600, "HKD", locale));
      expectComplete(mail.text, locale);
      expectComplete(mail.html, locale);
    }
  });

  it("free shipping says so instead of a zero amount", () => {
    const mail = renderEmail(model("order.paid", "en", { order: order({ shippingMinor: 0, totalMinor: 33_600 }) }));
    expect(mail.text).toContain("Shipping (SF Express): Free");
  });

  it("order.shipped carries the carrier, the tracking number and the tracking link", () => {
    const mail = renderEmail(model("order.shipped", "en"));
    expect(mail.subject).toBe("Order HG-7K3M-Q9TX has shipped");
    const link = "https://track.example.com/?n=SF1234567890&lang=en";
    expect(mail.html).toContain(`href="${link.replace("&", "&amp;")}"`);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("Carrier: SF Express");
    expect(mail.text).toContain("Tracking number: SF1234567890");
    expect(visible(mail.html)).toContain("Track your parcel");
    const hk = renderEmail(model("order.shipped", "zh-HK"));
    expect(hk.subject).toBe("訂單 HG-7K3M-Q9TX 已寄出");
    expect(hk.text).toContain("追蹤編號: SF1234567890");
  });

  it("order.shipped without a tracking link says how to track; a non-http link is never linked", () => {
    const none = renderEmail(model("order.shipped", "en", { order: order({ trackingUrl: null }) }));
    expect(none.text).toContain("enter the tracking number on the carrier's website");
    expect(none.html).not.toContain("track.example.com");
    const hostile = renderEmail(model("order.shipped", "en", { order: order({ trackingUrl: "javascript:alert(1)" }) }));
    expect(hostile.html).not.toContain("javascript:");
    expect(hostile.text).not.toContain("javascript:");
  });

  it("order.refunded: partial says what was refunded and what remains; full says in full", () => {
    const partial = renderEmail(model("order.refunded", "en"));
    expect(partial.subject).toBe("Refund for order HG-7K3M-Q9TX");
    expect(partial.text).toContain("Part of your order has been refunded");
    expect(partial.text).toContain("Refunded now: HK$80.00");
    expect(partial.text).toContain("Remaining payment: HK$301.00");
    const second = renderEmail(
      model("order.refunded", "en", { refund: { amountMinor: 8_000, full: false, refundedMinor: 20_000 } }),
    );
    expect(second.text).toContain("Refunded in total: HK$200.00");
    expect(second.text).toContain("Remaining payment: HK$181.00");
    const full = renderEmail(model("order.refunded", "zh-CN", { refund: { amountMinor: 38_100, full: true } }));
    expect(full.text).toContain("您的订单已全额退款");
    expect(full.text).not.toContain("剩余付款");
    expect(full.text).toContain(formatMoney(38_100, "HKD", "zh-CN"));
  });

  it("order.duplicate_refunded: payment received twice, one refunded", () => {
    const mail = renderEmail(model("order.duplicate_refunded", "en"));
    expect(mail.subject).toBe("Order HG-7K3M-Q9TX: payment received twice, one refunded");
    expect(mail.text).toContain("reached us twice");
    const hk = renderEmail(model("order.duplicate_refunded", "zh-HK"));
    expect(hk.text).toContain("我們收到了你兩次付款");
  });

  it("money follows the currency's exponent (JPY none, KWD three)", () => {
    const jpy = renderEmail(
      model("order.paid", "en", {
        order: order({
          currency: "JPY",
          itemsMinor: 1_500,
          shippingMinor: 500,
          totalMinor: 2_000,
          lines: [{ name: "Sencha", quantity: 3, unitPriceMinor: 500, lineMinor: 1_500 }],
        }),
      }),
    );
    expect(jpy.text).toContain(formatMoney(2_000, "JPY", "en"));
    expect(jpy.text).toMatch(/¥2,000(?!\.)/);
    const kwd = renderEmail(
      model("order.paid", "en", {
        order: order({
          currency: "KWD",
          itemsMinor: 1_250,
          shippingMinor: 0,
          totalMinor: 1_250,
          lines: [{ name: "Cup", quantity: 1, unitPriceMinor: 1_250, lineMinor: 1_250 }],
        }),
      }),
    );
    expect(kwd.text).toContain("1.250");
  });

  it("escapes every value: names, lines, addresses, carrier, shop name", () => {
    const evil = `<script>alert("x")</script> "&'`;
    for (const topic of [...CUSTOMER, ...ALERTS]) {
      for (const locale of locales) {
        const m = model(topic, locale, {
          shopName: evil,
          order:
            topic === "alert.reconcile_late"
              ? null
              : order({
                  customerName: evil,
                  email: `x"<b>@example.com`,
                  lines: [{ name: evil, quantity: 1, unitPriceMinor: 100, lineMinor: 100 }],
                  addressLines: [evil],
                  methodName: evil,
                  carrier: evil,
                  trackingNumber: evil,
                }),
          details: topic === "alert.refund_refused" ? { reason: evil } : model(topic, locale).details,
        });
        const mail = renderEmail(m);
        expect(mail.html, `${topic} ${locale}`).not.toContain("<script");
        expect(mail.html, `${topic} ${locale}`).not.toContain(`"&'`);
        expect(mail.html, `${topic} ${locale}`).not.toContain("<b>");
        expect(mail.html, `${topic} ${locale}`).toContain(
          "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;&amp;&#39;",
        );
        // The plain text carries the value as it was.
        expect(mail.text, `${topic} ${locale}`).toContain(evil);
      }
    }
  });
});

describe("renderEmail: the merchant's alerts", () => {
  for (const topic of ALERTS) {
    for (const locale of locales) {
      it(`${topic} is English whatever the order's language (${locale})`, () => {
        const mail = renderEmail(model(topic, locale));
        for (const [part, text] of Object.entries(mail)) expectComplete(text, `${topic} ${part}`);
        expect(mail.html).toContain('lang="en"');
        expect(mail.text).not.toMatch(/[\u4e00-\u9fff]/);
        for (const [, href] of mail.html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\//);
      });
    }
  }

  it("alert.new_order: the total, the customer, the lines and the back-office link", () => {
    const mail = renderEmail(model("alert.new_order", "zh-HK"));
    expect(mail.subject).toBe("New order HG-7K3M-Q9TX · HK$381.00");
    expect(mail.text).toContain("Chan Tai Man <chan@example.com>");
    expect(mail.text).toContain("Jasmine tea");
    expect(mail.text).toContain(`${APP}/admin/orders/HG-7K3M-Q9TX`);
    expect(mail.text).toContain("Ship to:");
  });

  it("alert.refund_refused carries the gateway's reason", () => {
    const mail = renderEmail(model("alert.refund_refused", "en"));
    expect(mail.subject).toBe("Refund refused by the gateway on HG-7K3M-Q9TX");
    expect(mail.text).toContain("The gateway said: Insufficient merchant balance (code 1503)");
    expect(mail.text).toContain("HK$381.00");
  });

  it("alert.duplicate_refunded says the amount refunded", () => {
    const mail = renderEmail(model("alert.duplicate_refunded", "en"));
    expect(mail.subject).toBe("Duplicate payment refunded on HG-7K3M-Q9TX");
    expect(mail.text).toContain("Refunded: HK$381.00");
  });

  it("alert.reconcile_late: the last run and since when, in Hong Kong time; never run", () => {
    const mail = renderEmail(model("alert.reconcile_late", "en"));
    expect(mail.subject).toBe("Reconciliation has not run since Dec 3, 2026, 9:00 AM HKT");
    expect(mail.text).toContain("Last run: Dec 3, 2026, 9:00 AM HKT");
    expect(mail.text).toContain("Late since: Dec 3, 2026, 9:10 AM HKT");
    expect(mail.text).toContain(`${APP}/admin`);
    const never = renderEmail(
      model("alert.reconcile_late", "en", { details: { lastRunAt: null, since: "2026-12-03T01:10:00.000Z" } }),
    );
    expect(never.subject).toBe("Reconciliation has never run");
    expect(never.text).toContain("Last run: never");
  });
});

describe("renderEmail: what it refuses", () => {
  it("a customer topic or an order alert without its order, a refund topic without its refund", () => {
    expect(() => renderEmail(model("order.paid", "en", { order: null }))).toThrow(RenderError);
    expect(() => renderEmail(model("alert.new_order", "en", { order: null }))).toThrow(RenderError);
    expect(() => renderEmail(model("order.refunded", "en", { refund: null }))).toThrow(RenderError);
    expect(() => renderEmail(model("alert.refund_refused", "en", { refund: null }))).toThrow(RenderError);
  });

  it("an unknown stored language falls back to English", () => {
    const mail = renderEmail(model("order.paid", "fr" as Locale));
    expect(mail.subject).toBe("Order HG-7K3M-Q9TX confirmed");
  });

  it("knows which topics are the customer's", () => {
    expect(CUSTOMER.every(isCustomerTopic)).toBe(true);
    expect(ALERTS.some(isCustomerTopic)).toBe(false);
  });
});

describe("absoluteUrl and escapeHtml", () => {
  it("keeps http(s), makes paths absolute, drops the rest", () => {
    expect(absoluteUrl("https://a.example/x", APP)).toBe("https://a.example/x");
    expect(absoluteUrl("/orders/X?t=1", APP)).toBe(`${APP}/orders/X?t=1`);
    expect(absoluteUrl("//evil.example/x", APP)).toBeNull();
    expect(absoluteUrl("javascript:alert(1)", APP)).toBeNull();
    expect(absoluteUrl("data:text/html,x", APP)).toBeNull();
    expect(absoluteUrl("not a url", APP)).toBeNull();
    expect(absoluteUrl(null, APP)).toBeNull();
  });
  it("escapes the five characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("parseHeaders", () => {
  const raw = [
    "Content-Type: multipart/alternative;",
    ' boundary="--_b1"',
    "From: Harbour Goods <shop@sandbox.example>",
    "To: chan@example.com",
    "Subject: =?UTF-8?B?6KiC5ZauIEhHLTdLM00tUTlUWCDlt7Lnorroqo0=?=",
    "Message-ID: <abc@sandbox.example>",
    "X-Folded: one",
    "\ttwo",
    "  three",
    "Date: Thu, 03 Dec 2026 02:05:00 +0000",
    "MIME-Version: 1.0",
    "",
    "----_b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Not: a header",
  ].join("\r\n");

  it("reads the block before the first blank line, unfolded, in order", () => {
    const headers = parseHeaders(raw);
    expect(headers.map((h) => h.name)).toEqual([
      "Content-Type",
      "From",
      "To",
      "Subject",
      "Message-ID",
      "X-Folded",
      "Date",
      "MIME-Version",
    ]);
    expect(headers[0]!.value).toBe('multipart/alternative; boundary="--_b1"');
    expect(headers.find((h) => h.name === "X-Folded")!.value).toBe("one two three");
    expect(headers.some((h) => h.name === "Not")).toBe(false);
  });

  it("decodes encoded words (B and Q, split across folded lines)", () => {
    expect(parseHeaders(raw).find((h) => h.name === "Subject")!.value).toBe("訂單 HG-7K3M-Q9TX 已確認");
    expect(decodeEncodedWords("=?utf-8?Q?Caf=C3=A9_au_lait?=")).toBe("Café au lait");
    expect(decodeEncodedWords("=?UTF-8?B?6KiC5Zau?= =?UTF-8?B?IEhH?=")).toBe("訂單 HG");
    expect(decodeEncodedWords("=?KOI8-R?B?AAAA?=")).toBe("=?KOI8-R?B?AAAA?=");
    expect(decodeEncodedWords("=?UTF-8?B?/w==?=")).toBe("=?UTF-8?B?/w==?=");
  });

  it("works with LF line ends, and with junk", () => {
    expect(parseHeaders("A: 1\nB: 2\n\nbody")).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: "2" },
    ]);
    expect(parseHeaders("")).toEqual([]);
    expect(parseHeaders(" leading fold\nno colon here\n: empty name\nOK: yes\n\n")).toEqual([
      { name: "OK", value: "yes" },
    ]);
  });
});
