/**
 * Industries: GB/T 4754-2017 国民经济行业分类 — 20 sections (门类, A–T) and
 * 97 divisions (大类, 01–97) — and the mapping to the 企业划型 rule sets of
 * 工信部联企业〔2011〕300号 (see enterprise-size.ts).
 *
 * The size rules split four sections more finely than the section itself:
 * F (批发 / 零售), G (交通运输 / 仓储 / 邮政), I (信息传输 / 软件) and K
 * (房地产开发经营 / 物业管理 / the rest). For F, G and I the two-digit division
 * is enough. For K there is only one division (70), so the firm picks a
 * four-digit class (小类) instead: 7010 房地产开发经营, 7020 物业管理,
 * 7030 房地产中介服务, 7040 房地产租赁经营, 7090 其他房地产业.
 * `sizeDivisionOptions` lists exactly what the form should offer, and the
 * stored "division" of a K firm is that four-digit code.
 */

import industryRows from "./industry-divisions.json";
import { isSectionCode, type IndustryName, type SectionCode } from "./industry-sections";

export {
  SECTION_CODES,
  SECTIONS,
  findSection,
  isSectionCode,
  type IndustryName,
  type Section,
  type SectionCode,
} from "./industry-sections";

export interface Division extends IndustryName {
  section: SectionCode;
}

// The names are data (industry-divisions.json); the unit test checks each division's section
// against the published ranges.
export const DIVISIONS = industryRows.divisions as readonly Division[];

/** The four-digit classes of division 70 that the K rule sets need. */
export const REAL_ESTATE_CLASSES = industryRows.realEstateClasses as readonly Division[];

export const SIZE_RULE_SETS = [
  "AGRICULTURE",
  "INDUSTRY",
  "CONSTRUCTION",
  "WHOLESALE",
  "RETAIL",
  "TRANSPORT",
  "WAREHOUSING",
  "POSTAL",
  "HOSPITALITY",
  "INFO_TRANSMISSION",
  "SOFTWARE_IT",
  "REAL_ESTATE_DEV",
  "PROPERTY_MGMT",
  "LEASING_BUSINESS",
  "OTHER",
] as const;

export type SizeRuleSet = (typeof SIZE_RULE_SETS)[number];

/**
 * Rule set of the sections whose section alone decides it; every other
 * section without a division split (J, M–T) is 其他未列明行业. 300号 does not
 * cover 金融业 (J) at all; OTHER is the closest the portal can do.
 */
const SECTION_RULE_SET: Partial<Record<SectionCode, SizeRuleSet>> = {
  A: "AGRICULTURE",
  B: "INDUSTRY",
  C: "INDUSTRY",
  D: "INDUSTRY",
  E: "CONSTRUCTION",
  H: "HOSPITALITY",
  L: "LEASING_BUSINESS",
};

/**
 * Rule set by division (or K class) for the sections that need one.
 * G53 railways are listed as TRANSPORT although 300号 says "交通运输业（不含铁路运输业）";
 * K classes other than 7010/7020 fall under 其他未列明行业.
 */
const DIVISION_RULE_SET: Record<string, SizeRuleSet> = {
  "51": "WHOLESALE",
  "52": "RETAIL",
  "53": "TRANSPORT",
  "54": "TRANSPORT",
  "55": "TRANSPORT",
  "56": "TRANSPORT",
  "57": "TRANSPORT",
  "58": "TRANSPORT",
  "59": "WAREHOUSING",
  "60": "POSTAL",
  "63": "INFO_TRANSMISSION",
  "64": "INFO_TRANSMISSION",
  "65": "SOFTWARE_IT",
  "7010": "REAL_ESTATE_DEV",
  "7020": "PROPERTY_MGMT",
  "7030": "OTHER",
  "7040": "OTHER",
  "7090": "OTHER",
};

const SECTIONS_NEEDING_DIVISION: ReadonlySet<SectionCode> = new Set(["F", "G", "I", "K"]);

/** A two-digit division, or one of the K classes (7010…7090). */
export function findDivision(code: string): Division | undefined {
  return DIVISIONS.find((d) => d.code === code) ?? REAL_ESTATE_CLASSES.find((d) => d.code === code);
}

export function divisionsOf(section: SectionCode): Division[] {
  return DIVISIONS.filter((d) => d.section === section);
}

/** True for F, G, I and K: the section alone cannot pick a size rule set. */
export function sectionNeedsDivision(section: SectionCode): boolean {
  return SECTIONS_NEEDING_DIVISION.has(section);
}

/**
 * The choices the registration form offers after the section, when the size
 * rules need one: the divisions of F, G and I, the classes of K; [] otherwise.
 */
export function sizeDivisionOptions(section: SectionCode): Division[] {
  if (!sectionNeedsDivision(section)) return [];
  return section === "K" ? [...REAL_ESTATE_CLASSES] : divisionsOf(section);
}

/**
 * The 企业划型 rule set for a section and (where needed) division, or null
 * when the section needs a division and none (or one from another section)
 * was given. A division given for a section that does not need one must
 * still belong to that section.
 */
export function sizeRuleSetFor(section: SectionCode, division?: string | null): SizeRuleSet | null {
  if (!isSectionCode(section)) return null;
  const found = division ? findDivision(division) : undefined;
  if (division && found?.section !== section) return null;

  if (sectionNeedsDivision(section)) {
    if (!found) return null;
    return DIVISION_RULE_SET[found.code] ?? null;
  }
  return SECTION_RULE_SET[section] ?? "OTHER";
}
