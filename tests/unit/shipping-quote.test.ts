import { describe, expect, it } from "vitest";
import { quoteShipping, type QuotableMethod } from "@/lib/shipping/quote";
import { zoneOf } from "@/lib/shipping/address";
import { methodCopy, methodSnapshot, snapshotName, storedMethod } from "@/lib/shipping/snapshot";
import { goodsAmounts } from "@/lib/orders/payments";

const standard: QuotableMethod = {
  kind: "ship",
  currency: "HKD",
  rates: [
    { zone: "hk", flatMinor: 3000, perItemMinor: 0, freeOverMinor: 50000 },
    { zone: "world", flatMinor: 15000, perItemMinor: 2000, freeOverMinor: null },
  ],
};
const cart = { currency: "HKD", itemCount: 1, itemsMinor: 22800 };

describe("quoteShipping", () => {
  it("charges the zone's flat rate plus the per-item surcharge for each unit after the first", () => {
    expect(quoteShipping(standard, { ...cart, zone: "hk" })).toMatchObject({ serves: true, priceMinor: 3000 });
    expect(quoteShipping(standard, { ...cart, zone: "world" })).toMatchObject({ serves: true, priceMinor: 15000 });
    expect(quoteShipping(standard, { ...cart, zone: "world", itemCount: 4 })).toMatchObject({ priceMinor: 21000 });
    expect(quoteShipping(standard, { ...cart, zone: "world", itemCount: 0 })).toMatchObject({ priceMinor: 15000 });
  });

  it("is free from the threshold on (inclusive), never when there is none", () => {
    expect(quoteShipping(standard, { ...cart, zone: "hk", itemsMinor: 49999 })).toMatchObject({ priceMinor: 3000 });
    expect(quoteShipping(standard, { ...cart, zone: "hk", itemsMinor: 50000 })).toMatchObject({ priceMinor: 0 });
    expect(quoteShipping(standard, { ...cart, zone: "world", itemsMinor: 10_000_000 })).toMatchObject({
      priceMinor: 15000,
    });
    const freeAlways: QuotableMethod = {
      ...standard,
      rates: [{ zone: "hk", flatMinor: 3000, perItemMinor: 500, freeOverMinor: 0 }],
    };
    expect(quoteShipping(freeAlways, { ...cart, zone: "hk", itemCount: 5 })).toMatchObject({ priceMinor: 0 });
  });

  it("does not serve a zone without a rate, another currency, or a shipment without an address", () => {
    expect(quoteShipping(standard, { ...cart, zone: "macau" })).toEqual({ serves: false, reason: "zone" });
    expect(quoteShipping(standard, { ...cart, zone: "hk", currency: "CNY" })).toEqual({
      serves: false,
      reason: "currency",
    });
    expect(quoteShipping(standard, { ...cart, zone: "hk", currency: "hkd" })).toMatchObject({ serves: true });
    expect(quoteShipping(standard, { ...cart, zone: null })).toEqual({ serves: false, reason: "no_address" });
  });

  it("picks up in store for free, with or without an address, in its currency only", () => {
    const pickup: QuotableMethod = { kind: "pickup", currency: "HKD", rates: [] };
    expect(quoteShipping(pickup, { ...cart, zone: null, itemCount: 9 })).toEqual({
      serves: true,
      priceMinor: 0,
      rate: null,
    });
    expect(quoteShipping(pickup, { ...cart, zone: "world" })).toMatchObject({ serves: true, priceMinor: 0 });
    expect(quoteShipping(pickup, { ...cart, zone: null, currency: "USD" })).toMatchObject({ serves: false });
  });

  it("uses the zone of the country", () => {
    expect(quoteShipping(standard, { ...cart, zone: zoneOf("us") })).toMatchObject({ priceMinor: 15000 });
    expect(quoteShipping(standard, { ...cart, zone: zoneOf("MO") })).toMatchObject({ serves: false });
  });
});

describe("the method snapshot", () => {
  const method = {
    id: "m1",
    code: "standard",
    name: "Standard delivery",
    kind: "ship" as const,
    currency: "HKD",
    translations: { "zh-HK": { name: "標準送貨", description: "香港郵政" }, en: { description: "Hong Kong Post" } },
  };

  it("keeps the names, zone, rate and price, and reads back only a valid snapshot", () => {
    const snapshot = methodSnapshot(method, "hk", standard.rates[0]!, 3000);
    expect(snapshot).toEqual({
      id: "m1",
      code: "standard",
      name: "Standard delivery",
      names: { "zh-HK": "標準送貨" },
      kind: "ship",
      zone: "hk",
      rate: { zone: "hk", flatMinor: 3000, perItemMinor: 0, freeOverMinor: 50000 },
      priceMinor: 3000,
      currency: "HKD",
    });
    expect(storedMethod(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    expect(storedMethod(null)).toBeNull();
    expect(storedMethod({ code: "x" })).toBeNull();
    expect(snapshotName(snapshot, "zh-HK")).toBe("標準送貨");
    expect(snapshotName(snapshot, "zh-CN")).toBe("Standard delivery");
  });

  it("localizes the name and description, falling back to English; junk translations are ignored", () => {
    expect(methodCopy(method, "zh-HK")).toEqual({ name: "標準送貨", description: "香港郵政" });
    expect(methodCopy(method, "zh-CN")).toEqual({ name: "Standard delivery", description: "Hong Kong Post" });
    expect(methodCopy({ name: "X", translations: "junk" }, "en")).toEqual({ name: "X", description: null });
  });
});

describe("goodsAmounts", () => {
  it("splits an amount into the items and the shipping, always adding up", () => {
    expect(goodsAmounts(27800, 5000)).toEqual({ goodsAmount: 22800, goodsExtraAmount: 5000 });
    expect(goodsAmounts(22800, 0)).toEqual({ goodsAmount: 22800, goodsExtraAmount: 0 });
    expect(goodsAmounts(100, 500)).toEqual({ goodsAmount: 0, goodsExtraAmount: 100 });
  });
});
