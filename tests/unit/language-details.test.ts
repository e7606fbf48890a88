import { describe, expect, it } from "vitest";

import { objectableRecords } from "~/domain/credit-records";
import { isDisplayMode } from "~/domain/display-mode";
import { formatList, LIST_SEPARATOR } from "~/i18n/list-format";

describe("list separators by locale", () => {
  it("joins with 、 in Chinese and a comma in English", () => {
    expect(formatList("zh-CN", ["信用贷", "抵押"])).toBe("信用贷、抵押");
    expect(formatList("en", ["Credit", "Mortgage"])).toBe("Credit, Mortgage");
    expect(formatList("en", [])).toBe("");
    expect(formatList("zh-CN", ["一"])).toBe("一");
    expect(LIST_SEPARATOR).toEqual({ "zh-CN": "、", en: ", " });
  });
});

describe("credit record summaries go through the catalogue", () => {
  const sources = [
    {
      source: "penalties",
      data: {
        items: [
          {
            decisionNo: "郑东罚〔2026〕12号",
            authority: "郑东新区市场监管局",
            decidedOn: "2026-03-01",
            reason: "未按时年报",
            amount: 2000,
          },
        ],
      },
    },
    { source: "tax", data: { year: 2025, grade: "A" } },
    { source: "socialInsurance", data: { insuredEmployees: 12, arrearsMonths: 0 } },
    { source: "utilities", data: { waterArrears: 0, powerArrears: 15, gasArrears: 0 } },
    { source: "judicial", data: { enforcementCases: 1 } },
    { source: "publicRating", data: { grade: "B" } },
    {
      source: "licenses",
      data: {
        items: [
          { name: "食品经营许可证", licenseNo: "JY141", authority: "市场监管局", validTo: "2028-01-01" },
        ],
      },
    },
    {
      source: "dishonestyList",
      data: {
        items: [
          { listName: "失信被执行人", authority: "郑州中院", listedOn: "2026-02-02", reason: "未履行" },
        ],
      },
    },
  ];

  it("Chinese by default, as filed objections store them", () => {
    const summaries = objectableRecords(sources).map((r) => r.recordSummary);
    expect(summaries).toEqual([
      "郑东罚〔2026〕12号 2026-03-01 郑东新区市场监管局：未按时年报，罚款2000元",
      "2025 纳税信用等级 A",
      "参保 12 人，欠缴 0 个月",
      "欠费：水 0 元，电 15 元，气 0 元",
      "被执行案件 1 件",
      "公共信用综合评价 B",
      "食品经营许可证 JY141（市场监管局，至2028-01-01）",
      "2026-02-02 郑州中院：失信被执行人（未履行）",
    ]);
  });

  it("in English for an English page, with the same keys", () => {
    const zh = objectableRecords(sources, "zh-CN");
    const en = objectableRecords(sources, "en");
    expect(en.map((r) => r.recordKey)).toEqual(zh.map((r) => r.recordKey));
    const summaries = en.map((r) => r.recordSummary);
    expect(summaries[1]).toBe("2025 tax credit grade A");
    expect(summaries[2]).toBe("12 insured employees, 0 months in arrears");
    expect(summaries[4]).toBe("1 enforcement cases");
    // no Chinese wording of our own is left (the record's own data stays as the platform sent it)
    expect(summaries.slice(1, 6).join(" ")).not.toMatch(/[\u4e00-\u9fff]/);
    expect(summaries[0]).toContain("fined CNY 2000");
  });
});

describe("display modes", () => {
  it("knows the standard and the 长辈/大字 mode and nothing else", () => {
    expect(isDisplayMode("standard")).toBe(true);
    expect(isDisplayMode("elder")).toBe(true);
    expect(isDisplayMode("large")).toBe(false);
    expect(isDisplayMode(null)).toBe(false);
  });
});
