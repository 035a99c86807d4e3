// Back office below the browser: merchant refunds (concurrency, timeouts), the order list,
// the CSV export and the dashboard, against the sandbox gateway over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboard } from "@/lib/admin/dashboard";
import { hkDate } from "@/lib/hk-time";
import { listOrders, orderFiltersSchema, ordersCsv } from "@/lib/admin/orders";
import { merchantRefund, newRefundNo, RefundError } from "@/lib/admin/refunds";
import { createOrder } from "@/lib/orders/create";
import { createGateway, type OrdersDeps } from "@/lib/orders/gateway-wiring";
import { handleReturn } from "@/lib/orders/notify-and-return";
import { sendRefund, startPayment } from "@/lib/orders/payments";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import { actOnOrder, findOrderByPartnerOrderNo } from "@/lib/sandbox/customer";
import { setFault } from "@/lib/sandbox/faults";
import { seedCatalog } from "@/prisma/seed-catalog";
import { startSandboxServer, type SandboxServer } from "../helpers/sandbox-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
let sandbox: SandboxServer;
let deps: OrdersDeps;

beforeAll(async () => {
  db = await createTestDb();
  await seedCatalog(db);
  sandbox = await startSandboxServer(db);
  deps = {
    db,
    gateway: createGateway(db, {
      config: { apiBase: sandbox.apiBase, ...SANDBOX_CREDENTIALS, retryDelayMs: 10, timeoutMs: 300 },
      appUrl: "http://127.0.0.1:9",
    }),
  };
});
afterAll(async () => {
  await sandbox?.close();
  await db?.close();
});

/** A paid order: one silk fan, HK$228.00. */
async function paidOrder(email = "merchant-test@example.com", wallet: "AlipayHK" | "Alipay" = "AlipayHK") {
  const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email });
  const { payment } = await startPayment(deps, order, { wallet, flow: "website" });
  await actOnOrder(
    sandbox.deps,
    (await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!,
    "success",
    "none",
  );
  await handleReturn(deps, payment.partnerOrderNo, "");
  return { order, payment: await db.payment.findUniqueOrThrow({ where: { id: payment.id } }) };
}

describe("merchant refunds", () => {
  it("partial then the rest: the order becomes refunded and the gateway agrees", async () => {
    const { order, payment } = await paidOrder();
    expect(payment.status).toBe("paid");
    await merchantRefund(deps, { paymentId: payment.id, amountMinor: 8000, refundNo: newRefundNo(), operator: "boss" });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "partially_refunded",
    });
    await expect(
      merchantRefund(deps, { paymentId: payment.id, amountMinor: 14801, refundNo: newRefundNo(), operator: "boss" }),
    ).rejects.toThrow(/^only HK\$148\.00 can still be refunded$/);
    const rest = await merchantRefund(deps, {
      paymentId: payment.id,
      amountMinor: 14800,
      refundNo: newRefundNo(),
      operator: "boss",
    });
    expect(rest.status).toBe("succeeded");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "refunded" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "refunded",
      refundedMinor: 22800,
    });
    expect(await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo)).toMatchObject({
      status: 3,
      refundedAmount: 22800,
    });
    await expect(
      merchantRefund(deps, { paymentId: payment.id, amountMinor: 1, refundNo: newRefundNo(), operator: "boss" }),
    ).rejects.toBeInstanceOf(RefundError);
  });

  it("concurrent refunds with the same refundNo refund once", async () => {
    const { payment } = await paidOrder();
    const refundNo = newRefundNo();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        merchantRefund(deps, { paymentId: payment.id, amountMinor: 5000, refundNo, operator: "boss" }),
      ),
    );
    expect(results.every((r) => r.status === "fulfilled" && r.value.refundNo === refundNo)).toBe(true);
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      refundedMinor: 5000,
      status: "partially_refunded",
    });
    expect((await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!.refundedAmount).toBe(5000);
  });

  it("concurrent refunds with different refundNos never exceed the paid amount", async () => {
    const { payment } = await paidOrder();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        merchantRefund(deps, { paymentId: payment.id, amountMinor: 7000, refundNo: newRefundNo(), operator: "boss" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3); // 3 × 70.00 ≤ 228.00 < 4 × 70.00
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(RefundError);
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ refundedMinor: 21000 });
    expect((await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!.refundedAmount).toBe(21000);
  });

  it("a refund that times out at the gateway is retried with the same refundNo and lands once", async () => {
    const { payment } = await paidOrder();
    const refundNo = newRefundNo();
    await setFault(db, "timeout", 3); // every attempt of the first try times out (the gateway acts each time)
    const first = await merchantRefund(deps, { paymentId: payment.id, amountMinor: 6000, refundNo, operator: "boss" });
    expect(first.status).toBe("pending");
    const again = await merchantRefund(deps, { paymentId: payment.id, amountMinor: 6000, refundNo, operator: "boss" });
    expect(again.status).toBe("succeeded");
    expect((await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!.refundedAmount).toBe(6000);
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ refundedMinor: 6000 });
    // The same form again with another amount is refused, not reported as done.
    await expect(
      merchantRefund(deps, { paymentId: payment.id, amountMinor: 3000, refundNo, operator: "boss" }),
    ).rejects.toThrow(/already refunded HK\$60\.00;/);
  });

  it("a refund the gateway never answers stays reserved: its amount cannot be refunded twice", async () => {
    const { payment } = await paidOrder();
    await setFault(db, "timeout", 3);
    const stuck = await merchantRefund(deps, {
      paymentId: payment.id,
      amountMinor: 20000,
      refundNo: newRefundNo(),
      operator: "boss",
    });
    expect(stuck.status).toBe("pending");
    await db.refund.update({ where: { id: stuck.id }, data: { attempts: 50 } });
    await setFault(db, "timeout", 3);
    await sendRefund(deps, stuck.id);
    expect(await db.refund.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: "pending" });
    await expect(
      merchantRefund(deps, { paymentId: payment.id, amountMinor: 20000, refundNo: newRefundNo(), operator: "boss" }),
    ).rejects.toThrow(/^only HK\$28\.00 can still be refunded$/);
  });
});

describe("order list, CSV and dashboard", () => {
  it("filters, searches and totals", async () => {
    const mine = await paidOrder("Findable.Person@Example.com", "Alipay");
    const byEmail = await listOrders(db, orderFiltersSchema.parse({ q: "findable.person" }));
    expect(byEmail.rows.map((o) => o.orderNo)).toEqual([mine.order.orderNo]);
    expect(byEmail.totals).toEqual([{ currency: "HKD", totalMinor: 22800, orders: 1 }]);
    expect((await listOrders(db, orderFiltersSchema.parse({ q: mine.order.orderNo.toLowerCase() }))).count).toBe(1);
    expect((await listOrders(db, orderFiltersSchema.parse({ q: mine.payment.partnerOrderNo }))).count).toBe(1);
    expect((await listOrders(db, orderFiltersSchema.parse({ q: mine.payment.gatewayOrderNo! }))).count).toBe(1);
    const alipayPaid = await listOrders(db, orderFiltersSchema.parse({ wallet: "Alipay", status: "paid" }));
    expect(alipayPaid.rows.every((o) => o.status === "paid" && o.payments.some((p) => p.wallet === "Alipay"))).toBe(
      true,
    );
    const today = hkDate(new Date());
    expect((await listOrders(db, orderFiltersSchema.parse({ from: today, to: today }))).count).toBeGreaterThan(0);
    expect((await listOrders(db, orderFiltersSchema.parse({ from: "2001-01-01", to: "2001-01-02" }))).count).toBe(0);
    // Junk filters are ignored, never an error.
    expect(
      (
        await listOrders(
          db,
          orderFiltersSchema.parse({ status: "nonsense", page: "-4", from: "yesterday", to: "2024-13-45" }),
        )
      ).count,
    ).toBeGreaterThan(0);
  });

  it("exports the filtered list as CSV, amounts in major units", async () => {
    const csv = await ordersCsv(db, orderFiltersSchema.parse({ q: "findable.person" }));
    const [header, row, end] = csv.split("\r\n");
    expect(header).toBe(
      "order_no,created_at,status,email,name,wallet,flow,currency,total,refunded,paid_at,partner_order_no,gateway_order_no",
    );
    expect(row).toMatch(
      /^HG-[0-9A-Z]{4}-[0-9A-Z]{4},\d{4}-.*,paid,findable\.person@example\.com,,Alipay,website,HKD,228\.00,0\.00,/,
    );
    expect(end).toBe("");
    // A name a spreadsheet would run as a formula is neutralised.
    await createOrder(db, {
      items: [{ slug: "silk-fan", quantity: 1 }],
      email: "formula@example.com",
      name: '=HYPERLINK("http://x")',
    });
    const risky = await ordersCsv(db, orderFiltersSchema.parse({ q: "formula@example.com" }));
    expect(risky).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("adds up paid revenue, refunds and the wallet split", async () => {
    const data = await dashboard(db);
    const today = data.periods.find((p) => p.days === 1)!;
    const paidToday = await db.order.count({ where: { paidPaymentId: { not: null } } });
    expect(today.paidOrders).toBe(paidToday);
    expect(today.revenue.HKD).toBe(paidToday * 22800);
    expect(today.refunds.HKD).toBe(22800 + 5000 + 21000 + 6000); // the merchant refunds that succeeded
    expect(data.byDay).toHaveLength(30);
    expect(data.byDay.at(-1)!.revenue.HKD).toBe(paidToday * 22800);
    expect(data.wallets.reduce((n, w) => n + w.orders, 0)).toBe(paidToday);
    expect(today.conversion).toBeGreaterThan(0);
  });
});
