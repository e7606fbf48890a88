import { describe, it, expect } from "vitest";
import {
  DIVISIONS,
  REAL_ESTATE_CLASSES,
  SECTIONS,
  SECTION_CODES,
  SIZE_RULE_SETS,
  divisionsOf,
  findDivision,
  findSection,
  isSectionCode,
  sectionNeedsDivision,
  sizeDivisionOptions,
  sizeRuleSetFor,
  type SectionCode,
} from "~/domain/industry";

describe("GB/T 4754-2017 tables", () => {
  it("has the 20 sections A–T in order, each with zh and en names", () => {
    expect(SECTIONS.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
    expect(SECTION_CODES).toHaveLength(20);
    // the codes (the type) and the names (industry-sections.json) are kept in step here
    expect(SECTIONS.map((s) => s.code)).toEqual([...SECTION_CODES]);
    for (const s of SECTIONS) {
      expect(s.zh.length).toBeGreaterThan(0);
      expect(s.en.length).toBeGreaterThan(0);
    }
  });

  it("has the 97 divisions 01–97, each once, in order", () => {
    expect(DIVISIONS).toHaveLength(97);
    DIVISIONS.forEach((d, i) => expect(d.code).toBe(String(i + 1).padStart(2, "0")));
    for (const d of DIVISIONS) {
      expect(d.zh.length).toBeGreaterThan(0);
      expect(d.en.length).toBeGreaterThan(0);
    }
  });

  it("assigns divisions to sections by the published ranges", () => {
    const ranges: Record<SectionCode, [number, number]> = {
      A: [1, 5],
      B: [6, 12],
      C: [13, 43],
      D: [44, 46],
      E: [47, 50],
      F: [51, 52],
      G: [53, 60],
      H: [61, 62],
      I: [63, 65],
      J: [66, 69],
      K: [70, 70],
      L: [71, 72],
      M: [73, 75],
      N: [76, 79],
      O: [80, 82],
      P: [83, 83],
      Q: [84, 85],
      R: [86, 90],
      S: [91, 96],
      T: [97, 97],
    };
    for (const [section, [from, to]] of Object.entries(ranges)) {
      const codes = divisionsOf(section as SectionCode).map((d) => Number(d.code));
      expect(codes[0]).toBe(from);
      expect(codes[codes.length - 1]).toBe(to);
      expect(codes).toHaveLength(to - from + 1);
    }
  });

  it("names the divisions the size rules depend on", () => {
    expect(findDivision("51")?.zh).toBe("批发业");
    expect(findDivision("52")?.zh).toBe("零售业");
    expect(findDivision("59")?.zh).toBe("装卸搬运和仓储业");
    expect(findDivision("60")?.zh).toBe("邮政业");
    expect(findDivision("65")?.zh).toBe("软件和信息技术服务业");
    expect(findDivision("70")?.zh).toBe("房地产业");
    expect(findDivision("7010")?.zh).toBe("房地产开发经营");
    expect(findDivision("7020")?.zh).toBe("物业管理");
  });

  it("looks sections up and rejects unknown codes", () => {
    expect(findSection("K")?.zh).toBe("房地产业");
    expect(findSection("U")).toBeUndefined();
    expect(isSectionCode("A")).toBe(true);
    expect(isSectionCode("a")).toBe(false);
    expect(isSectionCode("")).toBe(false);
    expect(findDivision("98")).toBeUndefined();
    expect(findDivision("1")).toBeUndefined();
  });
});

describe("sectionNeedsDivision", () => {
  it("is true exactly for F, G, I and K", () => {
    const needing = SECTION_CODES.filter(sectionNeedsDivision);
    expect(needing).toEqual(["F", "G", "I", "K"]);
  });
});

describe("sizeDivisionOptions", () => {
  it("offers the divisions of F, G and I", () => {
    expect(sizeDivisionOptions("F").map((d) => d.code)).toEqual(["51", "52"]);
    expect(sizeDivisionOptions("G").map((d) => d.code)).toEqual([
      "53",
      "54",
      "55",
      "56",
      "57",
      "58",
      "59",
      "60",
    ]);
    expect(sizeDivisionOptions("I").map((d) => d.code)).toEqual(["63", "64", "65"]);
  });

  it("offers the four-digit classes of K", () => {
    expect(sizeDivisionOptions("K").map((d) => d.code)).toEqual(["7010", "7020", "7030", "7040", "7090"]);
    expect(REAL_ESTATE_CLASSES.every((c) => c.section === "K")).toBe(true);
  });

  it("offers nothing where the section decides", () => {
    expect(sizeDivisionOptions("C")).toEqual([]);
    expect(sizeDivisionOptions("H")).toEqual([]);
  });
});

describe("sizeRuleSetFor", () => {
  it.each([
    ["A", "AGRICULTURE"],
    ["B", "INDUSTRY"],
    ["C", "INDUSTRY"],
    ["D", "INDUSTRY"],
    ["E", "CONSTRUCTION"],
    ["H", "HOSPITALITY"],
    ["L", "LEASING_BUSINESS"],
    ["J", "OTHER"],
    ["M", "OTHER"],
    ["N", "OTHER"],
    ["O", "OTHER"],
    ["P", "OTHER"],
    ["Q", "OTHER"],
    ["R", "OTHER"],
    ["S", "OTHER"],
    ["T", "OTHER"],
  ] as const)("section %s alone → %s", (section, ruleSet) => {
    expect(sizeRuleSetFor(section)).toBe(ruleSet);
  });

  it.each([
    ["F", "51", "WHOLESALE"],
    ["F", "52", "RETAIL"],
    ["G", "53", "TRANSPORT"],
    ["G", "54", "TRANSPORT"],
    ["G", "55", "TRANSPORT"],
    ["G", "56", "TRANSPORT"],
    ["G", "57", "TRANSPORT"],
    ["G", "58", "TRANSPORT"],
    ["G", "59", "WAREHOUSING"],
    ["G", "60", "POSTAL"],
    ["I", "63", "INFO_TRANSMISSION"],
    ["I", "64", "INFO_TRANSMISSION"],
    ["I", "65", "SOFTWARE_IT"],
    ["K", "7010", "REAL_ESTATE_DEV"],
    ["K", "7020", "PROPERTY_MGMT"],
    ["K", "7030", "OTHER"],
    ["K", "7040", "OTHER"],
    ["K", "7090", "OTHER"],
  ] as const)("section %s division %s → %s", (section, division, ruleSet) => {
    expect(sizeRuleSetFor(section, division)).toBe(ruleSet);
  });

  it("accepts a matching division where the section alone decides", () => {
    expect(sizeRuleSetFor("C", "39")).toBe("INDUSTRY");
    expect(sizeRuleSetFor("B", "06")).toBe("INDUSTRY");
    expect(sizeRuleSetFor("H", "62")).toBe("HOSPITALITY");
    expect(sizeRuleSetFor("M", "73")).toBe("OTHER");
  });

  it("returns null when F, G, I or K come without a division", () => {
    for (const section of ["F", "G", "I", "K"] as const) {
      expect(sizeRuleSetFor(section)).toBeNull();
      expect(sizeRuleSetFor(section, null)).toBeNull();
      expect(sizeRuleSetFor(section, "")).toBeNull();
    }
  });

  it("returns null for K with the bare division 70 (a class is needed)", () => {
    expect(sizeRuleSetFor("K", "70")).toBeNull();
  });

  it("returns null for a division of another section or an unknown one", () => {
    expect(sizeRuleSetFor("F", "53")).toBeNull();
    expect(sizeRuleSetFor("C", "51")).toBeNull();
    expect(sizeRuleSetFor("A", "7010")).toBeNull();
    expect(sizeRuleSetFor("G", "99")).toBeNull();
    expect(sizeRuleSetFor("I", "6")).toBeNull();
  });

  it("returns null for an unknown section passed from untyped input", () => {
    expect(sizeRuleSetFor("Z" as SectionCode)).toBeNull();
  });

  it("reaches every rule set from some section/division", () => {
    const reached = new Set<string>();
    for (const section of SECTION_CODES) {
      const options = sizeDivisionOptions(section);
      if (options.length === 0) reached.add(String(sizeRuleSetFor(section)));
      for (const d of options) reached.add(String(sizeRuleSetFor(section, d.code)));
    }
    expect([...reached].sort()).toEqual([...SIZE_RULE_SETS].sort());
  });
});
