/**
 * Reference data the portal starts with (DOMAIN.md): the district's confirmed
 * sub-district offices, the banks active in Zhengzhou SME lending, the 1-year LPR
 * history and the bureau's settings. Shared by the seed and the integration tests
 * (`createReferenceData` in ./factories).
 */
import { COMMITMENT_VERSION_DEFAULT, SETTING_DEFAULTS } from "../app/models/settings.server";

export interface SubDistrictSeed {
  code: string;
  name: string;
  nameEn: string;
  kind: "OFFICE" | "TOWN" | "PARK";
}

/** The 8 confirmed offices, in the order the district lists them. */
export const SUB_DISTRICTS: readonly SubDistrictSeed[] = [
  { code: "ruyihu", name: "如意湖街道办事处", nameEn: "Ruyihu Sub-district Office", kind: "OFFICE" },
  { code: "boxuelu", name: "博学路街道办事处", nameEn: "Boxuelu Sub-district Office", kind: "OFFICE" },
  { code: "longzihu", name: "龙子湖街道办事处", nameEn: "Longzihu Sub-district Office", kind: "OFFICE" },
  { code: "shangdulu", name: "商都路街道办事处", nameEn: "Shangdulu Sub-district Office", kind: "OFFICE" },
  { code: "longhu", name: "龙湖办事处", nameEn: "Longhu Office", kind: "OFFICE" },
  { code: "jichenglu", name: "祭城路街道办事处", nameEn: "Jichenglu Sub-district Office", kind: "OFFICE" },
  { code: "jinguanglu", name: "金光路街道办事处", nameEn: "Jinguanglu Sub-district Office", kind: "OFFICE" },
  { code: "baisha", name: "白沙镇", nameEn: "Baisha Town", kind: "TOWN" },
];

export interface BankSeed {
  code: string;
  name: string;
  nameEn: string;
}

export const BANKS: readonly BankSeed[] = [
  { code: "ZZB", name: "郑州银行", nameEn: "Bank of Zhengzhou" },
  { code: "ZZRCB", name: "郑州农商银行", nameEn: "Zhengzhou Rural Commercial Bank" },
  { code: "ZYB", name: "中原银行", nameEn: "Zhongyuan Bank" },
  { code: "CCB", name: "建设银行河南省分行", nameEn: "China Construction Bank, Henan Branch" },
  { code: "ICBC", name: "工商银行河南省分行", nameEn: "ICBC, Henan Branch" },
  { code: "CITIC", name: "中信银行郑州分行", nameEn: "China CITIC Bank, Zhengzhou Branch" },
  { code: "HXB", name: "华夏银行郑州分行", nameEn: "Hua Xia Bank, Zhengzhou Branch" },
  { code: "CEB", name: "光大银行郑州分行", nameEn: "China Everbright Bank, Zhengzhou Branch" },
  { code: "CZB", name: "浙商银行郑州分行", nameEn: "China Zheshang Bank, Zhengzhou Branch" },
  { code: "CIB", name: "兴业银行郑州分行", nameEn: "Industrial Bank, Zhengzhou Branch" },
];

/**
 * 1-year LPR by month it took effect. The LPR is published on the 20th, so each rate
 * is in force from 00:00 Shanghai time on the 20th of its month (`lprEffectiveOn`).
 */
export const LPR_HISTORY: readonly { month: string; rateBp: number }[] = [
  { month: "2019-08", rateBp: 425 },
  { month: "2019-09", rateBp: 420 },
  { month: "2019-11", rateBp: 415 },
  { month: "2020-02", rateBp: 405 },
  { month: "2020-04", rateBp: 385 },
  { month: "2021-12", rateBp: 380 },
  { month: "2022-01", rateBp: 370 },
  { month: "2022-08", rateBp: 365 },
  { month: "2023-06", rateBp: 355 },
  { month: "2023-08", rateBp: 345 },
  { month: "2024-07", rateBp: 335 },
  { month: "2024-10", rateBp: 310 },
  { month: "2025-05", rateBp: 300 },
];

/** 00:00 Asia/Shanghai on the 20th of `month` ("YYYY-MM"). */
export function lprEffectiveOn(month: string): Date {
  return new Date(`${month}-20T00:00:00+08:00`);
}

/** The rate in force at `at` (the newest entry effective on or before it). */
export function lprAt(at: Date): number {
  let rate: number | null = null;
  for (const entry of LPR_HISTORY) {
    if (lprEffectiveOn(entry.month).getTime() <= at.getTime()) rate = entry.rateBp;
  }
  if (rate === null) throw new RangeError(`no LPR in force on ${at.toISOString()}`);
  return rate;
}

/** The bureau's settings as stored in the Setting table (values are strings). */
export const SETTINGS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(SETTING_DEFAULTS).map(([key, value]) => [key, String(value)])),
  "commitment.version": COMMITMENT_VERSION_DEFAULT,
};
