// Every UI string exists in every language, with the same placeholders.
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import zhHK from "@/messages/zh-HK.json";
import { locales } from "@/lib/i18n/locale";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** ICU argument names used in a message: {name}, {count, plural, …}. */
function placeholders(message: string): string[] {
  return [
    ...new Set(
      [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:\}|,\s*(?:plural|select|selectordinal|number|date|time)\b)/g)].map(
        (m) => m[1]!,
      ),
    ),
  ].sort();
}

const files: Record<string, Tree> = { en, "zh-HK": zhHK, "zh-CN": zhCN };

describe("message files", () => {
  const reference = flatten(en);

  it("exist for every supported locale", () => {
    expect(Object.keys(files).sort()).toEqual([...locales].sort());
  });

  for (const [locale, tree] of Object.entries(files)) {
    it(`${locale} has exactly the English keys, non-empty, with the same placeholders`, () => {
      const messages = flatten(tree);
      expect([...messages.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of messages) {
        expect(text.trim(), key).not.toBe("");
        expect(placeholders(text), key).toEqual(placeholders(reference.get(key)!));
      }
    });
  }

  it("every sandbox page's marking says SANDBOX in every language", () => {
    for (const [locale, tree] of Object.entries(files)) {
      const messages = flatten(tree);
      for (const key of ["sandbox.banner", "sandbox.metaTitle", "sandbox.returning.bar", "qr.sandboxMark"])
        expect(messages.get(key), `${locale} ${key}`).toContain("SANDBOX");
    }
  });

  it("Traditional and Simplified Chinese are really different texts", () => {
    expect(flatten(zhHK).get("nav.cart")).toBe("購物車");
    expect(flatten(zhCN).get("nav.cart")).toBe("购物车");
  });
});
