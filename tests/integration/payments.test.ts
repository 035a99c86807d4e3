// Payment flows end to end below the browser: the orders domain against the sandbox gateway
// over real HTTP, decided through the sandbox's control endpoint, with the sandbox's notifies
// delivered over HTTP to the shop's notify handler.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import { createGateway, type OrdersDeps } from "@/lib/orders/gateway-wiring";
import { createOrder } from "@/lib/orders/create";
import { handleNotify, handleReturn } from "@/lib/orders/notify-and-return";
import { sendRefund, startPayment } from "@/lib/orders/payments";
import { reconcile } from "@/lib/orders/reconcile";
import { checkPaymentNow } from "@/lib/orders/check";
import { findOrderByPartnerOrderNo } from "@/lib/sandbox/customer";
import { setFault } from "@/lib/sandbox/faults";
import { payResultBody, signedResponse } from "@/lib/sandbox/server";
import { deliverDueNotifies } from "@/lib/sandbox/notify";
import { sign } from "@/lib/scanforpay/signature";
import { seedCatalog } from "@/prisma/seed-catalog";
import { startSandboxServer, startShopServer, type SandboxServer } from "../helpers/sandbox-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
let sandbox: SandboxServer;
let shop: { url: string; close(): Promise<void> };
let clock: Date | null = null;
let deps: OrdersDeps;

beforeAll(async () => {
  db = await createTestDb();
  await seedCatalog(db);
  sandbox = await startSandboxServer(db);
  shop = await startShopServer(() => deps);
  deps = {
    db,
    gateway: createGateway(db, {
      config: { apiBase: sandbox.apiBase, ...SANDBOX_CREDENTIALS, retryDelayMs: 10, timeoutMs: 500 },
      appUrl: shop.url,
      timeoutRule: "30m",
      now: () => clock ?? new Date(),
    }),
  };
});
afterAll(async () => {
  await shop?.close();
  await sandbox?.close();
  await db?.close();
});
beforeEach(async () => {
  clock = null;
  await db.sandboxFault.deleteMany();
});

const website = { wallet: "AlipayHK", flow: "website" } as const;

async function newOrder() {
  return createOrder(db, {
    items: [
      { slug: "silk-fan", quantity: 1 },
      { slug: "bamboo-chopsticks", quantity: 2 },
    ],
    email: "Customer@Example.com",
    locale: "zh-HK",
  });
}

/** Decides a payment at the gateway through its control endpoint, as a test or demo would. */
async function control(partnerOrderNo: string, outcome: "success" | "fail" | "cancel", notify = "normal") {
  const response = await fetch(`${sandbox.apiBase}/control/orders/${partnerOrderNo}`, {
    method: "POST",
    body: JSON.stringify({ outcome, notify }),
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<{ effect: string }>;
}

const state = async (orderId: string) => {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { payments: { orderBy: { createdAt: "asc" } } },
  });
  return { order: order.status, payments: order.payments.map((p) => p.status), paidPaymentId: order.paidPaymentId };
};
const events = (paymentId: string) => db.paymentEvent.findMany({ where: { paymentId }, orderBy: { createdAt: "asc" } });

describe("order creation", () => {
  it("prices from the database and keeps a snapshot of each line", async () => {
    const order = await newOrder();
    expect(order).toMatchObject({
      totalMinor: 22800 + 2 * 8800,
      currency: "HKD",
      email: "customer@example.com",
      locale: "zh-HK",
      status: "pending",
    });
    expect(order.orderNo).toMatch(/^HG-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(order.accessToken.length).toBeGreaterThanOrEqual(43);
    expect(order.items.map((i) => [i.slug, i.name, i.unitPriceMinor, i.quantity])).toEqual(
      expect.arrayContaining([
        ["silk-fan", "Hand-painted Silk Fan", 22800, 1],
        ["bamboo-chopsticks", "Bamboo Chopstick Set", 8800, 2],
      ]),
    );
  });

  it("refuses an empty cart, unknown products and a bad email, clearly", async () => {
    await expect(createOrder(db, { items: [], email: "a@b.co" })).rejects.toMatchObject({ code: "empty_cart" });
    await expect(createOrder(db, { items: [{ slug: "nope", quantity: 1 }], email: "a@b.co" })).rejects.toMatchObject({
      code: "unknown_product",
      message: expect.stringContaining("nope"),
    });
    await expect(
      createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "not-an-email" }),
    ).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("email") });
  });
});

describe("payment flows", () => {
  it("notify before return: the notify pays, the return finds it paid; every message is an event", async () => {
    const order = await newOrder();
    const { payment, payUrl } = await startPayment(deps, order, website);
    expect(payUrl).toMatch(/\/sandbox\/scanforpay\/pay\//);
    await control(payment.partnerOrderNo, "success", "before-return");
    expect(await state(order.id)).toEqual({ order: "paid", payments: ["paid"], paidPaymentId: payment.id });
    const back = await handleReturn(deps, payment.partnerOrderNo, `partnerOrderNo=${payment.partnerOrderNo}`);
    expect(back).toMatchObject({ orderNo: order.orderNo, accessToken: order.accessToken, changed: false });
    const kinds = (await events(payment.id)).map((e) => `${e.kind}:${e.direction}`);
    // Already paid when the browser came back: recorded, and the gateway is spared a query.
    expect(kinds).toEqual(["create:sent", "create:received", "notify:received", "browser_return:received"]);
    const paid = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(paid.gatewayOrderNo).toMatch(/^\d{20}$/);
    expect(paid.paidAt).not.toBeNull();
  });

  it("return with no notify: Pay Query decides", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success", "none");
    expect((await state(order.id)).order).toBe("pending");
    expect(await handleReturn(deps, payment.partnerOrderNo, "")).toMatchObject({ changed: true });
    expect(await state(order.id)).toMatchObject({ order: "paid", payments: ["paid"] });
  });

  it("notify only (the browser never returns)", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, { wallet: "Wechat", flow: "qrcode" });
    await control(payment.partnerOrderNo, "success", "normal");
    expect((await deliverDueNotifies(sandbox.deps)).attempts).toBe(1);
    expect(await state(order.id)).toMatchObject({ order: "paid", payments: ["paid"] });
    // The shop answered `success`: the gateway stops.
    expect(
      await db.sandboxNotify.findFirst({ where: { order: { partnerOrderNo: payment.partnerOrderNo } } }),
    ).toMatchObject({ status: "delivered", lastAnswer: "success" });
  });

  it("a failure at the gateway, then a cancel: the order stays open for another try", async () => {
    const order = await newOrder();
    const first = await startPayment(deps, order, website);
    await control(first.payment.partnerOrderNo, "fail");
    await handleReturn(deps, first.payment.partnerOrderNo, "");
    expect(await state(order.id)).toMatchObject({ order: "failed", payments: ["failed"] });
    const second = await startPayment(deps, order, { wallet: "Alipay", flow: "website" });
    expect((await state(order.id)).order).toBe("pending");
    await control(second.payment.partnerOrderNo, "cancel");
    await handleReturn(deps, second.payment.partnerOrderNo, "");
    expect(await state(order.id)).toMatchObject({ order: "pending", payments: ["failed", "pending"] });
  });

  it("20 duplicate notifies at once with 5 concurrent returns: one payment, one transition, every message logged", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success", "none");
    const gatewayOrder = (await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!;
    const notify = signedResponse(sandbox.deps, payResultBody(gatewayOrder, new Date()));
    const [notifies, returns] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, () => handleNotify(deps, notify))),
      Promise.all(
        Array.from({ length: 5 }, () =>
          handleReturn(deps, payment.partnerOrderNo, `partnerOrderNo=${payment.partnerOrderNo}`),
        ),
      ),
    ]);
    expect(notifies.every((a) => a.status === 200 && a.body === "success")).toBe(true);
    // Exactly one of the 25 messages moved the payment.
    expect([...notifies, ...returns].filter((a) => a?.changed)).toHaveLength(1);
    expect(await state(order.id)).toEqual({ order: "paid", payments: ["paid"], paidPaymentId: payment.id });
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(0);
    const logged = await events(payment.id);
    expect(logged.filter((e) => e.kind === "notify")).toHaveLength(20);
    expect(logged.filter((e) => e.kind === "browser_return")).toHaveLength(5);
    // Over HTTP too: the notify route answers `success` to a repeat, and changes nothing.
    const again = await fetch(`${shop.url}/api/scanforpay/notify`, { method: "POST", body: notify });
    expect([again.status, await again.text()]).toEqual([200, "success"]);
    expect(await state(order.id)).toEqual({ order: "paid", payments: ["paid"], paidPaymentId: payment.id });
  });

  it("exactly one of many concurrent messages makes the transition", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success", "none");
    const notify = signedResponse(
      sandbox.deps,
      payResultBody((await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!, new Date()),
    );
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, () => handleNotify(deps, notify)),
      ...Array.from({ length: 3 }, () => handleReturn(deps, payment.partnerOrderNo, "")),
    ]);
    expect(answers.filter((a) => a?.changed)).toHaveLength(1);
  });
});

describe("tampered and unmatched notifies are refused and change nothing", () => {
  it("bad signature, wrong amount, wrong currency, unknown order", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success", "none");
    const gatewayOrder = (await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!;
    const body = payResultBody(gatewayOrder, new Date());
    const genuine = signedResponse(sandbox.deps, body);

    const cases = [
      ["bad signature", genuine.replace(`"orderAmount":${payment.amountMinor}`, `"orderAmount":1`)],
      ["bad signature", signedResponse(sandbox.deps, body, "not-the-key")],
      ["amount", signedResponse(sandbox.deps, { ...body, orderAmount: 1 })],
      ["currency", signedResponse(sandbox.deps, { ...body, currency: "CNY" })],
      ["unknown order", signedResponse(sandbox.deps, { ...body, partnerOrderNo: "f".repeat(32) })],
      ["malformed", "not json at all"],
    ] as const;
    for (const [reason, text] of cases) {
      const answer = await handleNotify(deps, text);
      expect(answer.status, reason).toBe(400);
      expect(answer.body, reason).not.toBe("success");
      expect(answer.body).toContain(reason === "amount" || reason === "currency" ? `refused: ${reason}` : reason);
    }
    expect(await state(order.id)).toMatchObject({ order: "pending", payments: ["pending"] });
    const notes = (
      await db.paymentEvent.findMany({
        where: { kind: "notify", createdAt: { gte: payment.createdAt } },
        orderBy: { createdAt: "asc" },
      })
    ).map((e) => [e.note, e.signatureValid]);
    expect(notes).toEqual([
      ["bad signature", false],
      ["bad signature", false],
      [expect.stringMatching(/^refused: amount 1 is not/), true],
      [expect.stringMatching(/^refused: currency CNY is not HKD/), true],
      ["unknown order", true],
      [expect.stringMatching(/^malformed/), null],
    ]);
    // The genuine one still pays.
    expect(await handleNotify(deps, genuine)).toMatchObject({ status: 200, body: "success", changed: true });
  });
});

describe("failures and reconciliation", () => {
  it("a gateway fault at create: a clear error, the order kept, and a retry succeeds", async () => {
    const order = await newOrder();
    await setFault(db, "code22", 1);
    const failed = await startPayment(deps, order, website);
    expect(failed.payUrl).toBeNull();
    expect(failed.error?.code).toBe(22);
    expect(failed.error?.retryable).toBe(true);
    expect(failed.payment).toMatchObject({ status: "failed", lastError: expect.stringContaining("code 22") });
    expect(await db.order.findUnique({ where: { id: order.id } })).not.toBeNull();

    await setFault(db, "timeout", 1);
    const unknown = await startPayment(deps, order, website);
    expect(unknown.error?.kind).toBe("timeout");
    expect(unknown.payment.status).toBe("pending"); // the gateway may have it: reconciliation will ask

    const retry = await startPayment(deps, order, website);
    expect(retry.error).toBeNull();
    await control(retry.payment.partnerOrderNo, "success", "before-return");
    expect(await state(order.id)).toMatchObject({ order: "paid", payments: ["failed", "pending", "paid"] });
  });

  it("reconciliation settles a pending payment by query, and expires one past its timeout", async () => {
    const paidOrder = await newOrder();
    const paid = await startPayment(deps, paidOrder, website);
    await control(paid.payment.partnerOrderNo, "success", "none");
    const idleOrder = await newOrder();
    const idle = await startPayment(deps, idleOrder, website);

    clock = new Date(Date.now() + 30 * 1000); // too early: left alone
    expect((await reconcile(deps)).queried).toBe(0);

    clock = new Date(Date.now() + 2 * 60 * 1000);
    expect((await reconcile(deps)).changed).toBeGreaterThanOrEqual(1);
    expect(await state(paidOrder.id)).toMatchObject({ order: "paid" });
    expect(await state(idleOrder.id)).toMatchObject({ order: "pending", payments: ["pending"] });

    clock = new Date(Date.now() + 31 * 60 * 1000); // past the 30 minutes, within the grace period
    await reconcile(deps);
    expect(await state(idleOrder.id)).toMatchObject({ order: "pending", payments: ["pending"] });
    clock = new Date(Date.now() + 33 * 60 * 1000);
    await reconcile(deps);
    expect(await state(idleOrder.id)).toMatchObject({ order: "expired", payments: ["expired"] });
    expect(idle.payment.expiresAt!.getTime()).toBeLessThan(clock.getTime());
  });

  it("an order never attempted (a WeChat hand-off nobody opened) expires past the timeout, and can still be paid", async () => {
    const handoff = await newOrder();
    const attempted = await newOrder();
    await startPayment(deps, attempted, website);
    clock = new Date(Date.now() + 10 * 60 * 1000);
    expect((await reconcile(deps)).ordersExpired).toBe(0);
    clock = new Date(Date.now() + 31 * 60 * 1000);
    expect((await reconcile(deps)).ordersExpired).toBe(1);
    expect(await state(handoff.id)).toMatchObject({ order: "expired", payments: [] });
    // The attempted one is left to its attempt's own expiry (the gateway's word).
    expect((await state(attempted.id)).order).toBe("pending");
    expect((await reconcile(deps)).ordersExpired).toBe(0);
    const late = await startPayment(deps, handoff, website);
    expect(late.payUrl).toEqual(expect.any(String));
    expect((await state(handoff.id)).order).toBe("pending");
  });

  it("the gateway's fail (2) for an attempt whose time ran out reads as expired, not as a refusal", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "fail", "none");
    clock = new Date(payment.expiresAt!.getTime() + 60_000);
    expect(await checkPaymentNow(deps, payment.id, 0)).toBe(true);
    expect(await state(order.id)).toMatchObject({ order: "expired", payments: ["expired"] });
  });

  it("a payment made twice across two attempts: one kept, the other refunded through the Refund API", async () => {
    const order = await newOrder();
    const first = await startPayment(deps, order, website);
    const second = await startPayment(deps, order, { wallet: "Wechat", flow: "qrcode" });
    await control(first.payment.partnerOrderNo, "success", "before-return");
    await control(second.payment.partnerOrderNo, "success", "before-return");
    // The notify is answered first; the refund follows it.
    await vi.waitFor(
      async () =>
        expect(await state(order.id)).toEqual({
          order: "paid",
          payments: ["paid", "refunded"],
          paidPaymentId: first.payment.id,
        }),
      { timeout: 5_000 },
    );
    const refund = await db.refund.findFirstOrThrow({ where: { paymentId: second.payment.id } });
    expect(refund).toMatchObject({ status: "succeeded", reason: "duplicate_payment", amountMinor: order.totalMinor });
    // The gateway agrees: the second attempt is refunded there, the first is not.
    expect((await findOrderByPartnerOrderNo(sandbox.deps, second.payment.partnerOrderNo))!.status).toBe(3);
    expect((await findOrderByPartnerOrderNo(sandbox.deps, first.payment.partnerOrderNo))!.status).toBe(1);
    // The refund is in the second payment's history.
    expect((await events(second.payment.id)).some((e) => e.kind === "refund" && e.direction === "sent")).toBe(true);
    // A paid order takes no new attempt.
    await expect(startPayment(deps, order, website)).rejects.toMatchObject({ code: "not_payable" });
  });

  it("a duplicate refund that cannot reach the gateway is retried by reconciliation, once", async () => {
    const order = await newOrder();
    const first = await startPayment(deps, order, website);
    const second = await startPayment(deps, order, website);
    await control(first.payment.partnerOrderNo, "success", "none");
    await handleReturn(deps, first.payment.partnerOrderNo, "");
    await control(second.payment.partnerOrderNo, "success", "none");
    const notify = signedResponse(
      sandbox.deps,
      payResultBody((await findOrderByPartnerOrderNo(sandbox.deps, second.payment.partnerOrderNo))!, new Date()),
    );
    await setFault(db, "code9", 3); // the refund's three attempts all fail
    const answer = await handleNotify(deps, notify);
    expect(answer).toMatchObject({ status: 200, body: "success", changed: true, refundId: expect.any(String) });
    await sendRefund(deps, answer.refundId!); // as the notify route does once it has answered
    const refund = await db.refund.findFirstOrThrow({ where: { paymentId: second.payment.id } });
    expect(refund.status).toBe("pending");
    clock = new Date(Date.now() + 2 * 60 * 1000);
    await reconcile(deps);
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "succeeded",
      attempts: 2,
    });
    expect((await findOrderByPartnerOrderNo(sandbox.deps, second.payment.partnerOrderNo))!.refundedAmount).toBe(
      order.totalMinor,
    );
    expect(await db.payment.findUniqueOrThrow({ where: { id: second.payment.id } })).toMatchObject({
      status: "refunded",
      refundedMinor: order.totalMinor,
    });
    // Once done, reconciliation leaves it alone: no further refund is sent.
    const sent = async () =>
      (await events(second.payment.id)).filter((e) => e.kind === "refund" && e.direction === "sent").length;
    const before = await sent();
    clock = new Date(Date.now() + 60 * 60 * 1000);
    await reconcile(deps);
    expect(await sent()).toBe(before);
  });

  it("a refund whose answer is lost is sent again with the same refundNo and counted once", async () => {
    const order = await newOrder();
    const first = await startPayment(deps, order, website);
    const second = await startPayment(deps, order, website);
    await control(first.payment.partnerOrderNo, "success", "before-return");
    await control(second.payment.partnerOrderNo, "success", "none");
    const notify = signedResponse(
      sandbox.deps,
      payResultBody((await findOrderByPartnerOrderNo(sandbox.deps, second.payment.partnerOrderNo))!, new Date()),
    );
    await setFault(db, "malformed", 1); // the gateway refunds, but its answer is garbled
    await sendRefund(deps, (await handleNotify(deps, notify)).refundId!);
    expect((await findOrderByPartnerOrderNo(sandbox.deps, second.payment.partnerOrderNo))!.status).toBe(3);
    expect(await db.refund.findFirstOrThrow({ where: { paymentId: second.payment.id } })).toMatchObject({
      status: "pending",
      attempts: 1,
    });
    clock = new Date(Date.now() + 5 * 60 * 1000);
    await reconcile(deps);
    await reconcile(deps);
    expect(await db.refund.findFirstOrThrow({ where: { paymentId: second.payment.id } })).toMatchObject({
      status: "succeeded",
      attempts: 2,
    });
    expect(await db.payment.findUniqueOrThrow({ where: { id: second.payment.id } })).toMatchObject({
      status: "refunded",
      refundedMinor: order.totalMinor,
    });
    expect((await findOrderByPartnerOrderNo(sandbox.deps, second.payment.partnerOrderNo))!.refundedAmount).toBe(
      order.totalMinor,
    );
  });

  it("a gateway outage at expiry time does not expire a payment: only the gateway's word does", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    clock = new Date(Date.now() + 40 * 60 * 1000);
    await setFault(db, "code9", 3);
    const report = await reconcile(deps);
    expect(report.errors).toBeGreaterThanOrEqual(1);
    expect(await state(order.id)).toMatchObject({ payments: ["pending"] });
    // The customer had paid just before the outage: the next reconciliation records it.
    const gatewayOrder = (await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!;
    await db.sandboxOrder.update({ where: { id: gatewayOrder.id }, data: { status: 1, payTime: new Date() } });
    // Asked again at its next backoff step (2 minutes after the failed check).
    clock = new Date(clock.getTime() + 2 * 60 * 1000);
    await reconcile(deps);
    expect(await state(order.id)).toMatchObject({ order: "paid", payments: ["paid"] });
  });

  it("a notify written the way PHP writes JSON (escaped slashes, spaces) is verified over its raw text", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success", "none");
    const body = {
      ...payResultBody((await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!, new Date()),
      buyer: "sandbox/buyer",
    };
    const content = JSON.stringify({
      header: {
        version: "1.0",
        partnerNo: "10001",
        respMsgId: "x",
        respTime: "2026-11-22T12:00:00+08:00",
        signType: "SHA256",
      },
      body,
    }).replaceAll("/", "\\/");
    const raw = `{ "response" : ${content} ,\n  "signature" : "${sign(content, SANDBOX_CREDENTIALS.signKey)}" }`;
    expect(await handleNotify(deps, raw)).toMatchObject({ status: 200, body: "success", changed: true });
  });
});
