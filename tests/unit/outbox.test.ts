// The outbox's pure parts: what each event writes, the backoff, the webhook's signature, what
// a message says about its order, and how mail is set up from the environment.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv, SANDBOX_MERCHANT_EMAIL, SANDBOX_WEBHOOK_SECRET } from "@/lib/env";
import { emailModel, webhookBody, type OrderWithItems } from "@/lib/outbox/content";
import { storedMethodName } from "@/lib/shipping/snapshot";
import { storedAddress } from "@/lib/shipping/address";
import { outboxConfigOf } from "@/lib/outbox/config";
import { MAX_ATTEMPTS, nextTryAt, plan, RETRY_STEPS_MS } from "@/lib/outbox/topics";
import { verifyWebhook, webhookSignature } from "@/lib/outbox/webhook";

const order: OrderWithItems = {
  id: "o1",
  orderNo: "SFP-TEST-1",
  status: "paid",
  totalMinor: 12_500,
  currency: "HKD",
  email: "buyer@example.com",
  customerName: "Chan Tai Man",
  phone: "91234567",
  locale: "zh-HK",
  accessToken: "tok",
  paidPaymentId: "p1",
  createdAt: new Date("2026-12-01T00:00:00Z"),
  updatedAt: new Date("2026-12-01T00:00:00Z"),
  paidAt: new Date("2026-12-01T00:01:00Z"),
  stockState: "untracked",
  delivery: "ship",
  shippingMinor: 3_000,
  shippingMethod: { code: "standard", name: "Standard", names: { "zh-HK": "標準郵遞" }, zone: "hk" },
  shippingAddress: {
    recipient: "Chan Tai Man",
    phoneCode: "+852",
    phone: "91234567",
    country: "HK",
    region: "Kowloon",
    district: "Mong Kok",
    line1: "Flat 5, 12/F, 1 Nathan Road",
    line2: "",
    postcode: "",
  },
  fulfilment: "unfulfilled",
  carrier: null,
  trackingNumber: null,
  trackingUrl: null,
  shippedAt: null,
  deliveredAt: null,
  items: [
    {
      id: "i1",
      orderId: "o1",
      productId: null,
      slug: "tea",
      name: "Oolong tea",
      nameTranslations: { "zh-HK": "烏龍茶" },
      unitPriceMinor: 4_750,
      quantity: 2,
      reservedQty: 0,
    },
  ],
};

describe("plan", () => {
  it("writes one row per audience configured, each keyed by event and audience", () => {
    const rows = plan({ topic: "order.paid", orderId: "o1" }, { merchant: true, webhook: true });
    expect(rows.map((r) => r.dedupeKey)).toEqual([
      "order.paid:o1:customer",
      "alert.new_order:o1:merchant",
      "order.paid:o1:webhook",
    ]);
    expect(plan({ topic: "order.paid", orderId: "o1" }, { merchant: false, webhook: false })).toHaveLength(1);
    // A refund is keyed by the refund: two partial refunds are two messages.
    const refund = (refundId: string) =>
      plan(
        { topic: "order.refunded", orderId: "o1", refundId, amountMinor: 1, refundedMinor: 1, full: false },
        { merchant: false, webhook: false },
      );
    expect(refund("r1")[0]!.dedupeKey).not.toBe(refund("r2")[0]!.dedupeKey);
    // Refusals and a late reconciliation concern the merchant only.
    expect(
      plan(
        { topic: "refund.refused", orderId: "o1", refundId: "r", amountMinor: 1, reason: "x" },
        { merchant: false, webhook: true },
      ),
    ).toEqual([]);
    expect(
      plan(
        { topic: "reconcile.late", lastRunAt: null, since: "2026-12-01T00:00:00Z" },
        { merchant: true, webhook: false },
      )[0]!.dedupeKey,
    ).toBe("alert.reconcile_late:never:merchant");
  });
});

describe("nextTryAt", () => {
  it("steps through the schedule, then gives up", () => {
    const now = new Date(0);
    expect(RETRY_STEPS_MS.map((_, i) => nextTryAt(i + 1, now)!.getTime())).toEqual(RETRY_STEPS_MS);
    expect(nextTryAt(MAX_ATTEMPTS, now)).toBeNull();
    expect(nextTryAt(1, now, 0.001)!.getTime()).toBe(60);
  });
});

describe("the webhook's signature", () => {
  it("is HMAC-SHA256 over `timestamp.body`, hex, prefixed v1=", () => {
    const body = '{"id":"m1"}';
    const expected = createHmac("sha256", "secret").update(`1700000000.${body}`).digest("hex");
    expect(webhookSignature("secret", 1_700_000_000, body)).toBe(`v1=${expected}`);
    const headers = { timestamp: "1700000000", signature: `v1=${expected}` };
    expect(verifyWebhook("secret", headers, body, 1_700_000_100)).toBe(true);
    expect(verifyWebhook("other", headers, body, 1_700_000_100)).toBe(false);
    expect(verifyWebhook("secret", headers, `${body} `, 1_700_000_100)).toBe(false);
    // Older than five minutes: a replay.
    expect(verifyWebhook("secret", headers, body, 1_700_000_301)).toBe(false);
    expect(verifyWebhook("secret", { timestamp: null, signature: null }, body)).toBe(false);
  });
});

describe("what a message says", () => {
  const context = { appUrl: "https://shop.example", shopName: "Tea" };

  it("the customer's mail in the order's language, with its lines, shipping and address", () => {
    const model = emailModel({ topic: "order.paid", audience: "customer", payload: {} }, order, context);
    if ("problem" in model) throw new Error(model.problem);
    expect(model.locale).toBe("zh-HK");
    expect(model.order).toMatchObject({
      itemsMinor: 9_500,
      shippingMinor: 3_000,
      totalMinor: 12_500,
      methodName: "標準郵遞",
      orderUrl: "https://shop.example/orders/SFP-TEST-1?t=tok",
      adminUrl: "https://shop.example/admin/orders/SFP-TEST-1",
    });
    expect(model.order!.lines).toEqual([{ name: "烏龍茶", quantity: 2, unitPriceMinor: 4_750, lineMinor: 9_500 }]);
    expect(model.order!.addressLines).toContain("Flat 5, 12/F, 1 Nathan Road");
  });

  it("the merchant's alerts in English; a refund's facts from the payload", () => {
    const model = emailModel(
      { topic: "alert.duplicate_refunded", audience: "merchant", payload: { refundId: "r1", amountMinor: 12_500 } },
      order,
      context,
    );
    if ("problem" in model) throw new Error(model.problem);
    expect(model.locale).toBe("en");
    expect(model.order!.methodName).toBe("Standard");
    expect(model.refund).toEqual({ amountMinor: 12_500, full: true });
  });

  it("names what it cannot write", () => {
    expect(emailModel({ topic: "order.paid", audience: "customer", payload: {} }, null, context)).toEqual({
      problem: "its order no longer exists",
    });
    expect(emailModel({ topic: "nope", audience: "customer", payload: {} }, order, context)).toHaveProperty("problem");
    expect(storedMethodName(null, "en")).toBeNull();
    expect(storedMethodName({ name: "Standard", names: { "zh-HK": "標準" } }, "zh-CN")).toBe("Standard");
    // A stored address is read as it was kept, even where today's input rules would refuse it.
    expect(storedAddress({ ...(order.shippingAddress as Record<string, string>), district: "" })).toMatchObject({
      line1: "Flat 5, 12/F, 1 Nathan Road",
    });
  });

  it("the webhook's body: the event, the order and money in minor and major units", () => {
    const body = JSON.parse(
      webhookBody(
        {
          id: "m1",
          topic: "order.refunded",
          payload: { refundId: "r1", amountMinor: 500, full: false },
          createdAt: new Date(0),
        },
        order,
      ),
    ) as { id: string; type: string; data: { order: Record<string, unknown>; refund: Record<string, unknown> } };
    expect(body).toMatchObject({ id: "m1", type: "order.refunded", createdAt: "1970-01-01T00:00:00.000Z" });
    expect(body.data.order).toMatchObject({
      orderNo: "SFP-TEST-1",
      total: { minor: 12_500, major: "125.00", currency: "HKD" },
      shipping: { minor: 3_000, major: "30.00", currency: "HKD" },
      shippingMethod: "standard",
      delivery: "ship",
    });
    expect(body.data.refund).toEqual({ id: "r1", amount: { minor: 500, major: "5.00", currency: "HKD" }, full: false });
  });
});

describe("mail and webhook set-up from the environment", () => {
  it("sandbox: the mailbox, a merchant address and the sandbox's own receiver", () => {
    const result = parseEnv({});
    if (!result.ok) throw new Error(result.problems.join());
    expect(result.env.mail).toMatchObject({
      transport: "sandbox",
      merchantEmail: SANDBOX_MERCHANT_EMAIL,
      webhook: { url: "http://localhost:3000/sandbox/webhook/receive", secret: SANDBOX_WEBHOOK_SECRET },
    });
    expect(outboxConfigOf(result.env)).toEqual({ merchant: true, webhook: true });
  });

  it("SMTP needs MAIL_FROM, a webhook needs its secret; real credentials without SMTP keep mail for later", () => {
    const problems = (source: Record<string, string>) => {
      const result = parseEnv(source);
      return result.ok ? [] : result.problems;
    };
    expect(problems({ SMTP_URL: "smtps://u:p@smtp.example.com:465" })).toEqual([
      expect.stringMatching(/^MAIL_FROM is required with SMTP_URL/),
    ]);
    expect(problems({ SMTP_URL: "https://smtp.example.com" })[0]).toMatch(/^SMTP_URL must be an smtp/);
    expect(problems({ ORDER_WEBHOOK_URL: "https://erp.example.com/hook" })).toEqual([
      expect.stringMatching(/^ORDER_WEBHOOK_SECRET is required/),
    ]);
    expect(problems({ MAIL_FROM: "not an address" })[0]).toMatch(/^MAIL_FROM must be an address/);
    const real = parseEnv({
      DATABASE_URL: "postgresql://shop:pw@db.example.com:5432/shop",
      APP_URL: "https://shop.example.com",
      SCANFORPAY_PARTNER_NO: "10001",
      SCANFORPAY_STORE_NO: "100010000000002",
      SCANFORPAY_SIGN_KEY: "k",
      SESSION_SECRET: "x".repeat(32),
      CRON_SECRET: "c".repeat(32),
    });
    if (!real.ok) throw new Error(real.problems.join());
    expect(real.env.mail).toMatchObject({ transport: "none", merchantEmail: null, webhook: null });
    expect(real.env.notices.join()).toMatch(/SMTP_URL is not set/);
    const configured = parseEnv({
      SMTP_URL: "smtps://u:p@smtp.example.com:465",
      MAIL_FROM: "Tea <orders@shop.example.com>",
      MERCHANT_EMAIL: "Owner@Shop.example.com",
    });
    if (!configured.ok) throw new Error(configured.problems.join());
    expect(configured.env.mail).toMatchObject({
      transport: "smtp",
      from: "Tea <orders@shop.example.com>",
      merchantEmail: "owner@shop.example.com",
    });
  });
});
