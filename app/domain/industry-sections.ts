/**
 * The 20 sections (门类, A–T) of GB/T 4754-2017, apart from the 97 divisions (industry.ts) so
 * that a page that only names or filters by section does not download every division.
 */

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

export const SECTIONS: readonly Section[] = [
  { code: "A", zh: "农、林、牧、渔业", en: "Agriculture, forestry, animal husbandry and fishery" },
  { code: "B", zh: "采矿业", en: "Mining" },
  { code: "C", zh: "制造业", en: "Manufacturing" },
  {
    code: "D",
    zh: "电力、热力、燃气及水生产和供应业",
    en: "Electricity, heat, gas and water production and supply",
  },
  { code: "E", zh: "建筑业", en: "Construction" },
  { code: "F", zh: "批发和零售业", en: "Wholesale and retail trade" },
  { code: "G", zh: "交通运输、仓储和邮政业", en: "Transport, storage and postal services" },
  { code: "H", zh: "住宿和餐饮业", en: "Accommodation and catering" },
  {
    code: "I",
    zh: "信息传输、软件和信息技术服务业",
    en: "Information transmission, software and information technology services",
  },
  { code: "J", zh: "金融业", en: "Finance" },
  { code: "K", zh: "房地产业", en: "Real estate" },
  { code: "L", zh: "租赁和商务服务业", en: "Leasing and business services" },
  { code: "M", zh: "科学研究和技术服务业", en: "Scientific research and technical services" },
  {
    code: "N",
    zh: "水利、环境和公共设施管理业",
    en: "Water conservancy, environment and public facilities management",
  },
  { code: "O", zh: "居民服务、修理和其他服务业", en: "Resident services, repair and other services" },
  { code: "P", zh: "教育", en: "Education" },
  { code: "Q", zh: "卫生和社会工作", en: "Health and social work" },
  { code: "R", zh: "文化、体育和娱乐业", en: "Culture, sports and entertainment" },
  {
    code: "S",
    zh: "公共管理、社会保障和社会组织",
    en: "Public administration, social security and social organisations",
  },
  { code: "T", zh: "国际组织", en: "International organisations" },
];

export function isSectionCode(value: string): value is SectionCode {
  return (SECTION_CODES as readonly string[]).includes(value);
}

export function findSection(code: string): Section | undefined {
  return SECTIONS.find((s) => s.code === code);
}
