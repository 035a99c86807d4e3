import { describe, expect, it } from "vitest";
import {
  addLine,
  countItems,
  decodeCart,
  encodeCart,
  MAX_LINES,
  MAX_QUANTITY,
  setLineQuantity,
} from "@/lib/cart/cookie";

const secret = "a-test-secret-that-is-long-enough-0123456789";

describe("cart cookie", () => {
  it("round-trips lines", () => {
    const lines = [
      { slug: "silk-fan", quantity: 2 },
      { slug: "paper-lantern", quantity: 1 },
    ];
    expect(decodeCart(encodeCart(lines, secret), secret)).toEqual(lines);
  });

  it("gives an empty cart for anything tampered, truncated or foreign", () => {
    const value = encodeCart([{ slug: "silk-fan", quantity: 2 }], secret);
    const [payload, signature] = value.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify([["silk-fan", 50]])).toString("base64url");
    expect(decodeCart(`${forged}.${signature}`, secret)).toEqual([]);
    expect(decodeCart(`${payload}.${signature.slice(0, -1)}A`, secret)).toEqual([]);
    expect(decodeCart(payload, secret)).toEqual([]);
    expect(decodeCart(value, "another-secret-another-secret-another")).toEqual([]);
    expect(decodeCart(`${value}.x`, secret)).toEqual([]);
    expect(decodeCart("", secret)).toEqual([]);
    expect(decodeCart(undefined, secret)).toEqual([]);
    expect(decodeCart("%%%not-base64%%%.???", secret)).toEqual([]);
    expect(decodeCart("x".repeat(10_000), secret)).toEqual([]);
  });

  it("refuses well-signed but invalid contents", () => {
    // Signed with the right secret but outside the schema: still an empty cart.
    const sign = (raw: unknown) => encodeCart(raw as never, secret);
    expect(decodeCart(sign([{ slug: "UPPER", quantity: 1 }]), secret)).toEqual([]);
    expect(decodeCart(sign([{ slug: "silk-fan", quantity: 0 }]), secret)).toEqual([]);
    expect(decodeCart(sign([{ slug: "silk-fan", quantity: 1.5 }]), secret)).toEqual([]);
    expect(decodeCart(sign([{ slug: "silk-fan", quantity: MAX_QUANTITY + 1 }]), secret)).toEqual([]);
  });

  it("adds, caps, sets and removes lines", () => {
    let lines = addLine([], "silk-fan", 2);
    lines = addLine(lines, "silk-fan", 3);
    lines = addLine(lines, "paper-lantern", 1);
    expect(lines).toEqual([
      { slug: "silk-fan", quantity: 5 },
      { slug: "paper-lantern", quantity: 1 },
    ]);
    expect(countItems(lines)).toBe(6);
    expect(addLine(lines, "silk-fan", 500)[0]).toEqual({ slug: "silk-fan", quantity: MAX_QUANTITY });
    expect(setLineQuantity(lines, "silk-fan", 1)[0]).toEqual({ slug: "silk-fan", quantity: 1 });
    expect(setLineQuantity(lines, "silk-fan", 0)).toEqual([{ slug: "paper-lantern", quantity: 1 }]);
  });

  it("keeps at most MAX_LINES lines", () => {
    let lines = Array.from({ length: MAX_LINES }, (_, i) => ({ slug: `p${i}`, quantity: 1 }));
    lines = addLine(lines, "one-too-many", 1);
    expect(lines).toHaveLength(MAX_LINES);
    expect(decodeCart(encodeCart(lines, secret), secret)).toHaveLength(MAX_LINES);
  });
});
