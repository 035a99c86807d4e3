// Stock under real concurrency: orders take units with conditional updates in their own
// transaction, give them back when their payment fails or expires, and sell them when paid.
// Runs on PGlite, and on PostgreSQL (TEST_DATABASE_URL) with truly concurrent transactions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import { createGateway, type OrdersDeps } from "@/lib/orders/gateway-wiring";
import { CheckoutError, createOrder } from "@/lib/orders/create";
import { handleReturn } from "@/lib/orders/notify-and-return";
import { startPayment } from "@/lib/orders/payments";
import { reconcile } from "@/lib/orders/reconcile";
import { needsStockAttention } from "@/lib/orders/state";
import { deliverDueNotifies } from "@/lib/sandbox/notify";
import { setStockOnHand } from "@/lib/stock/levels";
import { startSandboxServer, startShopServer, type SandboxServer } from "../helpers/sandbox-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
let sandbox: SandboxServer;
let shop: { url: string; close(): Promise<void> };
let clock: Date | null = null;
let deps: OrdersDeps;

beforeAll(async () => {
  db = await createTestDb();
  sandbox = await startSandboxServer(db);
  shop = await startShopServer(() => deps);
  deps = {
    db,
    gateway: createGateway(db, {
      config: { apiBase: sandbox.apiBase, ...SANDBOX_CREDENTIALS, retryDelayMs: 10, timeoutMs: 2000 },
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
beforeEach(() => {
  clock = null;
});

const website = { wallet: "AlipayHK", flow: "website" } as const;
let serial = 0;

/** A product of its own for each test: `stock` units on hand, or null for untracked. */
async function product(stock: number | null, priceMinor = 5000) {
  serial += 1;
  return db.product.create({
    data: {
      slug: `stock-test-${serial}`,
      name: `Stock test ${serial}`,
      description: "A product for the stock tests.",
      priceMinor,
      currency: "HKD",
      stockAvailable: stock,
    },
  });
}

const buy = (slug: string, quantity = 1) =>
  createOrder(db, { items: [{ slug, quantity }], email: "buyer@example.com" });

const levels = async (id: string) => {
  const p = await db.product.findUniqueOrThrow({ where: { id } });
  return { available: p.stockAvailable, reserved: p.stockReserved };
};
const stockState = async (orderId: string) =>
  (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { stockState: true } })).stockState;

async function control(partnerOrderNo: string, outcome: "success" | "fail" | "cancel", notify = "none") {
  const response = await fetch(`${sandbox.apiBase}/control/orders/${partnerOrderNo}`, {
    method: "POST",
    body: JSON.stringify({ outcome, notify }),
  });
  expect(response.status).toBe(200);
}

/** Past the attempt's 30 minutes and the grace period: reconciliation expires what is unpaid. */
async function expireByReconciliation() {
  clock = new Date(Date.now() + 33 * 60 * 1000);
  await reconcile(deps);
  clock = null;
}

describe("taking units at checkout", () => {
  it("30 concurrent checkouts for 5 units: exactly 5 orders, 25 clear refusals, stock 0, nothing negative", async () => {
    const limited = await product(5);
    // Two app instances (two pools) at once, as on a serverless host.
    const other = db.another();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        createOrder(i % 2 === 0 ? db : other, {
          items: [{ slug: limited.slug, quantity: 1 }],
          email: `b${i}@example.com`,
        }),
      ),
    );
    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(25);
    for (const error of refused) {
      expect(error).toBeInstanceOf(CheckoutError);
      expect(error).toMatchObject({
        code: "out_of_stock",
        short: [{ slug: limited.slug, requested: 1, available: 0 }],
      });
      expect((error as Error).message).toContain("sold out");
    }
    expect(await levels(limited.id)).toEqual({ available: 0, reserved: 5 });
    // Nothing written for a refusal: only the five orders exist.
    expect(await db.orderItem.count({ where: { productId: limited.id } })).toBe(5);
    expect(
      await db.order.count({ where: { items: { some: { productId: limited.id } }, stockState: "reserved" } }),
    ).toBe(5);
  });

  it("a line asking for more than is left is told how many are left; a multi-line order takes all or nothing", async () => {
    const few = await product(3);
    const plenty = await product(10);
    await buy(few.slug, 2);
    await expect(
      createOrder(db, {
        items: [
          { slug: plenty.slug, quantity: 4 },
          { slug: few.slug, quantity: 2 },
        ],
        email: "buyer@example.com",
      }),
    ).rejects.toMatchObject({
      code: "out_of_stock",
      short: [{ slug: few.slug, requested: 2, available: 1 }],
      message: expect.stringContaining(`only 1 of "${few.name}" left`),
    });
    // The plentiful line's units were given back with the refusal.
    expect(await levels(plenty.id)).toEqual({ available: 10, reserved: 0 });
    expect(await levels(few.id)).toEqual({ available: 1, reserved: 2 });
  });

  it("untracked products never refuse, and hold nothing", async () => {
    const unlimited = await product(null);
    const results = await Promise.all(Array.from({ length: 30 }, () => buy(unlimited.slug, 5)));
    expect(results).toHaveLength(30);
    expect(await levels(unlimited.id)).toEqual({ available: null, reserved: 0 });
    expect(results.every((o) => o.stockState === "untracked" && o.items[0]!.reservedQty === 0)).toBe(true);
  });

  it("the merchant cannot set on hand below what waiting orders hold", async () => {
    const limited = await product(4);
    await buy(limited.slug, 3);
    expect(await setStockOnHand(db, limited.id, 2)).toEqual({ ok: false, reserved: 3 });
    expect(await levels(limited.id)).toEqual({ available: 1, reserved: 3 });
    expect(await setStockOnHand(db, limited.id, 10)).toMatchObject({ ok: true, level: { available: 7, reserved: 3 } });
  });
});

describe("releasing and selling", () => {
  it("a paid order sells its units: they leave the reservation, never return", async () => {
    const limited = await product(2);
    const order = await buy(limited.slug);
    const { payment } = await startPayment(deps, order, website);
    await control(payment.partnerOrderNo, "success");
    await handleReturn(deps, payment.partnerOrderNo, "");
    expect(await stockState(order.id)).toBe("sold");
    expect(await levels(limited.id)).toEqual({ available: 1, reserved: 0 });
    await expireByReconciliation();
    expect(await levels(limited.id)).toEqual({ available: 1, reserved: 0 });
  });

  it("a failed payment gives the units back, once, and a retry takes them again", async () => {
    const limited = await product(1);
    const order = await buy(limited.slug);
    const first = await startPayment(deps, order, website);
    await control(first.payment.partnerOrderNo, "fail");
    await Promise.all([1, 2, 3].map(() => handleReturn(deps, first.payment.partnerOrderNo, "")));
    expect(await stockState(order.id)).toBe("released");
    expect(await levels(limited.id)).toEqual({ available: 1, reserved: 0 });
    await startPayment(deps, order, website);
    expect(await stockState(order.id)).toBe("reserved");
    expect(await levels(limited.id)).toEqual({ available: 0, reserved: 1 });
  });

  it("a retry is refused when the released units were sold meanwhile, and writes no attempt", async () => {
    const limited = await product(1);
    const order = await buy(limited.slug);
    const first = await startPayment(deps, order, website);
    await control(first.payment.partnerOrderNo, "fail");
    await handleReturn(deps, first.payment.partnerOrderNo, "");
    await buy(limited.slug); // someone else takes the unit
    await expect(startPayment(deps, order, website)).rejects.toMatchObject({
      code: "out_of_stock",
      short: [{ slug: limited.slug, available: 0 }],
    });
    expect(await db.payment.count({ where: { orderId: order.id } })).toBe(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "failed",
      stockState: "released",
    });
  });

  it("a cancelled payment left to expire, and a hand-off never opened, give their units back through reconciliation", async () => {
    const limited = await product(2);
    const cancelled = await buy(limited.slug);
    const { payment } = await startPayment(deps, cancelled, website);
    await control(payment.partnerOrderNo, "cancel");
    await handleReturn(deps, payment.partnerOrderNo, "");
    const unopened = await buy(limited.slug);
    expect(await levels(limited.id)).toEqual({ available: 0, reserved: 2 });
    await expireByReconciliation();
    expect(await stockState(cancelled.id)).toBe("released");
    expect(await stockState(unopened.id)).toBe("released");
    expect(await levels(limited.id)).toEqual({ available: 2, reserved: 0 });
    await expireByReconciliation(); // a second pass changes nothing
    expect(await levels(limited.id)).toEqual({ available: 2, reserved: 0 });
  });

  it("a late success after the units went to someone else is recorded, and flagged for the merchant", async () => {
    const limited = await product(1);
    const order = await buy(limited.slug);
    const { payment } = await startPayment(deps, order, website);
    await expireByReconciliation();
    expect(await stockState(order.id)).toBe("released");
    await buy(limited.slug); // the unit goes to another customer
    // The first customer pays after all; the gateway tells us by notify.
    await control(payment.partnerOrderNo, "success", "normal");
    expect((await deliverDueNotifies(sandbox.deps)).attempts).toBe(1);
    const paid = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(paid).toMatchObject({ status: "paid", stockState: "oversold", paidPaymentId: payment.id });
    expect(paid.payments.map((p) => p.status)).toEqual(["paid"]);
    expect(needsStockAttention(paid)).toBe(true);
    // Nothing went negative: the other customer keeps the unit.
    expect(await levels(limited.id)).toEqual({ available: 0, reserved: 1 });
  });

  it("a late success whose units are still there takes them again: sold, not flagged", async () => {
    const limited = await product(3);
    const order = await buy(limited.slug, 2);
    const { payment } = await startPayment(deps, order, website);
    await expireByReconciliation();
    expect(await levels(limited.id)).toEqual({ available: 3, reserved: 0 });
    await control(payment.partnerOrderNo, "success", "normal");
    await deliverDueNotifies(sandbox.deps);
    const paid = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(paid).toMatchObject({ status: "paid", stockState: "sold" });
    expect(needsStockAttention(paid)).toBe(false);
    expect(await levels(limited.id)).toEqual({ available: 1, reserved: 0 });
  });
});
