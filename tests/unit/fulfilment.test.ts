// Fulfilment's pure core: the state machine, the shipment's fields, the bulk CSV's per-row errors.
import { describe, expect, it } from "vitest";
import { checkRows } from "@/lib/fulfilment/actions";
import { csvRecords, MAX_CSV_ROWS, parseShipment, parseShipmentsCsv } from "@/lib/fulfilment/input";
import { availableActions, check, customerFulfilment, type OrderFacts } from "@/lib/fulfilment/state";

const paidShip: OrderFacts = { status: "paid", delivery: "ship", fulfilment: "unfulfilled" };
const paidPickup: OrderFacts = { status: "paid", delivery: "pickup", fulfilment: "unfulfilled" };

describe("the fulfilment state machine", () => {
  it("ships a paid delivery order, then delivers it", () => {
    expect(check(paidShip, "ship")).toMatchObject({ ok: true, move: { from: "unfulfilled", to: "shipped" } });
    expect(check({ ...paidShip, fulfilment: "shipped" }, "deliver")).toMatchObject({
      ok: true,
      move: { to: "delivered" },
    });
    expect(availableActions(paidShip)).toEqual(["ship"]);
    expect(availableActions({ ...paidShip, fulfilment: "shipped" })).toEqual(["deliver", "update_tracking"]);
    expect(availableActions({ ...paidShip, fulfilment: "delivered" })).toEqual([]);
  });

  it("collects a paid pick-up order, and never ships it", () => {
    expect(check(paidPickup, "collect")).toMatchObject({ ok: true, move: { to: "collected" } });
    expect(check(paidPickup, "ship")).toEqual({ ok: false, reason: "pickup_order" });
    expect(check(paidShip, "collect")).toEqual({ ok: false, reason: "ship_order" });
    expect(availableActions(paidPickup)).toEqual(["collect"]);
    expect(availableActions({ ...paidPickup, fulfilment: "collected" })).toEqual([]);
  });

  it("sends only goods still owed: paid or partly refunded; never unpaid or fully refunded orders", () => {
    for (const status of ["pending", "failed", "expired"] as const) {
      expect(check({ ...paidShip, status }, "ship")).toEqual({ ok: false, reason: "not_paid" });
      expect(availableActions({ ...paidPickup, status })).toEqual([]);
    }
    expect(check({ ...paidShip, status: "refunded" }, "ship")).toEqual({ ok: false, reason: "fully_refunded" });
    expect(availableActions({ ...paidPickup, status: "refunded" })).toEqual([]);
    expect(availableActions({ ...paidShip, status: "partially_refunded" })).toEqual(["ship"]);
    expect(availableActions({ ...paidPickup, status: "partially_refunded" })).toEqual(["collect"]);
  });

  it("a parcel on its way is delivered whatever was refunded since", () => {
    for (const status of ["paid", "partially_refunded", "refunded"] as const)
      expect(availableActions({ ...paidShip, status, fulfilment: "shipped" })).toEqual(["deliver", "update_tracking"]);
  });

  it("refuses a second shipment and a delivery before the shipment", () => {
    expect(check({ ...paidShip, fulfilment: "shipped" }, "ship")).toEqual({ ok: false, reason: "already_done" });
    expect(check(paidShip, "deliver")).toEqual({ ok: false, reason: "not_yet_shipped" });
    expect(check(paidShip, "update_tracking")).toEqual({ ok: false, reason: "not_yet_shipped" });
    expect(check({ ...paidShip, fulfilment: "delivered" }, "update_tracking")).toEqual({
      ok: false,
      reason: "already_done",
    });
  });

  it("tells the customer what stage the order is at", () => {
    expect(customerFulfilment(paidShip)).toBe("preparing");
    expect(customerFulfilment(paidPickup)).toBe("ready_for_pickup");
    expect(customerFulfilment({ ...paidShip, fulfilment: "shipped" })).toBe("shipped");
    expect(customerFulfilment({ ...paidShip, status: "partially_refunded", fulfilment: "shipped" })).toBe("shipped");
    expect(customerFulfilment({ ...paidShip, fulfilment: "delivered" })).toBe("delivered");
    expect(customerFulfilment({ ...paidPickup, fulfilment: "collected" })).toBe("collected");
    expect(customerFulfilment({ ...paidShip, status: "partially_refunded" })).toBe("preparing");
    expect(customerFulfilment({ ...paidShip, status: "pending" })).toBeNull();
    expect(customerFulfilment({ ...paidShip, status: "refunded" })).toBeNull();
  });
});

describe("a shipment's fields", () => {
  const good = { orderNo: "hg-7k3m-q9tx", carrier: " Hongkong Post ", trackingNumber: "RR123456789HK" };

  it("accepts a carrier, a tracking number and an optional https link", () => {
    expect(parseShipment(good)).toEqual({
      ok: true,
      value: { orderNo: "HG-7K3M-Q9TX", carrier: "Hongkong Post", trackingNumber: "RR123456789HK", trackingUrl: null },
    });
    const withUrl = parseShipment({ ...good, trackingUrl: "https://www.hongkongpost.hk/track?n=RR123" });
    expect(withUrl.ok && withUrl.value.trackingUrl).toBe("https://www.hongkongpost.hk/track?n=RR123");
    expect(parseShipment({ ...good, trackingNumber: "SF 1234-5678" }).ok).toBe(true);
  });

  it("answers a message per field", () => {
    const bad = parseShipment({
      orderNo: "12345",
      carrier: "x".repeat(61),
      trackingNumber: "RR12<script>",
      trackingUrl: "http://track.example/1",
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.orderNo).toMatch(/order number/);
    expect(bad.errors.carrier).toMatch(/at most 60/);
    expect(bad.errors.trackingNumber).toMatch(/letters, digits, spaces and -/);
    expect(bad.errors.trackingUrl).toMatch(/https/);
    const missing = parseShipment({ orderNo: "HG-7K3M-Q9TX", carrier: "  ", trackingNumber: "" });
    expect(missing.ok ? {} : missing.errors).toEqual({
      carrier: "The carrier is required.",
      trackingNumber: "The tracking number is required.",
    });
    for (const url of ["javascript:alert(1)", "https://user:pw@track.example/", "https://localhost/x", "track.example"])
      expect(parseShipment({ ...good, trackingUrl: url }).ok, url).toBe(false);
    expect(parseShipment({ ...good, trackingNumber: "1".repeat(61) }).ok).toBe(false);
    expect(parseShipment({ ...good, carrier: 42 }).ok).toBe(false);
  });
});

describe("the bulk CSV", () => {
  it("reads quotes, CRLF, a BOM, tabs and semicolons", () => {
    expect(csvRecords('\uFEFFa,"b, c",d\r\n\r\n"e ""q""",f,g\n')).toEqual([
      { line: 1, cells: ["a", "b, c", "d"] },
      { line: 3, cells: ['e "q"', "f", "g"] },
    ]);
    expect(csvRecords("a\tb\tc")).toEqual([{ line: 1, cells: ["a", "b", "c"] }]);
    expect(csvRecords("a;b;c")).toEqual([{ line: 1, cells: ["a", "b", "c"] }]);
    expect(csvRecords('a,"open')).toBeNull();
  });

  it("takes rows with or without a header, and finds each row's problems", () => {
    const csv = [
      "order_no,carrier,tracking_number,tracking_url",
      "HG-AAAA-AAAA,SF Express,SF1234567890,https://www.sf-express.com/track/SF1234567890",
      "hg-bbbb-bbbb,Hongkong Post,RR1",
      "HG-AAAA-AAAA,SF Express,SF999",
      "nonsense,SF,1",
      "HG-CCCC-CCCC,SF",
      "HG-DDDD-DDDD,SF,bad/number,http://x.example",
    ].join("\n");
    const parsed = parseShipmentsCsv(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.line, r.orderNo, r.errors.length])).toEqual([
      [2, "HG-AAAA-AAAA", 0],
      [3, "HG-BBBB-BBBB", 0],
      [4, "HG-AAAA-AAAA", 1],
      [5, "NONSENSE", 1],
      [6, "HG-CCCC-CCCC", 1],
      [7, "HG-DDDD-DDDD", 2],
    ]);
    expect(parsed.rows[0]!.shipment?.trackingUrl).toBe("https://www.sf-express.com/track/SF1234567890");
    expect(parsed.rows[2]!.errors[0]).toBe("Order HG-AAAA-AAAA is also on line 2.");
    expect(parsed.rows[2]!.shipment).toBeNull();
    expect(parsed.rows[3]!.errors[0]).toMatch(/Not an order number/);
    expect(parsed.rows[4]!.errors[0]).toMatch(/Expected order number, carrier, tracking number/);
    expect(parsed.rows[5]!.errors.join(" ")).toMatch(/tracking number has letters.*https/);
    const noHeader = parseShipmentsCsv("HG-AAAA-AAAA,SF,1");
    expect(noHeader.ok && noHeader.rows.length).toBe(1);
  });

  it("refuses an empty or too large file as a whole", () => {
    expect(parseShipmentsCsv(" \n\n")).toMatchObject({ ok: false, error: expect.stringMatching(/no rows/) });
    expect(parseShipmentsCsv("order,carrier,tracking\n")).toMatchObject({ ok: false });
    const many = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `HG-AAAA-${String(i).padStart(4, "0")},SF,${i}`);
    expect(parseShipmentsCsv(many.join("\n"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 500/),
    });
  });

  it("checks each row against its order: unknown, not paid, pick-up, already shipped", () => {
    const parsed = parseShipmentsCsv(
      [
        "HG-AAAA-AAAA,SF,1",
        "HG-BBBB-BBBB,SF,2",
        "HG-CCCC-CCCC,SF,3",
        "HG-DDDD-DDDD,SF,4",
        "HG-EEEE-EEEE,SF,5",
        "HG-FFFF-FFFF,SF,6",
      ].join("\n"),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const orders = new Map<string, OrderFacts>([
      ["HG-AAAA-AAAA", paidShip],
      ["HG-BBBB-BBBB", { ...paidShip, status: "pending" }],
      ["HG-CCCC-CCCC", paidPickup],
      ["HG-DDDD-DDDD", { ...paidShip, fulfilment: "shipped" }],
      ["HG-FFFF-FFFF", { ...paidShip, status: "refunded" }],
    ]);
    const rows = checkRows(parsed.rows, orders);
    expect(rows.map((r) => r.errors)).toEqual([
      [],
      ["The order is not paid."],
      ["This is a pick-up order: mark it collected instead."],
      ["The order is already shipped."],
      ["No order HG-EEEE-EEEE."],
      ["The order has been refunded in full: there is nothing to send."],
    ]);
    expect(rows[0]!.shipment).not.toBeNull();
    expect(rows.slice(1).every((r) => r.shipment === null)).toBe(true);
  });
});
