// The back office's product and category forms, read on the server (pure).
import { describe, expect, it } from "vitest";
import { categoryFormValues, parseCategoryForm, parseProductForm, productFormValues } from "@/lib/catalog/admin/input";
import { CURRENCIES } from "@/lib/money";

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};
const good = {
  slug: "silk-fan",
  name: "Silk fan",
  description: "Hand-painted.",
  price: "228.00",
  currency: "HKD",
  active: "on",
};

describe("parseProductForm", () => {
  it("reads a good form: minor units, trimmed copy, translations only where given, untracked when stock is empty", () => {
    const parsed = parseProductForm(
      form({ ...good, name: "  Silk fan  ", "name.zh-HK": "絲綢扇", stock: "", categories: ["c1", "c1", "c2"] }),
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        slug: "silk-fan",
        name: "Silk fan",
        description: "Hand-painted.",
        translations: { "zh-HK": { name: "絲綢扇" } },
        priceMinor: 22800,
        currency: "HKD",
        stockOnHand: null,
        categoryIds: ["c1", "c2"],
        active: true,
      },
    });
  });

  it("follows each currency's exponent", () => {
    const price = (price: string, currency: string) => {
      const parsed = parseProductForm(form({ ...good, price, currency }));
      return parsed.ok ? parsed.value.priceMinor : parsed.errors.price;
    };
    expect(price("1200", "JPY")).toBe(1200);
    expect(price("1200.5", "JPY")).toMatch(/Whole JPY only/);
    expect(price("1.234", "KWD")).toBe(1234);
    expect(price("1.2345", "KWD")).toMatch(/at most 3 decimals, e\.g\. 168\.000/);
    expect(price("12.5", "HKD")).toBe(1250);
    expect(price("1,200.00", "HKD")).toBe(120000);
    expect(price("21474836.48", "HKD")).toMatch(/At most 21474836\.47 HKD/);
  });

  it("names every bad field at once", () => {
    const parsed = parseProductForm(
      form({
        slug: "Silk Fan",
        name: "x".repeat(121),
        price: "-1",
        currency: "hdk",
        stock: "-2",
        "name.zh-CN": "a\u0007",
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      slug: expect.stringMatching(/lower-case letters/),
      name: "At most 120 characters (this has 121).",
      description: "Required.",
      "name.zh-CN": "Contains a control character.",
      currency: expect.stringMatching(/^Choose one of HKD, CNY/),
      price: "The price cannot be negative.",
      stock: "Stock cannot be negative.",
    });
  });

  it("offers exactly lib/money.ts's currencies", () => {
    for (const currency of CURRENCIES) expect(parseProductForm(form({ ...good, currency, price: "1" })).ok).toBe(true);
    expect(parseProductForm(form({ ...good, currency: "BTC" })).ok).toBe(false);
  });

  it("round-trips a stored product through the form's values", () => {
    const stored = {
      slug: "kwd-thing",
      name: "Thing",
      description: "D",
      translations: { "zh-CN": { name: "东西", description: "描述" } },
      priceMinor: 1234,
      currency: "KWD",
      stockAvailable: 3,
      stockReserved: 2,
      active: false,
    };
    const values = productFormValues(stored);
    expect(values).toMatchObject({ price: "1.234", stock: "5", active: "", "name.zh-CN": "东西", "name.zh-HK": "" });
    const parsed = parseProductForm(form(values));
    expect(parsed.ok && parsed.value).toMatchObject({ priceMinor: 1234, stockOnHand: 5, active: false });
  });
});

describe("parseCategoryForm", () => {
  it("reads and round-trips a category", () => {
    const parsed = parseCategoryForm(form({ slug: "tea", name: "Tea", "name.zh-HK": "茶品", active: "on" }));
    expect(parsed).toEqual({
      ok: true,
      value: { slug: "tea", name: "Tea", translations: { "zh-HK": { name: "茶品" } }, active: true },
    });
    expect(categoryFormValues({ ...(parsed.ok ? parsed.value : ({} as never)) })).toMatchObject({
      "name.zh-HK": "茶品",
    });
    expect(parseCategoryForm(form({ slug: "", name: "" }))).toEqual({
      ok: false,
      errors: { slug: "Required.", name: "Required." },
    });
  });
});
