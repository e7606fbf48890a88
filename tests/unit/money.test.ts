import { describe, it, expect } from "vitest";
import {
  DEFAULT_MAX_RATE_BP,
  MAX_AMOUNT_YUAN,
  bpToPercentInput,
  formatBp,
  formatWanNumber,
  formatYuan,
  formatYuanAsWan,
  parsePercentToBp,
  parseWanToYuan,
  yuanToWanInput,
} from "~/domain/money";

describe("parseWanToYuan", () => {
  it.each([
    ["300", 3_000_000],
    ["35.5", 355_000],
    ["0.0001", 1],
    ["0", 0],
    ["1", 10_000],
    ["1.5", 15_000],
    ["12.3456", 123_456],
    ["007", 70_000],
    ["1.0000", 10_000],
  ])("%s 万元 → %i 元", (input, yuan) => {
    expect(parseWanToYuan(input)).toBe(yuan);
  });

  it("is exact where binary floating point is not", () => {
    // 1.005 * 10000 = 10049.999999999998 in floating point.
    expect(parseWanToYuan("1.005")).toBe(10_050);
    // 0.1 + 0.2 style: 0.3 万 must be 3000, not 2999.9999…
    expect(parseWanToYuan("0.3")).toBe(3_000);
    expect(parseWanToYuan("0.7")).toBe(7_000);
    expect(parseWanToYuan("4.35")).toBe(43_500);
    expect(parseWanToYuan("1.1")).toBe(11_000);
    expect(parseWanToYuan("9007.1993")).toBe(90_071_993);
  });

  it("accepts correct thousands separators", () => {
    expect(parseWanToYuan("1,000")).toBe(10_000_000);
    expect(parseWanToYuan("12,345.5")).toBe(123_455_000);
    expect(parseWanToYuan("100,000")).toBe(1_000_000_000);
  });

  it("rejects misplaced separators", () => {
    for (const input of ["1,00", "1,0000", ",100", "100,", "1,,000", "1.000,5", "1 000"]) {
      expect([input, parseWanToYuan(input)]).toEqual([input, null]);
    }
  });

  it("accepts full-width digits, comma and point, and surrounding spaces", () => {
    expect(parseWanToYuan("３５．５")).toBe(355_000);
    expect(parseWanToYuan("１，０００")).toBe(10_000_000);
    expect(parseWanToYuan("  35.5\t")).toBe(355_000);
    expect(parseWanToYuan("　300　")).toBe(3_000_000);
  });

  it.each([
    [""],
    ["   "],
    ["-1"],
    ["-0"],
    ["+5"],
    ["NaN"],
    ["Infinity"],
    ["1e5"],
    ["1E5"],
    ["0x10"],
    ["."],
    [".5"],
    ["5."],
    ["1.2.3"],
    ["abc"],
    ["35.5万"],
    ["¥300"],
    ["0.00001"],
    ["1.00000"],
    ["1" + "0".repeat(100)],
  ])("rejects %j", (input) => {
    expect(parseWanToYuan(input)).toBeNull();
  });

  it("rejects non-strings from loose callers", () => {
    expect(parseWanToYuan(undefined as unknown as string)).toBeNull();
    expect(parseWanToYuan(35 as unknown as string)).toBeNull();
  });

  it("caps at MAX_AMOUNT_YUAN = 20 亿元 by default", () => {
    expect(MAX_AMOUNT_YUAN).toBe(2_000_000_000);
    expect(parseWanToYuan("200000")).toBe(2_000_000_000);
    expect(parseWanToYuan("199999.9999")).toBe(1_999_999_999);
    expect(parseWanToYuan("200000.0001")).toBeNull();
    expect(parseWanToYuan("200001")).toBeNull();
  });

  it("takes a caller's max, but never above Number.MAX_SAFE_INTEGER", () => {
    expect(parseWanToYuan("500", { max: 5_000_000 })).toBe(5_000_000);
    expect(parseWanToYuan("500.0001", { max: 5_000_000 })).toBeNull();
    const safe = { max: Number.MAX_SAFE_INTEGER };
    // MAX_SAFE_INTEGER = 9007199254740991 元 = 900719925474.0991 万元
    expect(parseWanToYuan("900719925474.0991", safe)).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseWanToYuan("900719925474.0992", safe)).toBeNull();
    expect(parseWanToYuan("900719925474.0992", { max: Number.MAX_SAFE_INTEGER * 2 })).toBeNull();
  });
});

describe("parsePercentToBp", () => {
  it.each([
    ["4.35", 435],
    ["3.1", 310],
    ["3", 300],
    ["0", 0],
    ["0.01", 1],
    ["36", 3600],
    ["4.35%", 435],
    ["4.35 %", 435],
    ["４．３５％", 435],
    [" 3.45 ", 345],
  ])("%j → %i bp", (input, bp) => {
    expect(parsePercentToBp(input)).toBe(bp);
  });

  it("is exact for values that are inexact in binary (0.29 * 100 = 28.999…)", () => {
    expect(parsePercentToBp("0.29")).toBe(29);
    expect(parsePercentToBp("4.10")).toBe(410);
    expect(parsePercentToBp("1.15")).toBe(115);
  });

  it.each([
    [""],
    ["%"],
    ["-1"],
    ["4.355"],
    ["36.01"],
    ["37"],
    ["1e1"],
    ["NaN"],
    ["4,35"],
    ["1,000"],
    ["4.35%%"],
    ["abc"],
  ])("rejects %j", (input) => {
    expect(parsePercentToBp(input)).toBeNull();
  });

  it("defaults to a 36% ceiling and takes a caller's ceiling in bp", () => {
    expect(DEFAULT_MAX_RATE_BP).toBe(3600);
    expect(parsePercentToBp("24", { maxBp: 2400 })).toBe(2400);
    expect(parsePercentToBp("24.01", { maxBp: 2400 })).toBeNull();
    expect(parsePercentToBp("100", { maxBp: 10_000 })).toBe(10_000);
  });
});

describe("formatYuan", () => {
  it("shows whole yuan with grouping and ¥", () => {
    expect(formatYuan(1_234_567, "zh-CN")).toBe("¥1,234,567");
    expect(formatYuan(1_234_567, "en")).toBe("¥1,234,567");
    expect(formatYuan(0, "zh-CN")).toBe("¥0");
    expect(formatYuan(-1_234, "zh-CN")).toBe("-¥1,234");
  });

  it("throws on fractional yuan, which never exist in storage", () => {
    expect(() => formatYuan(1.5, "zh-CN")).toThrow(RangeError);
    expect(() => formatYuan(Number.NaN, "en")).toThrow(RangeError);
  });
});

describe("formatYuanAsWan", () => {
  it.each([
    [355_000, "35.5 万元"],
    [3_000_000, "300 万元"],
    [1, "0.0001 万元"],
    [0, "0 万元"],
    [12_000_000, "1,200 万元"],
    [123_456_789, "12,345.6789 万元"],
    [2_000_000_000, "200,000 万元"],
    [10_050, "1.005 万元"],
  ])("zh-CN: %i 元 → %s", (yuan, text) => {
    expect(formatYuanAsWan(yuan, "zh-CN")).toBe(text);
  });

  it("English shows whole yuan", () => {
    expect(formatYuanAsWan(355_000, "en")).toBe("¥355,000");
    expect(formatYuanAsWan(1, "en")).toBe("¥1");
  });

  it("does not round: 9007199254740991 元 keeps every digit", () => {
    expect(formatYuanAsWan(Number.MAX_SAFE_INTEGER, "zh-CN")).toBe("900,719,925,474.0991 万元");
  });
});

describe("formatWanNumber, yuanToWanInput and bpToPercentInput", () => {
  it("formatWanNumber is the number alone", () => {
    expect(formatWanNumber(123_456_789, "zh-CN")).toBe("12,345.6789");
    expect(formatWanNumber(355_000, "en")).toBe("35.5");
  });

  it("round-trip with the parsers", () => {
    for (const yuan of [0, 1, 9_999, 10_000, 10_050, 355_000, 123_456_789, MAX_AMOUNT_YUAN]) {
      expect(parseWanToYuan(yuanToWanInput(yuan))).toBe(yuan);
    }
    for (const bp of [0, 1, 10, 99, 310, 435, 3600]) {
      expect(parsePercentToBp(bpToPercentInput(bp))).toBe(bp);
    }
    expect(yuanToWanInput(355_000)).toBe("35.5");
    expect(bpToPercentInput(300)).toBe("3");
  });
});

describe("formatBp", () => {
  it.each([
    [435, "4.35%"],
    [300, "3.00%"],
    [310, "3.10%"],
    [5, "0.05%"],
    [0, "0.00%"],
    [3600, "36.00%"],
    [-10, "-0.10%"],
    [-125, "-1.25%"],
  ])("%i bp → %s", (bp, text) => {
    expect(formatBp(bp)).toBe(text);
  });

  it("throws on fractional bp", () => {
    expect(() => formatBp(4.5)).toThrow(RangeError);
  });
});
