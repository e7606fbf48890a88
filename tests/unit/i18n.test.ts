import { describe, expect, it } from "vitest";

import { en } from "~/i18n/en";
import { localeFromAcceptLanguage } from "~/i18n/locales";
import { interpolate, translate } from "~/i18n/translate";
import { zhCN } from "~/i18n/zh-CN";

function leaves(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  const zh = leaves(zhCN);
  const english = leaves(en);

  it("English has every Chinese key and no other", () => {
    const missing = [...zh.keys()].filter((key) => !english.has(key));
    const extra = [...english.keys()].filter((key) => !zh.has(key));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it("every Chinese string is filled in", () => {
    const empty = [...zh.entries()].filter(([, value]) => value.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("both languages use the same placeholders", () => {
    const mismatched = [...zh.entries()]
      .filter(([key, value]) => placeholders(value).join() !== placeholders(english.get(key) ?? "").join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(interpolate("共 {count} 款 {x}", { count: 3 })).toBe("共 3 款 {x}");
  });

  it("looks up nested keys in each language", () => {
    expect(translate("zh-CN", "common.nav.login")).toBe("登录");
    expect(translate("en", "common.nav.login")).toBe("Sign in");
    expect(translate("en", "products.count", { count: 7 })).toBe("7 products");
  });

  it("finds keys that contain dots themselves (notification kinds)", () => {
    expect(
      translate("zh-CN", "notifications.kinds.whitelist.BATCH", { batch: "2026年第3批", count: 5 }),
    ).toBe("经济发展局发布了白名单批次 2026年第3批，共 5 家企业");
    expect(
      translate("en", "notifications.kinds.application.APPROVED", { number: "XYD-1", product: "P" }),
    ).toBe("Your application XYD-1 (P) was approved");
  });

  it("returns the key itself for a key no catalogue has", () => {
    expect(translate("en", "no.such.key")).toBe("no.such.key");
  });
});

describe("Accept-Language", () => {
  it.each([
    [null, "zh-CN"],
    ["", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["zh-TW,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["fr-FR,en;q=0.5,zh;q=0.8", "zh-CN"],
    ["fr-FR,en;q=0.8,zh;q=0.5", "en"],
    ["de-DE", "zh-CN"],
    ["en;q=0", "zh-CN"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
