import { describe, expect, it } from "vitest";

import {
  csvField,
  exportValue,
  formatCell,
  formatPermille,
  neutraliseFormula,
  pageOf,
  parseTableSort,
  reasonRows,
  sortRows,
  tableRow,
  toCsv,
} from "~/domain/indicator-table";
import type { IndicatorValues } from "~/domain/indicators";
import { indicators as en } from "~/i18n/en/indicators.server";
import { indicators as zh } from "~/i18n/zh-CN/indicators.server";

/** A group's figures: zero everywhere unless given. */
function values(overrides: Partial<IndicatorValues> = {}): IndicatorValues {
  return {
    registeredFirms: 0,
    newFirms: 0,
    authorisingFirms: 0,
    demands: 0,
    demandYuan: 0,
    applications: 0,
    responseDue: 0,
    responseWithinSla: 0,
    responseWithinSlaPermille: null,
    responded: 0,
    avgResponseDays: null,
    approved: 0,
    rejected: 0,
    approvalRatePermille: null,
    disbursedCount: 0,
    disbursedYuan: 0,
    creditYuan: 0,
    creditSharePermille: null,
    firstTimeBorrowers: 0,
    weightedRateBp: null,
    spreadBp: null,
    timeToMoney: { calendarMedian: null, calendarP90: null, workingMedian: null, workingP90: null },
    whitelistedFirms: 0,
    convertedFirms: 0,
    whitelistConversionPermille: null,
    rejectionReasons: {
      INSUFFICIENT_CREDIT_HISTORY: 0,
      HIGH_LEVERAGE: 0,
      NO_COLLATERAL: 0,
      OUTSIDE_PRODUCT_POLICY: 0,
      DISHONESTY_LIST: 0,
      INCOMPLETE_MATERIALS: 0,
      FIRM_DECLINED: 0,
      OTHER: 0,
    },
    inclusiveYuan: 0,
    inclusiveSharePermille: null,
    activeLoans: 0,
    outstandingYuan: 0,
    overdueYuan: 0,
    overdueRatioPermille: null,
    nplYuan: 0,
    nplRatioPermille: null,
    renewals: 0,
    renewalYuan: 0,
    withoutRepaymentRenewals: 0,
    withoutRepaymentYuan: 0,
    newLendingYuan: 0,
    alertsDue: 0,
    lateAlertAcks: 0,
    ...overrides,
  };
}

const bankRow = (overrides: Partial<IndicatorValues> = {}) =>
  values({
    registeredFirms: null,
    newFirms: null,
    authorisingFirms: null,
    demands: null,
    demandYuan: null,
    whitelistedFirms: null,
    convertedFirms: null,
    ...overrides,
  });

describe("table rows", () => {
  it("takes each column's figure, late first responses being due minus on time", () => {
    const row = tableRow(
      "b1",
      "甲银行",
      values({
        applications: 7,
        responseDue: 5,
        responseWithinSla: 3,
        approvalRatePermille: 667,
        spreadBp: -15,
      }),
    );
    expect(row.cells.applications).toEqual({ value: 7 });
    expect(row.cells.lateResponses).toEqual({ value: 2 });
    expect(row.cells.approvalRate).toEqual({ value: 667 });
    expect(row.cells.spread).toEqual({ value: -15 });
  });

  it("says why a figure is missing: not kept for a bank row, or nothing to divide by", () => {
    const bank = tableRow("b1", "甲银行", bankRow());
    expect(bank.cells.registeredFirms).toEqual({ value: null, reason: "notApplicable" });
    expect(bank.cells.whitelistConversion).toEqual({ value: null, reason: "notApplicable" });
    expect(bank.cells.approvalRate).toEqual({ value: null, reason: "noBase" });
    const district = tableRow("total", "合计", values({ whitelistedFirms: 0 }));
    expect(district.cells.whitelistConversion).toEqual({ value: null, reason: "noBase" });
  });
});

describe("sorting and paging the league table", () => {
  const rows = [
    tableRow("a", "甲", bankRow({ applications: 3, approvalRatePermille: 500 })),
    tableRow("b", "乙", bankRow({ applications: 9, approvalRatePermille: null })),
    tableRow("c", "丙", bankRow({ applications: 3, approvalRatePermille: 800 })),
  ];
  const keys = (sorted: { key: string }[]) => sorted.map((row) => row.key);

  it("sorts by a column either way, ties by label", () => {
    expect(keys(sortRows(rows, { key: "applications", dir: "desc" }))).toEqual(["b", "c", "a"]);
    // 丙 (U+4E19) sorts before 甲 (U+7532) by code point
    expect(keys(sortRows(rows, { key: "applications", dir: "asc" }))).toEqual(["c", "a", "b"]);
  });

  it("puts rows without the figure last in both directions", () => {
    expect(keys(sortRows(rows, { key: "approvalRate", dir: "desc" }))).toEqual(["c", "a", "b"]);
    expect(keys(sortRows(rows, { key: "approvalRate", dir: "asc" }))).toEqual(["a", "c", "b"]);
  });

  it("reads the sort from the URL and falls back on unknown columns", () => {
    const fallback = { key: "applications", dir: "desc" } as const;
    expect(
      parseTableSort(new URLSearchParams("sort=approvalRate&dir=asc"), ["approvalRate"], fallback),
    ).toEqual({
      key: "approvalRate",
      dir: "asc",
    });
    expect(parseTableSort(new URLSearchParams("sort=drop&dir=sideways"), ["approvalRate"], fallback)).toEqual(
      fallback,
    );
    expect(parseTableSort(new URLSearchParams("sort=label"), [], fallback)).toEqual({
      key: "label",
      dir: "desc",
    });
  });

  it("pages 45 rows by 20: pages 1–3, out-of-range pages clamp", () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(items, 1, 20)).toEqual({ rows: items.slice(0, 20), page: 1, pages: 3 });
    expect(pageOf(items, 3, 20).rows).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(items, 99, 20).page).toBe(3);
    expect(pageOf(items, -2, 20).page).toBe(1);
    expect(pageOf(items, Number.NaN, 20).page).toBe(1);
    expect(pageOf([], 1, 20)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});

describe("rejection reason mix", () => {
  it("lists every reason with its share of all rejections, rounded half up", () => {
    const rows = reasonRows({ ...values().rejectionReasons, HIGH_LEVERAGE: 1, NO_COLLATERAL: 2, OTHER: 5 });
    expect(rows).toHaveLength(8);
    // 1/8 = 125‰, 2/8 = 250‰, 5/8 = 625‰
    expect(rows.find((r) => r.reason === "HIGH_LEVERAGE")).toEqual({
      reason: "HIGH_LEVERAGE",
      count: 1,
      sharePermille: 125,
    });
    expect(rows.find((r) => r.reason === "OTHER")?.sharePermille).toBe(625);
    expect(rows.find((r) => r.reason === "FIRM_DECLINED")?.sharePermille).toBe(0);
    expect(reasonRows(values().rejectionReasons).every((r) => r.sharePermille === null)).toBe(true);
  });
});

describe("formatting", () => {
  it("shows per mille as a percentage with one decimal", () => {
    expect(formatPermille(667)).toBe("66.7%");
    expect(formatPermille(1000)).toBe("100.0%");
    expect(formatPermille(5)).toBe("0.5%");
    expect(formatPermille(0)).toBe("0.0%");
  });

  it("formats money as 万元 in Chinese and yuan in English, rates from basis points", () => {
    expect(formatCell(4_000_000, "yuan", "zh-CN")).toBe("400 万元");
    expect(formatCell(4_000_000, "yuan", "en")).toBe("¥4,000,000");
    expect(formatCell(435, "bp", "zh-CN")).toBe("4.35%");
    expect(formatCell(-15, "bp", "en")).toBe("-0.15%");
    expect(formatCell(12345, "count", "zh-CN")).toBe("12,345");
    expect(formatCell(2.7, "days", "en")).toBe("2.7");
  });

  it("exports plain numbers: whole yuan, percentages, empty for none", () => {
    expect(exportValue(4_000_000, "yuan")).toBe(4_000_000);
    expect(exportValue(667, "permille")).toBe(66.7);
    expect(exportValue(435, "bp")).toBe(4.35);
    expect(exportValue(-15, "bp")).toBe(-0.15);
    expect(exportValue(null, "permille")).toBeNull();
  });
});

describe("CSV", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseFormula("+86")).toBe("'+86");
    expect(neutraliseFormula("-1")).toBe("'-1");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("\tx")).toBe("'\tx");
    expect(neutraliseFormula("郑州银行")).toBe("郑州银行");
  });

  it("quotes fields with commas, quotes, line breaks or edge spaces, and neutralised ones", () => {
    expect(csvField("郑州银行")).toBe("郑州银行");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField("=1+2")).toBe('"\'=1+2"');
    expect(csvField('=A1,"x"')).toBe('"\'=A1,""x"""');
  });

  it("keeps numbers as numbers (a negative spread is not a formula) and null as empty", () => {
    expect(csvField(-0.15)).toBe("-0.15");
    expect(csvField(4_000_000)).toBe("4000000");
    expect(csvField(null)).toBe("");
  });

  it("starts with a byte-order mark and ends lines with CRLF", () => {
    expect(
      toCsv([
        ["银行", "申请笔数"],
        ["甲,乙", 3],
      ]),
    ).toBe('\uFEFF银行,申请笔数\r\n"甲,乙",3\r\n');
  });
});

describe("dashboard texts", () => {
  const leaves = (node: unknown, prefix = ""): [string, string][] =>
    Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
    );
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it("have the same keys and placeholders in both languages, none empty", () => {
    const english = new Map(leaves(en));
    const chinese = leaves(zh);
    expect(chinese.map(([key]) => key).sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of chinese) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(english.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });
});
