import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, MoneyError, sumMinor, toMajorString } from "@/lib/money";

describe("currencyExponent", () => {
  it("knows the minor unit of each currency", () => {
    expect(currencyExponent("HKD")).toBe(2);
    expect(currencyExponent("CNY")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
    // ISO 4217 says 2 even where CLDR displays none.
    expect(currencyExponent("TWD")).toBe(2);
  });
  it("refuses unknown codes and junk (Intl would format any three letters)", () => {
    expect(() => currencyExponent("HDK")).toThrow(/Unsupported currency/);
    expect(() => currencyExponent("hkd")).toThrow(MoneyError);
    expect(() => currencyExponent("HKDX")).toThrow(MoneyError);
  });
});

describe("toMajorString", () => {
  it("writes exact decimals from integer minor units", () => {
    expect(toMajorString(16800, "HKD")).toBe("168.00");
    expect(toMajorString(1, "HKD")).toBe("0.01");
    expect(toMajorString(0, "CNY")).toBe("0.00");
    expect(toMajorString(-250, "HKD")).toBe("-2.50");
    expect(toMajorString(500, "JPY")).toBe("500");
    expect(toMajorString(1234, "KWD")).toBe("1.234");
    expect(toMajorString(Number.MAX_SAFE_INTEGER, "HKD")).toBe("90071992547409.91");
  });
  it("refuses fractional or unsafe amounts", () => {
    expect(() => toMajorString(12.5, "HKD")).toThrow(MoneyError);
    expect(() => toMajorString(Number.NaN, "HKD")).toThrow(MoneyError);
    expect(() => toMajorString(2 ** 53, "HKD")).toThrow(MoneyError);
  });
});

describe("formatMoney", () => {
  it("formats in the customer's locale", () => {
    expect(formatMoney(16800, "HKD", "en")).toBe("HK$168.00");
    expect(formatMoney(16800, "HKD", "zh-HK")).toBe("HK$168.00");
    expect(formatMoney(123456789, "HKD", "en")).toBe("HK$1,234,567.89");
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
    expect(formatMoney(9900, "CNY", "zh-CN")).toBe("¥99.00");
  });
  it("keeps the currency's digits even for whole amounts", () => {
    expect(formatMoney(100, "HKD", "en")).toBe("HK$1.00");
  });
});

describe("sumMinor", () => {
  it("adds integer amounts and refuses anything else", () => {
    expect(sumMinor([16800, 12800, 1])).toBe(29601);
    expect(sumMinor([])).toBe(0);
    expect(() => sumMinor([1, 0.5])).toThrow(MoneyError);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyError);
  });
});
