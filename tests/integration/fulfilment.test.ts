// Fulfilment and shipping methods on a real database: a shipment writes its audit row and
// exactly one "shipped" message for the customer, a second one is refused; the bulk CSV is all
// or nothing; shipping methods are saved with an audit row each and a message per bad field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkMarkShipped, markCollected, markDelivered, markShipped, updateTracking } from "@/lib/fulfilment/actions";
import { fulfilmentQueue, orderFulfilment } from "@/lib/fulfilment/queries";
import { createOrder } from "@/lib/orders/create";
import { CUSTOMER_ONLY } from "@/lib/outbox/enqueue";
import { methodFormValues, parseMethodForm } from "@/lib/shipping/method-input";
import { createShippingMethod, listShippingMethods, updateShippingMethod } from "@/lib/shipping/methods-admin";
import { seedCatalog } from "@/prisma/seed-catalog";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
const actor = "merchant@example.com";
const address = {
  recipient: "Chan Tai Man",
  phoneCode: "+852",
  phone: "9123 4567",
  country: "HK",
  region: "Kowloon",
  district: "Mong Kok",
  line1: "Flat 5A, 12 Argyle Street",
};

beforeAll(async () => {
  db = await createTestDb();
  await seedCatalog(db);
});
afterAll(async () => {
  await db?.close();
});

/** An order paid for delivery (or pick-up), as checkout and the gateway would leave it. */
async function order(
  delivery: "ship" | "pickup" = "ship",
  status: "paid" | "pending" | "refunded" | "partially_refunded" = "paid",
) {
  const created = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 2 }], email: "buyer@example.com" });
  return db.order.update({
    where: { id: created.id },
    data: {
      status,
      paidAt: status === "pending" ? null : new Date(),
      delivery,
      shippingAddress: delivery === "ship" ? address : undefined,
    },
  });
}

const shipment = (orderNo: string, over: Record<string, unknown> = {}) => ({
  orderNo,
  carrier: "SF Express",
  trackingNumber: "SF1234567890",
  trackingUrl: "https://www.sf-express.com/track/SF1234567890",
  ...over,
});

describe("mark shipped", () => {
  it("moves the order, writes its audit row and one message for the customer; a second mark is refused", async () => {
    const o = await order();
    const result = await markShipped(db, shipment(o.orderNo), actor, CUSTOMER_ONLY);
    expect(result).toEqual({ ok: true, orderId: o.id, orderNo: o.orderNo });
    const after = await db.order.findUniqueOrThrow({ where: { id: o.id } });
    expect(after).toMatchObject({
      fulfilment: "shipped",
      carrier: "SF Express",
      trackingNumber: "SF1234567890",
      trackingUrl: "https://www.sf-express.com/track/SF1234567890",
    });
    expect(after.shippedAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findMany({ where: { entity: "order", entityId: o.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor,
      action: "ship",
      changes: { fulfilment: { from: "unfulfilled", to: "shipped" }, carrier: { from: null, to: "SF Express" } },
    });
    const messages = await db.outboxMessage.findMany({ where: { orderId: o.id } });
    expect(messages).toEqual([
      expect.objectContaining({ topic: "order.shipped", audience: "customer", channel: "email", status: "pending" }),
    ]);

    const again = await markShipped(db, shipment(o.orderNo, { trackingNumber: "SF999" }), actor, {
      merchant: true,
      webhook: true,
    });
    expect(again).toMatchObject({ ok: false, status: 409, error: "The order is already shipped." });
    expect(await db.outboxMessage.count({ where: { orderId: o.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "order", entityId: o.id } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: o.id } })).trackingNumber).toBe("SF1234567890");
  });

  it("two marks at once: one ships, one is refused, one message", async () => {
    const o = await order();
    const results = await Promise.all([
      markShipped(db, shipment(o.orderNo), actor, CUSTOMER_ONLY),
      markShipped(db.another(), shipment(o.orderNo, { trackingNumber: "OTHER1" }), actor, CUSTOMER_ONLY),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ status: 409 })]);
    expect(await db.outboxMessage.count({ where: { orderId: o.id, topic: "order.shipped" } })).toBe(1);
  });

  it("writes the webhook's message too when one is configured", async () => {
    const o = await order();
    await markShipped(db, shipment(o.orderNo), actor, { merchant: true, webhook: true });
    const messages = await db.outboxMessage.findMany({ where: { orderId: o.id }, orderBy: { audience: "asc" } });
    expect(messages.map((m) => [m.topic, m.audience])).toEqual([
      ["order.shipped", "customer"],
      ["order.shipped", "webhook"],
    ]);
  });

  it("refuses bad input, unpaid, refunded and pick-up orders, and changes nothing", async () => {
    const o = await order();
    const bad = await markShipped(
      db,
      shipment(o.orderNo, { trackingNumber: "", trackingUrl: "http://insecure.example/" }),
      actor,
      CUSTOMER_ONLY,
    );
    expect(bad).toMatchObject({
      ok: false,
      status: 422,
      errors: { trackingNumber: expect.any(String), trackingUrl: expect.any(String) },
    });
    for (const [other, error] of [
      [await order("ship", "pending"), "The order is not paid."],
      [await order("ship", "refunded"), /refunded/],
      [await order("pickup"), /pick-up order/],
    ] as const) {
      const refused = await markShipped(db, shipment(other.orderNo), actor, CUSTOMER_ONLY);
      expect(refused).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(error) });
    }
    expect(await markShipped(db, shipment("HG-ZZZZ-ZZZZ"), actor, CUSTOMER_ONLY)).toMatchObject({ status: 404 });
    const ids = (await db.order.findMany({ where: { fulfilment: "unfulfilled" }, select: { id: true } })).map(
      (r) => r.id,
    );
    expect(await db.outboxMessage.count({ where: { orderId: { in: ids } } })).toBe(0);
    expect(await db.auditLog.count({ where: { entity: "order", entityId: { in: ids } } })).toBe(0);
  });

  it("ships a partly refunded order; delivers one refunded in full after it was sent", async () => {
    const partly = await order("ship", "partially_refunded");
    expect(await markShipped(db, shipment(partly.orderNo), actor, CUSTOMER_ONLY)).toMatchObject({ ok: true });
    await db.order.update({ where: { id: partly.id }, data: { status: "refunded" } });
    expect(await markDelivered(db, { orderNo: partly.orderNo }, actor)).toMatchObject({ ok: true });
  });

  it("corrects the tracking without a second message, then delivers", async () => {
    const o = await order();
    await markShipped(db, shipment(o.orderNo, { trackingNumber: "SF12345678", trackingUrl: "" }), actor, CUSTOMER_ONLY);
    const fixed = await updateTracking(db, shipment(o.orderNo, { trackingNumber: "SF87654321" }), actor);
    expect(fixed.ok).toBe(true);
    expect(await db.outboxMessage.count({ where: { orderId: o.id } })).toBe(1);
    expect(await markDelivered(db, { orderNo: o.orderNo }, actor)).toMatchObject({ ok: true });
    expect(await markDelivered(db, { orderNo: o.orderNo }, actor)).toMatchObject({ ok: false, status: 409 });
    expect(await updateTracking(db, shipment(o.orderNo), actor)).toMatchObject({ ok: false, status: 409 });
    const after = await db.order.findUniqueOrThrow({ where: { id: o.id } });
    expect(after).toMatchObject({ fulfilment: "delivered", trackingNumber: "SF87654321" });
    expect(after.deliveredAt).toBeInstanceOf(Date);
    const view = await orderFulfilment(db, o.id);
    expect(view.timeline.map((e) => e.action)).toEqual(["ship", "update_tracking", "deliver"]);
    expect(view.timeline[1]!.changes).toEqual({
      trackingNumber: { from: "SF12345678", to: "SF87654321" },
      trackingUrl: { from: null, to: "https://www.sf-express.com/track/SF1234567890" },
    });
  });

  it("marks a pick-up order collected, once; a delivery order cannot be", async () => {
    const pickup = await order("pickup");
    expect(await markCollected(db, { orderNo: pickup.orderNo.toLowerCase() }, actor)).toMatchObject({ ok: true });
    expect(await markCollected(db, { orderNo: pickup.orderNo }, actor)).toMatchObject({ ok: false, status: 409 });
    expect((await db.order.findUniqueOrThrow({ where: { id: pickup.id } })).fulfilment).toBe("collected");
    const ship = await order();
    expect(await markCollected(db, { orderNo: ship.orderNo }, actor)).toMatchObject({
      ok: false,
      error: /shipped instead/,
    });
    expect(await markCollected(db, { orderNo: "junk" }, actor)).toMatchObject({ ok: false, status: 422 });
  });
});

describe("bulk mark shipped from a CSV", () => {
  it("one unknown order: nothing applied, every row's error reported", async () => {
    const [a, b, shipped, pickup] = [await order(), await order(), await order(), await order("pickup")];
    await markShipped(db, shipment(shipped.orderNo), actor, CUSTOMER_ONLY);
    const csv = [
      "order number,carrier,tracking number,tracking url",
      `${a.orderNo},Hongkong Post,RR123456789HK,https://www.hongkongpost.hk/track/RR123456789HK`,
      `${b.orderNo},SF Express,SF0001`,
      "HG-ZZZZ-ZZZZ,SF Express,SF0002",
      `${shipped.orderNo},SF Express,SF0003`,
      `${pickup.orderNo},SF Express,SF0004`,
      `${b.orderNo},SF Express,SF0005`,
    ].join("\r\n");
    const result = await bulkMarkShipped(db, csv, actor, CUSTOMER_ONLY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/4 of 6 rows cannot be applied, so nothing was marked shipped/);
    expect(result.rows!.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, []],
      [4, ["No order HG-ZZZZ-ZZZZ."]],
      [5, ["The order is already shipped."]],
      [6, ["This is a pick-up order: mark it collected instead."]],
      [7, [`Order ${b.orderNo} is also on line 3.`]],
    ]);
    for (const o of [a, b]) {
      expect((await db.order.findUniqueOrThrow({ where: { id: o.id } })).fulfilment).toBe("unfulfilled");
      expect(await db.outboxMessage.count({ where: { orderId: o.id } })).toBe(0);
      expect(await db.auditLog.count({ where: { entityId: o.id } })).toBe(0);
    }
  });

  it("all rows right: all shipped in one go, each with its audit row and message", async () => {
    const orders = [await order(), await order(), await order()];
    const csv = orders.map((o, i) => `${o.orderNo},SF Express,SF100${i}`).join("\n");
    const result = await bulkMarkShipped(db, csv, actor, CUSTOMER_ONLY);
    expect(result).toMatchObject({ ok: true, shipped: orders.map((o) => ({ orderNo: o.orderNo, orderId: o.id })) });
    for (const [i, o] of orders.entries()) {
      expect(await db.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
        fulfilment: "shipped",
        trackingNumber: `SF100${i}`,
        trackingUrl: null,
      });
      expect(await db.outboxMessage.count({ where: { orderId: o.id, topic: "order.shipped" } })).toBe(1);
      expect(await db.auditLog.count({ where: { entityId: o.id, action: "ship" } })).toBe(1);
    }
    // The same file again: every row already shipped, nothing new written.
    const again = await bulkMarkShipped(db, csv, actor, CUSTOMER_ONLY);
    expect(again).toMatchObject({ ok: false, rows: orders.map(() => ({ errors: ["The order is already shipped."] })) });
    expect(await db.outboxMessage.count({ where: { orderId: { in: orders.map((o) => o.id) } } })).toBe(3);
  });

  it("refuses an unreadable file as a whole", async () => {
    expect(await bulkMarkShipped(db, "", actor, CUSTOMER_ONLY)).toMatchObject({ ok: false, error: /no rows/ });
    expect(await bulkMarkShipped(db, 'HG-AAAA-AAAA,"SF,1', actor, CUSTOMER_ONLY)).toMatchObject({
      ok: false,
      error: /quote/,
    });
  });

  it("lists the queue: paid delivery orders to ship, oldest paid first, and pick-ups to hand over", async () => {
    const queue = await fulfilmentQueue(db);
    const toShip = await db.order.findMany({
      where: { status: { in: ["paid", "partially_refunded"] }, delivery: "ship", fulfilment: "unfulfilled" },
      orderBy: [{ paidAt: "asc" }, { id: "asc" }],
      select: { orderNo: true },
    });
    expect(queue.toShip.map((o) => o.orderNo)).toEqual(toShip.map((o) => o.orderNo));
    expect(queue.counts.toShip).toBe(toShip.length);
    expect(queue.toCollect.every((o) => o.delivery === "pickup")).toBe(true);
    expect(queue.counts.shipped).toBe(await db.order.count({ where: { fulfilment: "shipped" } }));
  });
});

describe("shipping methods", () => {
  const form = (over: Record<string, string> = {}) => {
    const values: Record<string, string> = {
      code: "sf-express",
      name: "SF Express",
      "name.zh-HK": "順豐速運",
      "name.zh-CN": "顺丰速运",
      description: "Next working day in Hong Kong.",
      "description.zh-HK": "全港翌日送達。",
      kind: "ship",
      currency: "HKD",
      active: "on",
      position: "1",
      "rate.hk.flat": "35",
      "rate.hk.freeOver": "500.00",
      "rate.mainland.flat": "60.00",
      "rate.mainland.perItem": "10.5",
      ...over,
    };
    return new Map(Object.entries(values));
  };

  it("creates and edits a method with rates in minor units, an audit row for each write", async () => {
    const parsed = parseMethodForm(form());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const created = await createShippingMethod(db, actor, parsed.value);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const [method] = (await listShippingMethods(db)).filter((m) => m.id === created.method.id);
    expect(method!.rates.sort((x, y) => x.zone.localeCompare(y.zone))).toEqual([
      expect.objectContaining({ zone: "hk", flatMinor: 3500, perItemMinor: 0, freeOverMinor: 50000 }),
      expect.objectContaining({ zone: "mainland", flatMinor: 6000, perItemMinor: 1050, freeOverMinor: null }),
    ]);
    expect(method!.translations).toEqual({
      en: { description: "Next working day in Hong Kong." },
      "zh-HK": { name: "順豐速運", description: "全港翌日送達。" },
      "zh-CN": { name: "顺丰速运" },
    });
    expect(methodFormValues(method!)).toMatchObject({
      description: "Next working day in Hong Kong.",
      "description.zh-HK": "全港翌日送達。",
      "description.zh-CN": "",
      "rate.hk.flat": "35.00",
      "rate.hk.perItem": "",
      "rate.hk.freeOver": "500.00",
      "rate.mainland.perItem": "10.50",
    });

    const edit = parseMethodForm(
      form({ "rate.hk.flat": "40", "rate.mainland.flat": "", "rate.mainland.perItem": "", "rate.world.flat": "120" }),
    );
    if (!edit.ok) throw new Error(JSON.stringify(edit.errors));
    const updated = await updateShippingMethod(db, actor, method!.id, edit.value);
    expect(updated.ok).toBe(true);
    const rates = await db.shippingRate.findMany({ where: { methodId: method!.id }, orderBy: { zone: "asc" } });
    expect(rates.map((r) => [r.zone, r.flatMinor])).toEqual([
      ["hk", 4000],
      ["world", 12000],
    ]);
    const audit = await db.auditLog.findMany({
      where: { entity: "shipping_method", entityId: method!.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1]!.changes).toEqual({
      "rate.hk": {
        from: { flatMinor: 3500, perItemMinor: 0, freeOverMinor: 50000 },
        to: { flatMinor: 4000, perItemMinor: 0, freeOverMinor: 50000 },
      },
      "rate.mainland": { from: { flatMinor: 6000, perItemMinor: 1050, freeOverMinor: null }, to: null },
      "rate.world": { from: null, to: { flatMinor: 12000, perItemMinor: 0, freeOverMinor: null } },
    });
    // Saving the same thing again changes nothing and logs nothing.
    await updateShippingMethod(db, actor, method!.id, edit.value);
    expect(await db.auditLog.count({ where: { entity: "shipping_method", entityId: method!.id } })).toBe(2);
  });

  it("answers a message per bad field and a taken code, writing nothing", async () => {
    const bad = parseMethodForm(
      form({
        code: "SF Express!",
        name: "",
        kind: "boat",
        "rate.hk.flat": "-1",
        "rate.mainland.flat": "1.234",
        "rate.world.perItem": "5",
        position: "x",
        "description.zh-CN": "長".repeat(301),
      }),
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        code: expect.stringMatching(/lower-case letters/),
        name: "Required.",
        kind: "Choose delivery or pick-up.",
        position: expect.stringMatching(/whole number/),
        "description.zh-CN": "At most 300 characters (this has 301).",
        "rate.hk.flat": "Cannot be negative.",
        "rate.mainland.flat": expect.stringMatching(/at most 2 decimals/),
        "rate.world.flat": expect.stringMatching(/Give the flat rate/),
      },
    });
    const pickup = parseMethodForm(form({ kind: "pickup", code: "shop-pickup" }));
    expect(pickup.ok ? null : pickup.errors["rate.hk.flat"]).toMatch(/pick-up method is free/);
    const noRates = parseMethodForm(
      form({ "rate.hk.flat": "", "rate.hk.freeOver": "", "rate.mainland.flat": "", "rate.mainland.perItem": "" }),
    );
    expect(noRates.ok ? null : noRates.errors.rates).toMatch(/at least one zone/);
    const yen = parseMethodForm(form({ currency: "JPY", "rate.hk.flat": "35.5" }));
    expect(yen.ok ? null : yen.errors["rate.hk.flat"]).toMatch(/Whole JPY/);

    const before = await db.auditLog.count();
    const taken = parseMethodForm(form());
    if (!taken.ok) throw new Error("valid form");
    expect(await createShippingMethod(db, actor, taken.value)).toEqual({
      ok: false,
      status: 409,
      errors: { code: "Another shipping method already uses this code." },
    });
    const other = parseMethodForm(form({ code: "hk-post", name: "Hongkong Post" }));
    if (!other.ok) throw new Error("valid form");
    const created = await createShippingMethod(db, actor, other.value);
    if (!created.ok) throw new Error("created");
    expect(await updateShippingMethod(db, actor, created.method.id, taken.value)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await updateShippingMethod(db, actor, "nosuchmethod", other.value)).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await db.auditLog.count()).toBe(before + 1);
  });
});
