// What the shop says about stock, and how many it lets a customer choose.
import { describe, expect, it } from "vitest";
import { MAX_QUANTITY } from "@/lib/cart/limits";
import {
  LOW_STOCK,
  orderableQuantity,
  QUANTITY_CHOICES,
  quantityChoices,
  shortfall,
  stockLabel,
} from "@/lib/stock/labels";

describe("stockLabel", () => {
  it("says nothing for untracked stock or plenty", () => {
    expect(stockLabel(null)).toBeNull();
    expect(stockLabel(LOW_STOCK + 1)).toBeNull();
    expect(stockLabel(1000)).toBeNull();
  });
  it("says 'low' from LOW_STOCK down to 1, 'sold_out' at 0 or below", () => {
    expect(stockLabel(LOW_STOCK)).toBe("low");
    expect(stockLabel(1)).toBe("low");
    expect(stockLabel(0)).toBe("sold_out");
    expect(stockLabel(-2)).toBe("sold_out");
  });
});

describe("orderableQuantity and shortfall", () => {
  it("is what is left, within the cart's limit", () => {
    expect(orderableQuantity(null)).toBe(MAX_QUANTITY);
    expect(orderableQuantity(3)).toBe(3);
    expect(orderableQuantity(0)).toBe(0);
    expect(orderableQuantity(-1)).toBe(0);
    expect(orderableQuantity(MAX_QUANTITY + 50)).toBe(MAX_QUANTITY);
  });
  it("names what is left only when a line asks for more", () => {
    expect(shortfall(2, null)).toBeNull();
    expect(shortfall(3, 3)).toBeNull();
    expect(shortfall(4, 3)).toBe(3);
    expect(shortfall(1, 0)).toBe(0);
    expect(shortfall(1, -1)).toBe(0);
  });
});

describe("quantityChoices", () => {
  it("offers 1 to what is left, at most QUANTITY_CHOICES", () => {
    expect(quantityChoices(3)).toEqual([1, 2, 3]);
    expect(quantityChoices(1)).toEqual([1]);
    expect(quantityChoices(null)).toHaveLength(QUANTITY_CHOICES);
    expect(quantityChoices(500)).toHaveLength(QUANTITY_CHOICES);
    expect(quantityChoices(null)[0]).toBe(1);
  });
  it("offers nothing when sold out", () => {
    expect(quantityChoices(0)).toEqual([]);
    expect(quantityChoices(-3)).toEqual([]);
  });
});
