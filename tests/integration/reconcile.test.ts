// Reconciliation under the load a real shop sees: a backlog of abandoned checkouts, passes
// that overlap, a gateway that hangs, refunds whose answers are lost. Against the sandbox
// gateway over real HTTP, on PGlite and (CI) PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGateway, type OrdersDeps } from "@/lib/orders/gateway-wiring";
import { createOrder } from "@/lib/orders/create";
import { checkPaymentNow, POLL_QUERY_INTERVAL_MS, refreshedStatus } from "@/lib/orders/check";
import { handleNotify, handleReturn } from "@/lib/orders/notify-and-return";
import { sendRefund, startPayment } from "@/lib/orders/payments";
import { reconcile, RECONCILE_DEFAULTS } from "@/lib/orders/reconcile";
import { reconcileHealth } from "@/lib/admin/background";
import { recordRun } from "@/lib/jobs/runs";
import { findOrderByPartnerOrderNo } from "@/lib/sandbox/customer";
import { setFault } from "@/lib/sandbox/faults";
import { payResultBody, signedResponse } from "@/lib/sandbox/server";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import { seedCatalog } from "@/prisma/seed-catalog";
import { startHangingServer, startSandboxServer, startShopServer, type SandboxServer } from "../helpers/sandbox-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
let sandbox: SandboxServer;
let shop: { url: string; close(): Promise<void> };
let clock: Date | null = null;
let deps: OrdersDeps;
const now = () => clock ?? new Date();
const later = (ms: number) => new Date(Date.now() + ms);
const MIN = 60_000;

function gatewayAt(apiBase: string, timeoutMs = 2_000) {
  return createGateway(db, {
    config: { apiBase, ...SANDBOX_CREDENTIALS, retryDelayMs: 10, timeoutMs },
    appUrl: shop.url,
    timeoutRule: "30m",
    now,
  });
}

beforeAll(async () => {
  db = await createTestDb();
  await seedCatalog(db);
  sandbox = await startSandboxServer(db);
  shop = await startShopServer(() => deps);
  deps = { db, gateway: gatewayAt(sandbox.apiBase) };
});
afterAll(async () => {
  await shop?.close();
  await sandbox?.close();
  await db?.close();
});
beforeEach(async () => {
  clock = null;
  await db.sandboxFault.deleteMany();
  // Each test starts with no backlog of its own making left by another.
  await db.payment.updateMany({ where: { status: "pending" }, data: { status: "expired" } });
  await db.refund.updateMany({ where: { status: "pending" }, data: { status: "failed" } });
});

const website = { wallet: "AlipayHK", flow: "website" } as const;
const newOrder = () =>
  createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: "buyer@example.com", locale: "en" });

async function control(partnerOrderNo: string, outcome: "success" | "fail" | "cancel", notify = "none") {
  const response = await fetch(`${sandbox.apiBase}/control/orders/${partnerOrderNo}`, {
    method: "POST",
    body: JSON.stringify({ outcome, notify }),
  });
  expect(response.status).toBe(200);
}

const payQueries = () => sandbox.calls.payQuery ?? 0;
const refundCalls = () => sandbox.calls.refund ?? 0;

/** An order paid by its first attempt (notified), then by a second whose notify is in hand, not yet delivered. */
async function paidTwice() {
  const order = await newOrder();
  const first = await startPayment(deps, order, website);
  const second = await startPayment(deps, order, website);
  await control(first.payment.partnerOrderNo, "success", "before-return");
  await control(second.payment.partnerOrderNo, "success", "none");
  const notify = signedResponse(
    sandbox.deps,
    payResultBody((await findOrderByPartnerOrderNo(sandbox.deps, second.payment.partnerOrderNo))!, new Date()),
  );
  return { order, first, second, notify };
}

async function abandoned(count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await startPayment(deps, await newOrder(), website)).payment.id);
  return ids;
}

describe("a backlog of abandoned checkouts", () => {
  it("60 abandoned and one paid whose notify was lost: one pass at its defaults marks the paid one paid", async () => {
    await abandoned(60);
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success", "none");

    clock = later(2 * MIN);
    const report = await reconcile(deps);
    expect(report).toMatchObject({ queried: 61, changed: 1, errors: 0, left: 0, outOfTime: false });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "paid",
      paidPaymentId: payment.id,
    });
    expect(report.elapsedMs).toBeLessThan(RECONCILE_DEFAULTS.budgetMs);

    // Each abandoned one waits for its own next step: a second pass now asks nobody.
    const before = payQueries();
    expect(await reconcile(deps)).toMatchObject({ queried: 0, left: 0 });
    expect(payQueries()).toBe(before);
    const waiting = await db.payment.findMany({ where: { status: "pending" } });
    expect(waiting).toHaveLength(60);
    for (const p of waiting) {
      expect(p.checks).toBe(1);
      expect(p.nextCheckAt!.getTime()).toBe(clock.getTime() + 2 * MIN);
    }
  });

  it("a pass that may take fewer than are due serves the oldest due first, and the next pass the rest", async () => {
    const ids = await abandoned(6);
    clock = later(2 * MIN);
    expect(await reconcile(deps, { limit: 4 })).toMatchObject({ queried: 4, left: 2 });
    expect(await reconcile(deps, { limit: 4 })).toMatchObject({ queried: 2, left: 0 });
    const checks = await db.payment.findMany({ where: { id: { in: ids } }, select: { checks: true } });
    expect(checks.map((c) => c.checks)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe("many runners", () => {
  it("two passes started at the same moment query each payment once", async () => {
    const ids = await abandoned(20);
    clock = later(2 * MIN);
    const before = payQueries();
    const [a, b] = await Promise.all([reconcile(deps), reconcile(deps)]);
    expect(a.queried + b.queried).toBe(20);
    expect(payQueries() - before).toBe(20);
    const checks = await db.payment.findMany({ where: { id: { in: ids } }, select: { checks: true } });
    expect(checks.every((c) => c.checks === 1)).toBe(true);
  });

  it("five passes at once over one paid payment: one query, one transition", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success", "none");
    clock = later(2 * MIN);
    const before = payQueries();
    const reports = await Promise.all(Array.from({ length: 5 }, () => reconcile(deps)));
    expect(payQueries() - before).toBe(1);
    expect(reports.reduce((n, r) => n + r.changed, 0)).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
  });

  it("a runner that died leaves its claim to expire: the payment is due again after the lease", async () => {
    const [id] = await abandoned(1);
    clock = later(2 * MIN);
    // A claim taken and never finished, as a killed function leaves it.
    const leased = new Date(clock.getTime() + 5 * MIN);
    await db.payment.update({ where: { id: id! }, data: { nextCheckAt: leased, checks: 1 } });
    expect((await reconcile(deps)).queried).toBe(0);
    clock = new Date(leased.getTime() + 1);
    expect((await reconcile(deps)).queried).toBe(1);
  });
});

describe("a gateway that hangs", () => {
  it("a pass returns within its budget; what it could not finish is due again, not counted as a check", async () => {
    const hanging = await startHangingServer();
    try {
      const ids = await abandoned(8);
      clock = later(2 * MIN);
      const stuck: OrdersDeps = { db, gateway: gatewayAt(hanging.url, 10_000) };
      const started = Date.now();
      const report = await reconcile(stuck, { budgetMs: 1_500 });
      const took = Date.now() - started;
      // The calls are stopped at 90 % of the budget; the margin is for a slow machine.
      expect(took).toBeLessThan(1_500 + 1_000);
      expect(report).toMatchObject({ outOfTime: true, queried: 4 });
      // Four calls at once, never more.
      expect(hanging.hits()).toBe(4);
      const rows = await db.payment.findMany({ where: { id: { in: ids } } });
      expect(rows.every((p) => p.status === "pending" && p.checks === 0)).toBe(true);
      // All eight due now: the four it asked at the back of the queue, the others first.
      expect(report.left).toBe(8);
      const asked = rows.filter((p) => p.nextCheckAt.getTime() === clock!.getTime());
      expect(asked).toHaveLength(4);
      // The gateway is back: the next pass asks the four it never reached, then the rest.
      const order = (await reconcile(deps, { concurrency: 1, limit: 4 })).queried;
      expect(order).toBe(4);
      const second = await db.payment.findMany({ where: { id: { in: ids } } });
      expect(
        second
          .filter((p) => p.checks === 1)
          .map((p) => p.id)
          .sort(),
      ).toEqual(
        rows
          .filter((p) => !asked.includes(p))
          .map((p) => p.id)
          .sort(),
      );
    } finally {
      await hanging.close();
    }
  });
});

describe("refunds whose answer was lost", () => {
  it("are sent again with the same refundNo, once per backoff step, and counted once", async () => {
    const { order, second, notify } = await paidTwice();
    // Every refund answer garbled: the gateway refunds, the shop never hears it.
    await setFault(db, "malformed", 1_000);
    const t0 = Date.now();
    clock = new Date(t0);
    const sendsBefore = refundCalls();
    await sendRefund(deps, (await handleNotify(deps, notify)).refundId!); // as the route does, after answering
    const refund = await db.refund.findFirstOrThrow({ where: { paymentId: second.payment.id } });
    expect(refund).toMatchObject({ status: "pending", attempts: 1, reason: "duplicate_payment" });
    const sends = () => refundCalls() - sendsBefore;
    // The client tries 3 times a send; count sends as the shop's attempts.
    const attempts = async () => (await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).attempts;
    const perSend = sends();
    expect(perSend).toBeGreaterThanOrEqual(1);

    clock = new Date(t0 + 30_000); // before the first step (1 minute)
    await reconcile(deps);
    expect(await attempts()).toBe(1);

    clock = new Date(t0 + MIN + 1_000); // the first step: sent again, by one of two passes
    await Promise.all([reconcile(deps), reconcile(deps)]);
    expect(await attempts()).toBe(2);
    expect(sends()).toBe(2 * perSend);

    clock = new Date(t0 + 2 * MIN); // within the second step (2 minutes): left alone
    await reconcile(deps);
    expect(await attempts()).toBe(2);

    clock = new Date(t0 + MIN + 1_000 + 2 * MIN + 1_000); // the second step: once more
    await reconcile(deps);
    expect(await attempts()).toBe(3);

    // The gateway answers again: the next send lands, and the refund counts once.
    await db.sandboxFault.deleteMany();
    clock = new Date(clock.getTime() + 5 * MIN + 1_000);
    await reconcile(deps);
    const done = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(done).toMatchObject({ status: "succeeded", attempts: 4, refundNo: refund.refundNo });
    expect(await db.payment.findUniqueOrThrow({ where: { id: second.payment.id } })).toMatchObject({
      status: "refunded",
      refundedMinor: order.totalMinor,
    });
    expect((await findOrderByPartnerOrderNo(sandbox.deps, second.payment.partnerOrderNo))!.refundedAmount).toBe(
      order.totalMinor,
    );
    expect(await db.sandboxRefund.count({ where: { refundNo: refund.refundNo } })).toBe(1);
  });
});

describe("on demand, between passes", () => {
  it("status polling asks the gateway about its own payment, at most every 10 s", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    const before = payQueries();
    clock = new Date();
    expect(await refreshedStatus(deps, order)).toBe("pending");
    expect(await refreshedStatus(deps, order)).toBe("pending");
    expect(payQueries() - before).toBe(1);
    // Paid, notify lost: the next poll within 10 s still does not ask; the one after does.
    await control(payment.partnerOrderNo, "success", "none");
    clock = new Date(clock.getTime() + POLL_QUERY_INTERVAL_MS - 1_000);
    expect(await refreshedStatus(deps, order)).toBe("pending");
    clock = new Date(clock.getTime() + 2_000);
    expect(await refreshedStatus(deps, order)).toBe("paid");
    expect(payQueries() - before).toBe(2);
    // Settled: polling asks nobody.
    expect(await refreshedStatus(deps, await db.order.findUniqueOrThrow({ where: { id: order.id } }))).toBe("paid");
    expect(payQueries() - before).toBe(2);
  });

  it("ten returns of one payment at once make one Pay Query", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success", "none");
    const before = payQueries();
    const returns = await Promise.all(Array.from({ length: 10 }, () => handleReturn(deps, payment.partnerOrderNo, "")));
    expect(payQueries() - before).toBe(1);
    expect(returns.filter((r) => r?.changed)).toHaveLength(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
    // Every return is still kept as an event.
    expect(await db.paymentEvent.count({ where: { paymentId: payment.id, kind: "browser_return" } })).toBe(10);
  });

  it("an on-demand query that fails changes nothing and leaves the payment to reconciliation", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await setFault(db, "code9", 3, "query");
    expect(await checkPaymentNow(deps, payment.id, 0)).toBe(false);
    const after = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(after).toMatchObject({ status: "pending", checks: 0, nextCheckAt: payment.nextCheckAt });
    // Paid meanwhile: the pass at its first check settles it.
    await control(payment.partnerOrderNo, "success", "none");
    clock = new Date(payment.nextCheckAt.getTime() + 1);
    expect(await reconcile(deps)).toMatchObject({ changed: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
  });

  it("a row the previous release wrote without a next check is due at once (the column's default)", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    // As the previous release inserts it: no value for the new columns.
    await db.$executeRaw`UPDATE "Payment" SET "nextCheckAt" = DEFAULT WHERE "id" = ${payment.id}`;
    await control(payment.partnerOrderNo, "success", "none");
    clock = later(1_000);
    expect((await reconcile(deps)).changed).toBe(1);
  });
});

describe("no amplification", () => {
  it("a pass over 50 quiet pending payments writes no event rows; each is counted instead", async () => {
    const ids = await abandoned(50);
    clock = later(2 * MIN);
    const before = await db.paymentEvent.count();
    expect(await reconcile(deps)).toMatchObject({ queried: 50, changed: 0, errors: 0 });
    expect(await db.paymentEvent.count()).toBe(before);
    const rows = await db.payment.findMany({ where: { id: { in: ids } } });
    expect(rows.every((p) => p.quietQueries === 1 && p.checks === 1)).toBe(true);
  });

  it("the exchange that changes a payment is kept, sent and received", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success", "none");
    clock = later(2 * MIN);
    await reconcile(deps);
    const kept = await db.paymentEvent.findMany({
      where: { paymentId: payment.id, kind: "query" },
      orderBy: { createdAt: "asc" },
    });
    expect(kept.map((e) => e.direction)).toEqual(["sent", "received"]);
    expect(kept[1]!.signatureValid).toBe(true);
  });

  it("100 returns for one pending payment within a minute make at most 7 Pay Queries", async () => {
    const order = await newOrder();
    const { payment } = await startPayment(deps, order, website);
    const before = payQueries();
    const t0 = Date.now();
    for (let i = 0; i < 100; i++) {
      clock = new Date(t0 + i * 600);
      await handleReturn(deps, payment.partnerOrderNo, "partnerOrderNo=" + payment.partnerOrderNo);
    }
    expect(payQueries() - before).toBeLessThanOrEqual(7);
    expect(payQueries() - before).toBeGreaterThanOrEqual(6);
  });
});

describe("the merchant sees it", () => {
  it("when reconciliation last ran, what waits and the oldest, and a warning once it is late", async () => {
    const [id] = await abandoned(1);
    const oldest = (await db.payment.findUniqueOrThrow({ where: { id: id! } })).createdAt;
    await db.jobRun.deleteMany();
    const minuteSchedule = 60_000;
    expect(await reconcileHealth(db, minuteSchedule)).toMatchObject({
      lastRunAt: null,
      runs: 0,
      pendingPayments: 1,
      oldestPendingAt: oldest,
      state: "ok",
    });
    // No pass ever, and a payment waiting for longer than the schedule allows.
    expect((await reconcileHealth(db, minuteSchedule, new Date(Date.now() + 10 * MIN))).state).toBe("never");

    const startedAt = new Date();
    const report = await reconcile(deps);
    await recordRun(db, "reconcile", startedAt, report);
    await recordRun(db, "reconcile", startedAt, report);
    const health = await reconcileHealth(db, minuteSchedule);
    expect(health).toMatchObject({ runs: 2, state: "ok", lastReport: { queried: report.queried, left: report.left } });
    expect(health.lastRunAt!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
    expect((await reconcileHealth(db, minuteSchedule, new Date(Date.now() + 7 * MIN))).state).toBe("late");
    expect((await reconcileHealth(db, 86_400_000, new Date(Date.now() + 7 * MIN))).state).toBe("ok");
  });
});

describe("a notify answers at once", () => {
  it("a second paid attempt: `success` in well under a second while the refund endpoint hangs; the refund is sent later, once", async () => {
    const { order, second, notify } = await paidTwice();
    // The refund endpoint takes longer than the client waits, every try.
    await setFault(db, "timeout", 3, "refund");
    const started = Date.now();
    const answer = await handleNotify(deps, notify);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(answer).toMatchObject({ status: 200, body: "success", changed: true, refundId: expect.any(String) });
    const before = refundCalls();
    // Nothing was sent inside the answer.
    expect(await db.sandboxRefund.count({ where: { order: { partnerOrderNo: second.payment.partnerOrderNo } } })).toBe(
      0,
    );
    expect(await db.refund.findUniqueOrThrow({ where: { id: answer.refundId! } })).toMatchObject({
      status: "pending",
      attempts: 0,
    });
    // After the answer (the route's after()): each try outlasts the client's wait; still pending.
    await sendRefund({ db, gateway: gatewayAt(sandbox.apiBase, 300) }, answer.refundId!);
    expect(await db.refund.findUniqueOrThrow({ where: { id: answer.refundId! } })).toMatchObject({
      status: "pending",
      attempts: 1,
    });
    // The gateway is back: reconciliation sends it again, same refundNo, and it counts once.
    clock = later(2 * MIN);
    await Promise.all([reconcile(deps), reconcile(deps)]);
    const refund = await db.refund.findUniqueOrThrow({ where: { id: answer.refundId! } });
    expect(refund).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(await db.sandboxRefund.count({ where: { refundNo: refund.refundNo } })).toBe(1);
    expect(refundCalls() - before).toBeGreaterThanOrEqual(2);
  });
});
