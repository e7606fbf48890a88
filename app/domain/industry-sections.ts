/**
 * The 20 sections (门类, A–T) of GB/T 4754-2017, apart from the 97 divisions (industry.ts) so
 * that a page that only names or filters by section does not download every division.
 */
import sectionRows from "./industry-sections.json";

export const SECTION_CODES = [
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
  "G",
  "H",
  "I",
  "J",
  "K",
  "L",
  "M",
  "N",
  "O",
  "P",
  "Q",
  "R",
  "S",
  "T",
] as const;

export type SectionCode = (typeof SECTION_CODES)[number];

export interface IndustryName {
  code: string;
  zh: string;
  en: string;
}

export interface Section extends IndustryName {
  code: SectionCode;
}

// The names are data (industry-sections.json); the codes above are their type, and the unit test
// holds the two in step.
export const SECTIONS = sectionRows as readonly Section[];

export function isSectionCode(value: string): value is SectionCode {
  return (SECTION_CODES as readonly string[]).includes(value);
}

export function findSection(code: string): Section | undefined {
  return SECTIONS.find((s) => s.code === code);
}
