import { describe, expect, it } from "vitest";
import { matchLanguageTag, negotiateLocale, resolveLocale } from "@/lib/i18n/locale";

describe("matchLanguageTag", () => {
  it.each([
    ["en", "en"],
    ["en-GB", "en"],
    ["zh-HK", "zh-HK"],
    ["zh-hk", "zh-HK"],
    ["zh-TW", "zh-HK"],
    ["zh-MO", "zh-HK"],
    ["zh-Hant", "zh-HK"],
    ["zh-Hant-TW", "zh-HK"],
    ["zh_HK", "zh-HK"],
    ["zh-CN", "zh-CN"],
    ["zh-Hans", "zh-CN"],
    ["zh-Hans-HK", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh", "zh-CN"],
    ["fr", undefined],
    ["zhx", undefined],
  ])("%s → %s", (tag, expected) => {
    expect(matchLanguageTag(tag)).toBe(expected);
  });
});

describe("negotiateLocale", () => {
  it("takes the first supported language by quality", () => {
    expect(negotiateLocale("zh-HK,zh;q=0.9,en;q=0.8")).toBe("zh-HK");
    expect(negotiateLocale("fr-FR,fr;q=0.9,zh-CN;q=0.8,en;q=0.7")).toBe("zh-CN");
    expect(negotiateLocale("en;q=0.5,zh-TW;q=0.9")).toBe("zh-HK");
    expect(negotiateLocale("de, en-US;q=0.3")).toBe("en");
  });
  it("sends what WeChat and Alipay send to the right place", () => {
    expect(negotiateLocale("zh-cn")).toBe("zh-CN");
    expect(negotiateLocale("zh-HK,zh-Hant;q=0.9")).toBe("zh-HK");
    expect(negotiateLocale("zh-Hans-CN;q=1")).toBe("zh-CN");
  });
  it("defaults to English for nothing, junk or q=0", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
    expect(negotiateLocale("zh-HK;q=0")).toBe("en");
    expect(negotiateLocale(";;;,,,q=")).toBe("en");
  });
});

describe("resolveLocale", () => {
  it("prefers a valid cookie over the header", () => {
    expect(resolveLocale("zh-CN", "zh-HK")).toBe("zh-CN");
    expect(resolveLocale("klingon", "zh-HK")).toBe("zh-HK");
    expect(resolveLocale(undefined, undefined)).toBe("en");
  });
});
