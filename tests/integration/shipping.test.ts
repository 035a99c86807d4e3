// Orders with shipping: the method and price read from the database in the order's
// transaction, the snapshot kept on the order, per-field address errors, an unserved zone,
// a tampered price refused with nothing written; and the amounts sent to the sandbox gateway.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import { createScanForPayClient } from "@/lib/scanforpay/client";
import { createGateway, type OrdersDeps } from "@/lib/orders/gateway-wiring";
import { createOrder } from "@/lib/orders/create";
import { startPayment } from "@/lib/orders/payments";
import { storedAddress } from "@/lib/shipping/address";
import { checkoutMethods, methodsServing } from "@/lib/shipping/methods";
import { storedMethod } from "@/lib/shipping/snapshot";
import { findOrderByPartnerOrderNo, describeOrder } from "@/lib/sandbox/customer";
import { seedCatalog } from "@/prisma/seed-catalog";
import { seedShipping } from "@/prisma/seed-shipping";
import { startSandboxServer, startShopServer, type SandboxServer } from "../helpers/sandbox-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
let sandbox: SandboxServer;
let shop: { url: string; close(): Promise<void> };
let deps: OrdersDeps;

beforeAll(async () => {
  db = await createTestDb();
  await seedCatalog(db);
  expect(await seedShipping(db)).toBe(3);
  // Idempotent: a second run adds nothing and changes nothing.
  expect(await seedShipping(db)).toBe(0);
  expect(await seedShipping(db, { ifEmpty: true })).toBe(0);
  sandbox = await startSandboxServer(db);
  shop = await startShopServer(() => deps);
  deps = {
    db,
    gateway: createGateway(db, {
      config: { apiBase: sandbox.apiBase, ...SANDBOX_CREDENTIALS, retryDelayMs: 10, timeoutMs: 2_000 },
      appUrl: shop.url,
      timeoutRule: "30m",
    }),
  };
});
afterAll(async () => {
  await shop?.close();
  await sandbox?.close();
  await db?.close();
});

const hkAddress = {
  recipient: "Chan Tai Man",
  phoneCode: "+852",
  phone: "9123 4567",
  country: "HK",
  region: "Hong Kong Island",
  district: "Wan Chai",
  line1: "Flat 5A, 18 Hennessy Road",
  postcode: "",
};
const fan = { slug: "silk-fan", quantity: 1 }; // HK$228.00
const base = { items: [fan], email: "buyer@example.com" };
const counts = async () => ({ orders: await db.order.count(), items: await db.orderItem.count() });

describe("methods", () => {
  it("offers the methods that serve an address, priced for the cart", async () => {
    const cart = { currency: "HKD", itemCount: 1, itemsMinor: 22800 };
    const hk = await methodsServing(db, "HK", cart, "en");
    expect(hk.map((m) => [m.code, m.priceMinor])).toEqual([
      ["standard", 3000],
      ["sf-next-day", 5000],
      ["pickup", 0],
    ]);
    const us = await methodsServing(db, "US", { ...cart, itemCount: 3 }, "zh-HK");
    expect(us.map((m) => [m.code, m.name, m.priceMinor])).toEqual([
      ["standard", "標準送貨", 15000 + 2 * 2000],
      ["pickup", "到店自取", 0],
    ]);
    // Another currency: no method serves it.
    expect(await methodsServing(db, "HK", { ...cart, currency: "CNY" }, "en")).toEqual([]);
    const all = await checkoutMethods(db, { ...cart, itemsMinor: 50000 }, "en");
    expect(all.find((m) => m.code === "standard")?.prices).toEqual({
      hk: 0,
      macau: 6000,
      mainland: 8000,
      world: 15000,
    });
    expect(all.find((m) => m.code === "sf-next-day")?.prices).toEqual({ hk: 5000 });
  });
});

describe("an order with shipping", () => {
  it("keeps the method, the rate and the address, and charges items + shipping", async () => {
    const order = await createOrder(db, {
      ...base,
      items: [{ slug: "silk-fan", quantity: 2 }],
      shipping: { method: "standard", address: { ...hkAddress, country: "us", postcode: "94103", district: "SF" } },
    });
    expect(order).toMatchObject({ delivery: "ship", shippingMinor: 17000, totalMinor: 2 * 22800 + 17000 });
    expect(storedMethod(order.shippingMethod)).toMatchObject({
      code: "standard",
      name: "Standard delivery",
      names: { "zh-HK": "標準送貨", "zh-CN": "标准配送" },
      kind: "ship",
      zone: "world",
      rate: { zone: "world", flatMinor: 15000, perItemMinor: 2000, freeOverMinor: null },
      priceMinor: 17000,
      currency: "HKD",
    });
    expect(storedAddress(order.shippingAddress)).toMatchObject({
      country: "US",
      postcode: "94103",
      recipient: "Chan Tai Man",
    });
  });

  it("is free over the zone's threshold, and the stored price comes from the rates, not the client", async () => {
    const free = await createOrder(db, {
      ...base,
      items: [{ slug: "silk-fan", quantity: 3 }],
      shipping: { method: "standard", address: hkAddress, expectedMinor: 0 },
    });
    expect(free).toMatchObject({ shippingMinor: 0, totalMinor: 3 * 22800 });
    // The merchant changes the rate: the next order pays the new one, the placed order keeps its snapshot.
    await db.shippingRate.updateMany({
      where: { method: { code: "sf-next-day" }, zone: "hk" },
      data: { flatMinor: 6500 },
    });
    try {
      const order = await createOrder(db, { ...base, shipping: { method: "sf-next-day", address: hkAddress } });
      expect(order).toMatchObject({ shippingMinor: 6500, totalMinor: 22800 + 6500 });
    } finally {
      await db.shippingRate.updateMany({
        where: { method: { code: "sf-next-day" }, zone: "hk" },
        data: { flatMinor: 5000 },
      });
    }
  });

  it("refuses a tampered or outdated price with the current one, and writes nothing", async () => {
    const before = await counts();
    const stockBefore = (await db.product.findUniqueOrThrow({ where: { slug: "silk-fan" } })).stockAvailable;
    for (const expectedMinor of [0, 1, 2999, 3001]) {
      await expect(
        createOrder(db, { ...base, shipping: { method: "standard", address: hkAddress, expectedMinor } }),
      ).rejects.toMatchObject({ code: "shipping_changed", detail: { shippingMinor: 3000 } });
    }
    expect(await counts()).toEqual(before);
    expect((await db.product.findUniqueOrThrow({ where: { slug: "silk-fan" } })).stockAvailable).toBe(stockBefore);
    const ok = await createOrder(db, {
      ...base,
      shipping: { method: "standard", address: hkAddress, expectedMinor: 3000 },
    });
    expect(ok).toMatchObject({ shippingMinor: 3000, totalMinor: 25800 });
  });

  it("refuses an order whose page was priced for another zone (a form without its script), then takes it", async () => {
    const before = await counts();
    const macau = { ...hkAddress, country: "MO", phoneCode: "+853", district: "" };
    await expect(
      createOrder(db, { ...base, shipping: { method: "standard", address: macau, pricedZone: "hk" } }),
    ).rejects.toMatchObject({ code: "shipping_changed", detail: { shippingMinor: 6000 } });
    expect(await counts()).toEqual(before);
    const ok = await createOrder(db, {
      ...base,
      shipping: { method: "standard", address: macau, pricedZone: "macau" },
    });
    expect(ok).toMatchObject({ shippingMinor: 6000, totalMinor: 28800 });
  });

  it("answers a message per address field", async () => {
    const before = await counts();
    await expect(
      createOrder(db, {
        ...base,
        shipping: { method: "standard", address: { ...hkAddress, district: "", phoneCode: "852", recipient: " " } },
      }),
    ).rejects.toMatchObject({
      code: "invalid_address",
      detail: {
        fields: {
          district: expect.stringContaining("district"),
          phoneCode: expect.stringContaining("+"),
          recipient: expect.stringContaining("required"),
        },
      },
    });
    await expect(
      createOrder(db, {
        ...base,
        shipping: { method: "standard", address: { ...hkAddress, country: "CN", region: "", postcode: "12345" } },
      }),
    ).rejects.toMatchObject({
      code: "invalid_address",
      detail: { fields: { region: expect.any(String), postcode: expect.stringContaining("6 digits") } },
    });
    // A method that ships needs an address.
    await expect(createOrder(db, { ...base, shipping: { method: "standard" } })).rejects.toMatchObject({
      code: "invalid_address",
      detail: { fields: { recipient: expect.any(String), line1: expect.any(String) } },
    });
    await expect(
      createOrder(db, { ...base, shipping: { method: "standard", address: "Wan Chai" } }),
    ).rejects.toMatchObject({ code: "invalid_address" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a method that does not serve the address's zone, or does not exist", async () => {
    const before = await counts();
    await expect(
      createOrder(db, { ...base, shipping: { method: "sf-next-day", address: { ...hkAddress, country: "MO" } } }),
    ).rejects.toMatchObject({ code: "shipping_unavailable", message: expect.stringContaining("MO") });
    await expect(
      createOrder(db, { ...base, shipping: { method: "teleport", address: hkAddress } }),
    ).rejects.toMatchObject({ code: "shipping_unavailable" });
    await db.shippingMethod.update({ where: { code: "sf-next-day" }, data: { active: false } });
    try {
      await expect(
        createOrder(db, { ...base, shipping: { method: "sf-next-day", address: hkAddress } }),
      ).rejects.toMatchObject({ code: "shipping_unavailable" });
    } finally {
      await db.shippingMethod.update({ where: { code: "sf-next-day" }, data: { active: true } });
    }
    expect(await counts()).toEqual(before);
  });

  it("picks up in store for free, with no address", async () => {
    const order = await createOrder(db, { ...base, shipping: { method: "pickup" } });
    expect(order).toMatchObject({ delivery: "pickup", shippingMinor: 0, totalMinor: 22800, shippingAddress: null });
    expect(storedMethod(order.shippingMethod)).toMatchObject({
      code: "pickup",
      kind: "pickup",
      zone: null,
      rate: null,
    });
  });

  it("is a pick-up order with no charge when the client names no method (clients from before shipping)", async () => {
    const order = await createOrder(db, base);
    expect(order).toMatchObject({
      delivery: "pickup",
      shippingMinor: 0,
      totalMinor: 22800,
      shippingMethod: null,
      shippingAddress: null,
    });
  });
});

describe("the amounts sent to ScanForPay", () => {
  const requestBody = async (partnerOrderNo: string) => {
    const order = await findOrderByPartnerOrderNo(sandbox.deps, partnerOrderNo);
    return { order: order!, body: JSON.parse(order!.requestText).request.body as Record<string, unknown> };
  };

  it("website and QR code: goodsAmount is the items, goodsExtraAmount the shipping, adding up to orderAmount", async () => {
    const order = await createOrder(db, { ...base, shipping: { method: "sf-next-day", address: hkAddress } });
    for (const method of [
      { wallet: "AlipayHK", flow: "website" },
      { wallet: "Wechat", flow: "qrcode" },
    ] as const) {
      const { payment, error } = await startPayment(deps, order, method);
      expect(error).toBeNull();
      const { order: gatewayOrder, body } = await requestBody(payment.partnerOrderNo);
      expect(body).toMatchObject({ orderAmount: 27800, goodsAmount: 22800, goodsExtraAmount: 5000 });
      expect(gatewayOrder.orderAmount).toBe(27800);
      expect(describeOrder(sandbox.deps, gatewayOrder)).toMatchObject({ goodsAmount: 22800, goodsExtraAmount: 5000 });
    }
  });

  it("JS API: the total alone (API.md lists no goods amounts there)", async () => {
    const order = await createOrder(db, { ...base, shipping: { method: "standard", address: hkAddress } });
    const { payment, error } = await startPayment(deps, order, { wallet: "Wechat", flow: "jsapi" });
    expect(error).toBeNull();
    const { body } = await requestBody(payment.partnerOrderNo);
    expect(body.orderAmount).toBe(25800);
    expect(body).not.toHaveProperty("goodsAmount");
    expect(body).not.toHaveProperty("goodsExtraAmount");
  });

  it("the sandbox refuses goods amounts that do not add up (code 5), and takes those that do", async () => {
    const client = createScanForPayClient({ apiBase: sandbox.apiBase, ...SANDBOX_CREDENTIALS, maxAttempts: 1 });
    const request = (partnerOrderNo: string, amounts: Record<string, number>) =>
      client.createWebsitePayment({
        partnerOrderNo,
        wallet: "AlipayHK",
        currency: "HKD",
        orderAmount: 10000,
        ...amounts,
      });
    const mismatches: Record<string, number>[] = [
      { goodsAmount: 9000, goodsExtraAmount: 500 },
      { goodsAmount: 9000 },
      { goodsExtraAmount: 10001 },
    ];
    for (const [i, amounts] of mismatches.entries()) {
      await expect(request(`SHIPBAD${i}${Date.now()}`, amounts)).rejects.toMatchObject({
        code: 5,
        message: expect.stringContaining("goodsAmount"),
      });
    }
    expect(await db.sandboxOrder.count({ where: { partnerOrderNo: { startsWith: "SHIPBAD" } } })).toBe(0);
    await expect(request(`SHIPOK${Date.now()}`, { goodsAmount: 8000, goodsExtraAmount: 2000 })).resolves.toMatchObject({
      payUrl: expect.stringContaining("/pay/"),
    });
    await expect(request(`SHIPOK2${Date.now()}`, { goodsAmount: 10000 })).resolves.toHaveProperty("payUrl");
  });
});
