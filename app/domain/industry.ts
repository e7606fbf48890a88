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

export const DIVISIONS: readonly Division[] = [
  { section: "A", code: "01", zh: "农业", en: "Agriculture" },
  { section: "A", code: "02", zh: "林业", en: "Forestry" },
  { section: "A", code: "03", zh: "畜牧业", en: "Animal husbandry" },
  { section: "A", code: "04", zh: "渔业", en: "Fishery" },
  {
    section: "A",
    code: "05",
    zh: "农、林、牧、渔专业及辅助性活动",
    en: "Support activities for agriculture, forestry, animal husbandry and fishery",
  },
  { section: "B", code: "06", zh: "煤炭开采和洗选业", en: "Coal mining and washing" },
  { section: "B", code: "07", zh: "石油和天然气开采业", en: "Oil and natural gas extraction" },
  { section: "B", code: "08", zh: "黑色金属矿采选业", en: "Mining and processing of ferrous metal ores" },
  { section: "B", code: "09", zh: "有色金属矿采选业", en: "Mining and processing of non-ferrous metal ores" },
  { section: "B", code: "10", zh: "非金属矿采选业", en: "Mining and processing of non-metal ores" },
  { section: "B", code: "11", zh: "开采专业及辅助性活动", en: "Mining support activities" },
  { section: "B", code: "12", zh: "其他采矿业", en: "Other mining" },
  {
    section: "C",
    code: "13",
    zh: "农副食品加工业",
    en: "Processing of agricultural and sideline food products",
  },
  { section: "C", code: "14", zh: "食品制造业", en: "Food manufacturing" },
  {
    section: "C",
    code: "15",
    zh: "酒、饮料和精制茶制造业",
    en: "Manufacture of liquor, beverages and refined tea",
  },
  { section: "C", code: "16", zh: "烟草制品业", en: "Tobacco products" },
  { section: "C", code: "17", zh: "纺织业", en: "Textiles" },
  { section: "C", code: "18", zh: "纺织服装、服饰业", en: "Textile garments and apparel" },
  {
    section: "C",
    code: "19",
    zh: "皮革、毛皮、羽毛及其制品和制鞋业",
    en: "Leather, fur, feather and related products; footwear",
  },
  {
    section: "C",
    code: "20",
    zh: "木材加工和木、竹、藤、棕、草制品业",
    en: "Timber processing; wood, bamboo, rattan, palm and straw products",
  },
  { section: "C", code: "21", zh: "家具制造业", en: "Furniture manufacturing" },
  { section: "C", code: "22", zh: "造纸和纸制品业", en: "Paper and paper products" },
  {
    section: "C",
    code: "23",
    zh: "印刷和记录媒介复制业",
    en: "Printing and reproduction of recording media",
  },
  {
    section: "C",
    code: "24",
    zh: "文教、工美、体育和娱乐用品制造业",
    en: "Cultural, educational, arts and crafts, sports and entertainment goods",
  },
  {
    section: "C",
    code: "25",
    zh: "石油、煤炭及其他燃料加工业",
    en: "Processing of petroleum, coal and other fuels",
  },
  {
    section: "C",
    code: "26",
    zh: "化学原料和化学制品制造业",
    en: "Chemical raw materials and chemical products",
  },
  { section: "C", code: "27", zh: "医药制造业", en: "Pharmaceuticals" },
  { section: "C", code: "28", zh: "化学纤维制造业", en: "Chemical fibres" },
  { section: "C", code: "29", zh: "橡胶和塑料制品业", en: "Rubber and plastic products" },
  { section: "C", code: "30", zh: "非金属矿物制品业", en: "Non-metallic mineral products" },
  { section: "C", code: "31", zh: "黑色金属冶炼和压延加工业", en: "Smelting and pressing of ferrous metals" },
  {
    section: "C",
    code: "32",
    zh: "有色金属冶炼和压延加工业",
    en: "Smelting and pressing of non-ferrous metals",
  },
  { section: "C", code: "33", zh: "金属制品业", en: "Metal products" },
  { section: "C", code: "34", zh: "通用设备制造业", en: "General-purpose machinery" },
  { section: "C", code: "35", zh: "专用设备制造业", en: "Special-purpose machinery" },
  { section: "C", code: "36", zh: "汽车制造业", en: "Motor vehicles" },
  {
    section: "C",
    code: "37",
    zh: "铁路、船舶、航空航天和其他运输设备制造业",
    en: "Railway, ship, aerospace and other transport equipment",
  },
  { section: "C", code: "38", zh: "电气机械和器材制造业", en: "Electrical machinery and equipment" },
  {
    section: "C",
    code: "39",
    zh: "计算机、通信和其他电子设备制造业",
    en: "Computers, communication and other electronic equipment",
  },
  { section: "C", code: "40", zh: "仪器仪表制造业", en: "Instruments and meters" },
  { section: "C", code: "41", zh: "其他制造业", en: "Other manufacturing" },
  { section: "C", code: "42", zh: "废弃资源综合利用业", en: "Recycling of waste resources" },
  {
    section: "C",
    code: "43",
    zh: "金属制品、机械和设备修理业",
    en: "Repair of metal products, machinery and equipment",
  },
  {
    section: "D",
    code: "44",
    zh: "电力、热力生产和供应业",
    en: "Electricity and heat production and supply",
  },
  { section: "D", code: "45", zh: "燃气生产和供应业", en: "Gas production and supply" },
  { section: "D", code: "46", zh: "水的生产和供应业", en: "Water production and supply" },
  { section: "E", code: "47", zh: "房屋建筑业", en: "Building construction" },
  { section: "E", code: "48", zh: "土木工程建筑业", en: "Civil engineering" },
  { section: "E", code: "49", zh: "建筑安装业", en: "Construction installation" },
  {
    section: "E",
    code: "50",
    zh: "建筑装饰、装修和其他建筑业",
    en: "Building decoration, renovation and other construction",
  },
  { section: "F", code: "51", zh: "批发业", en: "Wholesale trade" },
  { section: "F", code: "52", zh: "零售业", en: "Retail trade" },
  { section: "G", code: "53", zh: "铁路运输业", en: "Railway transport" },
  { section: "G", code: "54", zh: "道路运输业", en: "Road transport" },
  { section: "G", code: "55", zh: "水上运输业", en: "Water transport" },
  { section: "G", code: "56", zh: "航空运输业", en: "Air transport" },
  { section: "G", code: "57", zh: "管道运输业", en: "Pipeline transport" },
  { section: "G", code: "58", zh: "多式联运和运输代理业", en: "Multimodal transport and transport agency" },
  { section: "G", code: "59", zh: "装卸搬运和仓储业", en: "Loading, unloading and warehousing" },
  { section: "G", code: "60", zh: "邮政业", en: "Postal services" },
  { section: "H", code: "61", zh: "住宿业", en: "Accommodation" },
  { section: "H", code: "62", zh: "餐饮业", en: "Catering" },
  {
    section: "I",
    code: "63",
    zh: "电信、广播电视和卫星传输服务",
    en: "Telecommunications, broadcasting and satellite transmission services",
  },
  { section: "I", code: "64", zh: "互联网和相关服务", en: "Internet and related services" },
  {
    section: "I",
    code: "65",
    zh: "软件和信息技术服务业",
    en: "Software and information technology services",
  },
  { section: "J", code: "66", zh: "货币金融服务", en: "Monetary and financial services" },
  { section: "J", code: "67", zh: "资本市场服务", en: "Capital market services" },
  { section: "J", code: "68", zh: "保险业", en: "Insurance" },
  { section: "J", code: "69", zh: "其他金融业", en: "Other financial services" },
  { section: "K", code: "70", zh: "房地产业", en: "Real estate" },
  { section: "L", code: "71", zh: "租赁业", en: "Leasing" },
  { section: "L", code: "72", zh: "商务服务业", en: "Business services" },
  { section: "M", code: "73", zh: "研究和试验发展", en: "Research and experimental development" },
  { section: "M", code: "74", zh: "专业技术服务业", en: "Professional technical services" },
  {
    section: "M",
    code: "75",
    zh: "科技推广和应用服务业",
    en: "Technology promotion and application services",
  },
  { section: "N", code: "76", zh: "水利管理业", en: "Water conservancy management" },
  {
    section: "N",
    code: "77",
    zh: "生态保护和环境治理业",
    en: "Ecological protection and environmental management",
  },
  { section: "N", code: "78", zh: "公共设施管理业", en: "Public facilities management" },
  { section: "N", code: "79", zh: "土地管理业", en: "Land management" },
  { section: "O", code: "80", zh: "居民服务业", en: "Resident services" },
  {
    section: "O",
    code: "81",
    zh: "机动车、电子产品和日用产品修理业",
    en: "Repair of motor vehicles, electronics and household goods",
  },
  { section: "O", code: "82", zh: "其他服务业", en: "Other services" },
  { section: "P", code: "83", zh: "教育", en: "Education" },
  { section: "Q", code: "84", zh: "卫生", en: "Health" },
  { section: "Q", code: "85", zh: "社会工作", en: "Social work" },
  { section: "R", code: "86", zh: "新闻和出版业", en: "News and publishing" },
  {
    section: "R",
    code: "87",
    zh: "广播、电视、电影和录音制作业",
    en: "Radio, television, film and sound recording production",
  },
  { section: "R", code: "88", zh: "文化艺术业", en: "Culture and arts" },
  { section: "R", code: "89", zh: "体育", en: "Sports" },
  { section: "R", code: "90", zh: "娱乐业", en: "Entertainment" },
  { section: "S", code: "91", zh: "中国共产党机关", en: "Organs of the Communist Party of China" },
  { section: "S", code: "92", zh: "国家机构", en: "State organs" },
  { section: "S", code: "93", zh: "人民政协、民主党派", en: "CPPCC and democratic parties" },
  { section: "S", code: "94", zh: "社会保障", en: "Social security" },
  {
    section: "S",
    code: "95",
    zh: "群众团体、社会团体和其他成员组织",
    en: "Mass organisations, social groups and other membership organisations",
  },
  {
    section: "S",
    code: "96",
    zh: "基层群众自治组织及其他组织",
    en: "Grassroots self-governing organisations and other organisations",
  },
  { section: "T", code: "97", zh: "国际组织", en: "International organisations" },
];

/** The four-digit classes of division 70 that the K rule sets need. */
export const REAL_ESTATE_CLASSES: readonly Division[] = [
  { section: "K", code: "7010", zh: "房地产开发经营", en: "Real estate development and operation" },
  { section: "K", code: "7020", zh: "物业管理", en: "Property management" },
  { section: "K", code: "7030", zh: "房地产中介服务", en: "Real estate agency services" },
  { section: "K", code: "7040", zh: "房地产租赁经营", en: "Real estate leasing" },
  { section: "K", code: "7090", zh: "其他房地产业", en: "Other real estate activities" },
];

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
