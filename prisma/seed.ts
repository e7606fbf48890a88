/**
 * Demo data: one year of the district's 信易贷 work, the same on every run.
 *
 *   npx tsx prisma/seed.ts          (DATABASE_URL picks the database; default data/portal.db)
 *
 * Idempotent: a database that already has a user is left alone. Otherwise everything is
 * planned in memory from a seeded PRNG and "now" = the start of the day the seed runs
 * (Asia/Shanghai; ./seed-clock: every date is relative to it, `SEED_TODAY=YYYY-MM-DD` pins it),
 * then written in one transaction with createMany batches, so a crash leaves an empty database
 * and a re-run starts over. Rows are built with the factories the tests use (./factories).
 */
import { performance } from "node:perf_hooks";

import type { Prisma } from "@prisma/client";

import { REFRESH_EVERY_AUTHORISED_UNTIL } from "../app/db/authorised-until";
import { createPrismaClient } from "../app/db.server";
import { seedOutreach } from "./seed-outreach";
import type { ApplicationState, RejectReason } from "../app/domain/application-machine";
import { SIZE_RULES, type EnterpriseSize, type SizeMetric } from "../app/domain/enterprise-size";
import { sizeRuleSetFor, type SectionCode } from "../app/domain/industry";
import { addDays, daysBetween, endOfShanghaiDay, shanghaiDate } from "../app/domain/shanghai-time";
import { issueApiClient } from "../app/models/api-client.server";
import { rebuildGovQueues } from "../app/models/gov-queues.server";
import { rebuildRollups } from "../app/models/indicator-rollup.server";
import { DEMO_API_KEY_ID, DEMO_API_SECRET, DEMO_PASSWORD } from "../app/models/demo";
import { COMMITMENT_VERSION_DEFAULT } from "../app/models/settings.server";
import {
  SPECIAL_USCCS,
  creditRecord,
  exampleUsccs,
  registryRecord,
  type CreditJson,
  type SpecialKind,
} from "../mocks/credit-data";
import {
  type ApplicationPlan,
  type GuaranteeType,
  type ProductTerms,
  type Row,
  type TransitionTimes,
  addYears,
  applicationNumber,
  buildAccessLog,
  buildAuthorization,
  buildBank,
  buildCommitment,
  buildDemand,
  buildEnterprise,
  buildNotification,
  buildObjection,
  buildOffer,
  buildProduct,
  buildRecommendation,
  buildSubDistrict,
  buildUser,
  buildVisit,
  buildWhitelistBatch,
  calendar,
  industryOfName,
  newId,
  passwordHashFor,
  planApplication,
  shanghaiTime,
  useSeededIds,
} from "./factories";
import { NOW, TODAY, ago, frame, frameTime, workingDaysAgo, yearOf } from "./seed-clock";
import { seedLoans, type DemoLoanRole } from "./seed-loans";
import { seedWebhooks } from "./seed-webhooks";
import { BANKS, LPR_HISTORY, SETTINGS, SUB_DISTRICTS, lprAt, lprEffectiveOn } from "./reference-data";
import {
  APPLICATION_PURPOSES,
  BUREAU_NAME,
  CANCEL_TEXTS,
  DEMAND_PURPOSES,
  GIVEN,
  OFFICER_NAMES,
  OFFICE_NAMES,
  OTHER_REJECT_TEXTS,
  PRODUCTS,
  RECOMMENDATION_REASONS,
  REJECTION_NOTES,
  REJECT_REASON_WEIGHTS,
  REQUEST_NOTES,
  SURNAMES,
  VISIT_FINDINGS,
  VISIT_NEXT_STEPS,
} from "./seed-catalog";

// ---------------------------------------------------------------------------------------
// Time (relative to the day the seed runs: ./seed-clock), PRNG

const PLATFORM_START = frameTime("2023-11-01", 9);
const REGISTRATION_FROM = frame("2023-11-27");
const APPLICATIONS_FROM = frame("2025-11-20");
const APPLICATIONS_TO = ago(1);
const TARGET_APPLICATIONS = 450;
const TARGET_FIRMS = 200;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** mulberry32 */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** A key of `weights`, drawn in proportion to its weight. */
  weightedKey<K extends string>(weights: Readonly<Record<K, number>>): K {
    return this.weighted(Object.entries(weights) as [K, number][]);
  }
  /** The same for numeric keys ({ 0: 18, 1: 42 }). */
  weightedInt(weights: Readonly<Record<number, number>>): number {
    return Number(this.weightedKey(weights as Record<string, number>));
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [value, w] of entries) if ((x -= w) < 0) return value;
    return entries[entries.length - 1][0];
  }
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }
}

const rng = new Rng(20261126);
const idRng = new Rng(4101);
useSeededIds(() => idRng.next());

// ---------------------------------------------------------------------------------------
// Time helpers on the working-day calendar

/** A random moment of office hours (09:00–17:59) on `day`. */
function workTime(day: string): Date {
  return shanghaiTime(day, rng.int(9, 17), rng.int(0, 59));
}

function randomDay(from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

/** A random working day in [from, to] (the next working day when the draw falls on a holiday). */
function randomWorkingDay(from: string, to: string): string {
  const day = randomDay(from, to);
  if (calendar.isWorkingDay(day)) return day;
  const next = calendar.addWorkingDaysToDay(day, 1);
  return next <= to ? next : calendar.addWorkingDaysToDay(addDays(from, -1), 1);
}

/** A moment `n` working days after `after` (n = 0: later the same day, or the next working day). */
function afterWorkingDays(after: Date, n: number): Date {
  const day = shanghaiDate(after);
  if (n === 0 && calendar.isWorkingDay(day) && after.getTime() < shanghaiTime(day, 16).getTime()) {
    return new Date(after.getTime() + rng.int(20, 180) * MINUTE_MS);
  }
  return workTime(calendar.addWorkingDaysToDay(day, Math.max(1, n)));
}

const isPast = (at: Date) => at.getTime() < NOW.getTime();

/** The two whitelist batches of the year, named by the year they were approved in. */
const BATCHES = [frame("2026-03-16"), frame("2026-08-17")].map((day, i, days) => ({
  name: `${yearOf(day)}年第${days.slice(0, i + 1).filter((d) => yearOf(d) === yearOf(day)).length}批`,
  approvedAt: shanghaiTime(day, 10),
  size: [16, 13][i],
}));
/** The day the suspended whitelist firm was (learned to be) put on a dishonesty list. */
let suspendedListedOn = "";
const wan = (n: number) => n * 10_000;

// ---------------------------------------------------------------------------------------
// The plan: every row, built in memory

type Rows<T> = Row<T>[];

const plan = {
  subDistricts: [] as Rows<Prisma.SubDistrictCreateManyInput>,
  banks: [] as Rows<Prisma.BankCreateManyInput>,
  lprRates: [] as Prisma.LprRateCreateManyInput[],
  settings: [] as Prisma.SettingCreateManyInput[],
  products: [] as Rows<Prisma.ProductCreateManyInput>,
  users: [] as Rows<Prisma.UserCreateManyInput>,
  passwords: [] as Prisma.PasswordCreateManyInput[],
  enterprises: [] as Rows<Prisma.EnterpriseCreateManyInput>,
  creditProfiles: [] as Rows<Prisma.CreditProfileCreateManyInput>,
  commitments: [] as Rows<Prisma.CommitmentCreateManyInput>,
  authorizations: [] as Rows<Prisma.AuthorizationCreateManyInput>,
  batches: [] as Rows<Prisma.WhitelistBatchCreateManyInput>,
  recommendations: [] as Rows<Prisma.RecommendationCreateManyInput>,
  entries: [] as Rows<Prisma.WhitelistEntryCreateManyInput>,
  whitelistEvents: [] as Rows<Prisma.WhitelistEventCreateManyInput>,
  demands: [] as Rows<Prisma.DemandCreateManyInput>,
  offers: [] as Rows<Prisma.OfferCreateManyInput>,
  applications: [] as Rows<Prisma.ApplicationCreateManyInput>,
  applicationEvents: [] as Rows<Prisma.ApplicationEventCreateManyInput>,
  applicationAuthorizations: [] as Rows<Prisma.AuthorizationCreateManyInput>,
  accessLogs: [] as Rows<Prisma.AccessLogCreateManyInput>,
  visits: [] as Rows<Prisma.VisitCreateManyInput>,
  objections: [] as Rows<Prisma.ObjectionCreateManyInput>,
  notifications: [] as Rows<Prisma.NotificationCreateManyInput>,
};

interface Office {
  code: string;
  id: string;
  name: string;
  nameEn: string;
  userId: string;
  username: string;
}
interface BankInfo {
  code: string;
  id: string;
  name: string;
  nameEn: string;
  userId: string;
  username: string;
  officer: string;
  /** 0 fast … 1 slow: how often the bank misses its SLA (the league table shows it) */
  slowness: number;
  popularity: number;
}
interface ProductInfo extends ProductTerms {
  name: string;
  bank: BankInfo;
  type: string;
  guaranteeType: GuaranteeType;
  sizes: readonly string[];
  sections: readonly string[];
  minTaxGrade: string | null;
  whitelistOnly: boolean;
  publishedAt: Date | null;
  archivedAt: Date | null;
}
interface Grant {
  bankId: string | null;
  scope: "BASIC" | "FULL";
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}
interface Firm {
  id: string;
  uscc: string;
  name: string;
  office: Office;
  createdAt: Date;
  establishedOn: string;
  section: SectionCode;
  size: EnterpriseSize;
  revenueWan: number;
  hadBankLoan: boolean;
  taxGrade: string | null;
  rating: string | null;
  red: boolean;
  /** when the firm went on a dishonesty list (null: never) */
  dishonestSince: Date | null;
  special: SpecialKind | null;
  credit: CreditJson["sources"] | null;
  userId: string;
  username: string;
  activity: number;
  grants: Grant[];
  whitelist: { from: Date; until: Date; suspendedAt: Date | null; batch: string } | null;
  row: Row<Prisma.EnterpriseCreateManyInput>;
}

const offices: Office[] = [];
const banks: BankInfo[] = [];
const products: ProductInfo[] = [];
const firms: Firm[] = [];
let bureauUserId = "";
let passwordHash = "";

const BANK_TRAITS: Record<string, { slowness: number; popularity: number }> = {
  ZZB: { slowness: 0.2, popularity: 1.7 },
  ZZRCB: { slowness: 0.7, popularity: 1.2 },
  ZYB: { slowness: 0.3, popularity: 1.4 },
  CCB: { slowness: 0.1, popularity: 1.3 },
  ICBC: { slowness: 0.15, popularity: 1.1 },
  CITIC: { slowness: 0.45, popularity: 0.8 },
  HXB: { slowness: 0.5, popularity: 0.7 },
  CEB: { slowness: 0.85, popularity: 0.7 },
  CZB: { slowness: 0.4, popularity: 0.7 },
  CIB: { slowness: 0.35, popularity: 0.8 },
};

function addUser(options: Parameters<typeof buildUser>[0]) {
  const { user, password } = buildUser(options);
  plan.users.push(user);
  plan.passwords.push(password);
  return user;
}

function randomName(): string {
  const surname = SURNAMES[rng.int(0, SURNAMES.length - 1)];
  const given = rng.chance(0.7)
    ? GIVEN[rng.int(0, GIVEN.length - 1)] + GIVEN[rng.int(0, GIVEN.length - 1)]
    : GIVEN[rng.int(0, GIVEN.length - 1)];
  return surname + given;
}

function randomMobile(): string {
  const prefix = rng.pick(
    "130 131 132 135 136 137 138 139 150 151 155 158 159 166 176 177 180 182 185 186 187 188 189 191 199".split(
      " ",
    ),
  );
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, "0");
}

// ---------------------------------------------------------------------------------------
// 1. Organisations, reference data, staff

function planOrganisations() {
  for (const [i, s] of SUB_DISTRICTS.entries()) {
    const row = buildSubDistrict({ ...s, sortOrder: i + 1, createdAt: PLATFORM_START });
    plan.subDistricts.push(row);
    const username = s.code === "ruyihu" ? "office" : `office-${s.code}`;
    const user = addUser({
      role: "GOV_OFFICE",
      username,
      displayName: OFFICE_NAMES[s.code],
      subDistrictId: row.id,
      mobile: randomMobile(),
      passwordHash,
      createdAt: PLATFORM_START,
      lastLoginAt: new Date(NOW.getTime() - rng.int(1, 200) * HOUR_MS),
    });
    offices.push({ code: s.code, id: row.id, name: s.name, nameEn: s.nameEn, userId: user.id, username });
  }
  for (const b of BANKS) {
    const row = buildBank({ ...b, createdAt: PLATFORM_START });
    plan.banks.push(row);
    const username = b.code === "ZZB" ? "bank" : `bank-${b.code.toLowerCase()}`;
    const user = addUser({
      role: "BANK",
      username,
      displayName: OFFICER_NAMES[b.code],
      bankId: row.id,
      mobile: randomMobile(),
      passwordHash,
      createdAt: PLATFORM_START,
      lastLoginAt: new Date(NOW.getTime() - rng.int(1, 120) * HOUR_MS),
    });
    banks.push({
      ...b,
      id: row.id,
      userId: user.id,
      username,
      officer: OFFICER_NAMES[b.code],
      ...BANK_TRAITS[b.code],
    });
  }
  bureauUserId = addUser({
    role: "GOV_BUREAU",
    username: "bureau",
    displayName: BUREAU_NAME,
    mobile: randomMobile(),
    passwordHash,
    createdAt: PLATFORM_START,
    lastLoginAt: new Date(NOW.getTime() - 18 * HOUR_MS),
  }).id;

  for (const entry of LPR_HISTORY) {
    plan.lprRates.push({
      id: newId(),
      effectiveOn: lprEffectiveOn(entry.month),
      rateBp: entry.rateBp,
      createdAt: PLATFORM_START,
    });
  }
  for (const [key, value] of Object.entries(SETTINGS))
    plan.settings.push({ key, value, updatedAt: PLATFORM_START });

  for (const bank of banks) {
    for (const p of PRODUCTS[bank.code]) {
      const status = p.status ?? "PUBLISHED";
      const publishedAt = p.publishedOn ? frameTime(p.publishedOn, 10) : null;
      const createdAt = publishedAt
        ? new Date(publishedAt.getTime() - rng.int(3, 20) * DAY_MS)
        : workTime(randomWorkingDay(ago(37), ago(2)));
      const archivedAt = p.archivedOn ? frameTime(p.archivedOn, 17) : null;
      const row = buildProduct({
        bankId: bank.id,
        name: p.name,
        type: p.type,
        guaranteeType: p.guaranteeType,
        minAmountYuan: wan(p.amountWan[0]),
        maxAmountYuan: wan(p.amountWan[1]),
        minTermMonths: p.termMonths[0],
        maxTermMonths: p.termMonths[1],
        minRateBp: p.rateBp[0],
        maxRateBp: p.rateBp[1],
        eligibleSizes: p.sizes ?? ["MEDIUM", "SMALL", "MICRO"],
        eligibleSections: p.sections ?? [],
        minTaxGrade: p.minTaxGrade ?? null,
        whitelistOnly: p.whitelistOnly ?? false,
        description: p.description,
        status,
        createdAt,
        publishedAt,
        archivedAt,
      });
      plan.products.push(row);
      products.push({
        id: row.id,
        bankId: bank.id,
        bank,
        name: p.name,
        type: p.type,
        guaranteeType: p.guaranteeType,
        minAmountYuan: row.minAmountYuan,
        maxAmountYuan: row.maxAmountYuan,
        minTermMonths: row.minTermMonths,
        maxTermMonths: row.maxTermMonths,
        minRateBp: row.minRateBp,
        maxRateBp: row.maxRateBp,
        sizes: p.sizes ?? ["MEDIUM", "SMALL", "MICRO"],
        sections: p.sections ?? [],
        minTaxGrade: p.minTaxGrade ?? null,
        whitelistOnly: p.whitelistOnly ?? false,
        publishedAt: status === "DRAFT" ? null : publishedAt,
        archivedAt,
      });
    }
  }
}

const bankByCode = (code: string) => banks.find((b) => b.code === code)!;
const productNamed = (name: string) => products.find((p) => p.name === name)!;
const officeByCode = (code: string) => offices.find((o) => o.code === code)!;

// ---------------------------------------------------------------------------------------
// 2. Firms and their users

/** Firms per office: 如意湖 (the CBD) has the most. */
const OFFICE_WEIGHTS = {
  ruyihu: 26,
  boxuelu: 12,
  longzihu: 13,
  shangdulu: 11,
  longhu: 11,
  jichenglu: 10,
  jinguanglu: 9,
  baisha: 8,
};

/** Realistic weight of GB/T 4754 sections among the district's SMEs. */
const SECTION_WEIGHTS: Partial<Record<SectionCode, number>> = {
  C: 21,
  F: 13,
  I: 13,
  L: 11,
  E: 10,
  M: 9,
  G: 7,
  H: 5,
  N: 4,
  R: 4,
  A: 2,
};

const SIZE_WEIGHTS: Record<EnterpriseSize, number> = { MICRO: 50, SMALL: 33, MEDIUM: 13, LARGE: 4 };

/** Employees, revenue and assets that put a firm of this industry in the target size band. */
function metricsFor(section: SectionCode, division: string, target: EnterpriseSize) {
  const rule = SIZE_RULES[sizeRuleSetFor(section, division)!];
  const weak = rng.int(0, rule.metrics.length - 1);
  const value: Partial<Record<SizeMetric, number>> = {};
  rule.metrics.forEach((metric, i) => {
    const [inScope, medium, small] = [rule.inScopeBelow[i], rule.medium[i], rule.small[i]];
    const [lo, upper] =
      target === "LARGE"
        ? [inScope, inScope * 1.6]
        : target === "MEDIUM"
          ? [medium, Math.min(inScope - 1, medium * 5)]
          : target === "SMALL"
            ? [small, medium - 1]
            : i === weak
              ? [Math.max(1, Math.ceil(small / 5)), small - 1]
              : [Math.max(1, small * 0.4), small * 4];
    const hi = Math.max(lo, upper);
    value[metric] = Math.min(Math.floor(hi), Math.max(Math.ceil(lo), Math.round(rng.logUniform(lo, hi))));
  });
  if (value.revenueWan === undefined && value.employees !== undefined) {
    value.revenueWan = Math.max(5, Math.round(value.employees * rng.logUniform(15, 80)));
  }
  if (value.employees === undefined) {
    value.employees = Math.max(1, Math.round(value.revenueWan! / rng.logUniform(25, 100)));
  }
  if (value.revenueWan === undefined)
    value.revenueWan = Math.max(5, Math.round(value.employees * rng.logUniform(15, 80)));
  if (value.assetsWan === undefined)
    value.assetsWan = Math.max(5, Math.round(value.revenueWan * rng.logUniform(0.4, 1.6)));
  return { employees: value.employees, revenueWan: value.revenueWan, totalAssetsWan: value.assetsWan };
}

interface FirmChoice {
  uscc: string;
  section: SectionCode;
  division: string;
  special: SpecialKind | null;
  role?: "demo" | "suspended";
}

/** Which registered codes the district has: a section-weighted draw from the mock registry. */
function chooseFirms(): FirmChoice[] {
  const pool = exampleUsccs(3000, "zhengdong");
  const taken = new Set<string>();
  const choices: FirmChoice[] = [];
  const industry = (uscc: string) => industryOfName(registryRecord(uscc)!.name, (n) => rng.int(0, n - 1))!;

  // The demo firm: software, tax A, good rating, clean record, established years ago.
  const demo = pool.find((uscc) => {
    const reg = registryRecord(uscc)!;
    const credit = creditRecord(uscc, NOW)!.sources;
    return (
      industryOfName(reg.name)?.sectionCode === "I" &&
      reg.establishedOn < frame("2021-01-01") &&
      credit.tax.grade === "A" &&
      credit.publicRating.grade !== "C" &&
      credit.publicRating.grade !== "D" &&
      credit.dishonestyList.items.length === 0 &&
      credit.redList.items.length === 0 &&
      credit.penalties.items.every((p) => p.repaired)
    );
  })!;
  taken.add(demo);
  choices.push({ uscc: demo, section: "I", division: "65", special: null, role: "demo" });

  // A firm put on a dishonesty list after the first whitelist batch: its entry gets suspended.
  // The mock platform's listings are dated up to mid-2026; when none falls after the first batch
  // (a seed run long after 2026), the latest listing is taken as learned by a later refresh.
  const batchDay = shanghaiDate(BATCHES[0].approvedAt);
  const listedOf = (uscc: string) => creditRecord(uscc, NOW)!.sources.dishonestyList.items[0]?.listedOn;
  let suspended = pool.find((uscc) => {
    const listedOn = listedOf(uscc);
    return (
      !taken.has(uscc) && listedOn !== undefined && listedOn > addDays(batchDay, 14) && listedOn <= ago(60)
    );
  });
  if (suspended) suspendedListedOn = listedOf(suspended)!;
  else {
    const latest = pool
      .filter((uscc) => !taken.has(uscc) && listedOf(uscc) !== undefined)
      .sort((a, b) => listedOf(b)!.localeCompare(listedOf(a)!))[0];
    if (!latest) throw new Error("no firm in the example pool is on a dishonesty list");
    suspended = latest;
    suspendedListedOn = addDays(batchDay, 60) < ago(30) ? addDays(batchDay, 60) : ago(30);
  }
  taken.add(suspended);
  const s = industry(suspended);
  choices.push({
    uscc: suspended,
    section: s.sectionCode,
    division: s.divisionCode,
    special: null,
    role: "suspended",
  });

  // The fixed demo cases that can register (存续): dishonest, red list, penalties, outage.
  for (const special of SPECIAL_USCCS) {
    if (registryRecord(special.uscc)!.status !== "存续") continue;
    const i = industry(special.uscc);
    choices.push({
      uscc: special.uscc,
      section: i.sectionCode,
      division: i.divisionCode,
      special: special.kind,
    });
  }

  const ordinary = TARGET_FIRMS - choices.length;
  const totalWeight = Object.values(SECTION_WEIGHTS).reduce((a, b) => a + b, 0);
  const quota = new Map<SectionCode, number>(
    Object.entries(SECTION_WEIGHTS).map(([section, w]) => [
      section as SectionCode,
      Math.round((ordinary * w) / totalWeight),
    ]),
  );
  let picked = 0;
  for (const uscc of pool) {
    if (picked >= ordinary) break;
    if (taken.has(uscc)) continue;
    const i = industry(uscc);
    const left = quota.get(i.sectionCode) ?? 0;
    if (left <= 0) continue;
    quota.set(i.sectionCode, left - 1);
    taken.add(uscc);
    choices.push({ uscc, section: i.sectionCode, division: i.divisionCode, special: null });
    picked++;
  }
  return choices;
}

function planFirms() {
  for (const choice of chooseFirms()) {
    const registry = registryRecord(choice.uscc)!;
    const isDemo = choice.role === "demo";
    const office = isDemo ? officeByCode("ruyihu") : officeByCode(rng.weightedKey(OFFICE_WEIGHTS));
    const earliest =
      addDays(registry.establishedOn, 7) > REGISTRATION_FROM
        ? addDays(registry.establishedOn, 7)
        : REGISTRATION_FROM;
    const createdAt = isDemo ? frameTime("2025-04-15", 10, 20) : workTime(randomWorkingDay(earliest, ago(6)));
    const young = registry.establishedOn >= frame("2025-01-01");
    const target: EnterpriseSize = isDemo
      ? "SMALL"
      : young
        ? rng.weightedKey<EnterpriseSize>({ MICRO: 80, SMALL: 20, MEDIUM: 0, LARGE: 0 })
        : rng.weightedKey(SIZE_WEIGHTS);
    const metrics = isDemo
      ? { employees: 38, revenueWan: 1260, totalAssetsWan: 880 }
      : metricsFor(choice.section, choice.division, target);
    const loanOdds = { MICRO: 0.3, SMALL: 0.5, MEDIUM: 0.75, LARGE: 0.95 }[target];
    const outage = choice.special === "creditOutage";
    const refreshedAt = outage
      ? null
      : isDemo
        ? new Date(NOW.getTime() - 20 * HOUR_MS)
        : new Date(NOW.getTime() - rng.int(2, 300) * HOUR_MS);
    const contactName = isDemo || rng.chance(0.55) ? registry.legalRepresentative : randomName();
    const { enterprise, creditProfiles } = buildEnterprise({
      subDistrictId: office.id,
      uscc: choice.uscc,
      contactName,
      contactMobile: isDemo ? "13803710826" : randomMobile(),
      sectionCode: choice.section,
      divisionCode: choice.division,
      ...metrics,
      hadBankLoan: isDemo ? false : rng.chance(loanOdds),
      createdAt,
      creditRefreshedAt: refreshedAt,
      creditAttemptedAt: outage ? new Date(NOW.getTime() - 3 * HOUR_MS) : refreshedAt,
      creditRefreshError: outage ? "unavailable" : null,
    });
    plan.enterprises.push(enterprise);
    plan.creditProfiles.push(...creditProfiles);

    const credit = refreshedAt ? creditRecord(choice.uscc, refreshedAt)!.sources : null;
    const listedOn = credit?.dishonestyList.items[0]?.listedOn ?? null;
    const username = isDemo ? "enterprise" : `ent-${choice.uscc.slice(-6).toLowerCase()}`;
    const user = addUser({
      role: "ENTERPRISE",
      username,
      displayName: contactName,
      mobile: enterprise.contactMobile,
      enterpriseId: enterprise.id,
      passwordHash,
      createdAt,
      lastLoginAt: isDemo
        ? new Date(NOW.getTime() - 26 * HOUR_MS)
        : rng.chance(0.6)
          ? new Date(NOW.getTime() - rng.int(3, 2000) * HOUR_MS)
          : null,
    });
    plan.commitments.push(
      buildCommitment({
        enterpriseId: enterprise.id,
        userId: user.id,
        version: COMMITMENT_VERSION_DEFAULT,
        signedAt: createdAt,
      }),
    );
    firms.push({
      id: enterprise.id,
      uscc: choice.uscc,
      name: registry.name,
      office,
      createdAt,
      establishedOn: registry.establishedOn,
      section: choice.section,
      size: enterprise.size as EnterpriseSize,
      revenueWan: metrics.revenueWan,
      hadBankLoan: enterprise.hadBankLoan ?? false,
      taxGrade: enterprise.taxGrade ?? null,
      rating: enterprise.publicRating ?? null,
      red: enterprise.onRedList ?? false,
      dishonestSince: listedOn
        ? shanghaiTime(choice.role === "suspended" ? suspendedListedOn : listedOn, 0)
        : choice.special === "dishonest"
          ? PLATFORM_START
          : null,
      special: choice.role === "suspended" ? null : choice.special,
      credit,
      userId: user.id,
      username,
      activity: 0.15 + 2.5 * rng.next() ** 2,
      grants: [],
      whitelist: null,
      row: enterprise,
    });
  }
  if (new Set(plan.users.map((u) => u.username)).size !== plan.users.length)
    throw new Error("duplicate usernames");
}

const demoFirm = () => firms[0];
const suspendedFirm = () => firms[1];
const isDishonestAt = (firm: Firm, at: Date) => firm.dishonestSince !== null && firm.dishonestSince <= at;
const isWhitelistedAt = (firm: Firm, at: Date) =>
  firm.whitelist !== null &&
  firm.whitelist.from <= at &&
  at < firm.whitelist.until &&
  (firm.whitelist.suspendedAt === null || at < firm.whitelist.suspendedAt);
const goodCredit = (firm: Firm) =>
  (firm.taxGrade === "A" || firm.taxGrade === "B") &&
  (firm.rating === "A" || firm.rating === "B") &&
  firm.dishonestSince === null;

// ---------------------------------------------------------------------------------------
// 3. Authorisations the firms granted on the authorisations page

function addGrant(firm: Firm, grant: Grant) {
  firm.grants.push(grant);
  plan.authorizations.push(buildAuthorization({ enterpriseId: firm.id, origin: "MANUAL", ...grant }));
}

function planAuthorizations() {
  for (const firm of firms) {
    if (firm === demoFirm()) {
      const grantedAt = frameTime("2026-01-05", 10, 12);
      addGrant(firm, {
        bankId: null,
        scope: "FULL",
        grantedAt,
        expiresAt: addYears(grantedAt, 1),
        revokedAt: null,
      });
      continue;
    }
    const kind = rng.weightedKey({ allFull: 68, someBanks: 10, basic: 8, revoked: 4, expired: 4, none: 6 });
    if (kind === "none") continue;
    const oneYearAgo = new Date(NOW.getTime() - 330 * DAY_MS);
    const liveFrom = firm.createdAt > oneYearAgo ? firm.createdAt : oneYearAgo;
    const grantedAt =
      kind === "expired" && firm.createdAt.getTime() < NOW.getTime() - 400 * DAY_MS
        ? new Date(firm.createdAt.getTime() + rng.int(0, 20) * DAY_MS)
        : new Date(
            liveFrom.getTime() +
              rng.next() * Math.max(HOUR_MS, NOW.getTime() - 2 * DAY_MS - liveFrom.getTime()),
          );
    // A grant lasts a year at most: a firm registered long ago renewed it; keep the lapsed one as history.
    if (firm.createdAt.getTime() < grantedAt.getTime() - 366 * DAY_MS) {
      const first = firm.createdAt;
      addGrant(firm, {
        bankId: null,
        scope: "FULL",
        grantedAt: first,
        expiresAt: addYears(first, 1),
        revokedAt: null,
      });
    }
    const expiresAt = addYears(grantedAt, 1);
    if (kind === "someBanks") {
      const count = rng.int(1, 2);
      const chosen = new Set<BankInfo>();
      while (chosen.size < count) chosen.add(rng.weighted(banks.map((b) => [b, b.popularity] as const)));
      for (const bank of chosen)
        addGrant(firm, { bankId: bank.id, scope: "FULL", grantedAt, expiresAt, revokedAt: null });
    } else {
      const revokedAt =
        kind === "revoked"
          ? new Date(grantedAt.getTime() + rng.next() * (NOW.getTime() - HOUR_MS - grantedAt.getTime()))
          : null;
      addGrant(firm, {
        bankId: null,
        scope: kind === "basic" ? "BASIC" : "FULL",
        grantedAt,
        expiresAt,
        revokedAt,
      });
    }
  }
}

const grantCovers = (grant: Grant, bankId: string, at: Date) =>
  (grant.bankId === null || grant.bankId === bankId) &&
  grant.grantedAt <= at &&
  at < grant.expiresAt &&
  (grant.revokedAt === null || at < grant.revokedAt);

const banksAuthorisedAt = (firm: Firm, at: Date) =>
  banks.filter((b) => firm.grants.some((g) => grantCovers(g, b.id, at)));

// ---------------------------------------------------------------------------------------
// 4. Whitelist: two batches, their recommendations, open and refused ones

function planWhitelist() {
  const batches = BATCHES;
  const used = new Set<Firm>([demoFirm(), suspendedFirm()]);
  const eligible = (firm: Firm, at: Date) =>
    !used.has(firm) &&
    firm.special === null &&
    goodCredit(firm) &&
    firm.size !== "LARGE" &&
    firm.createdAt.getTime() < at.getTime() - 45 * DAY_MS;

  for (const [index, b] of batches.entries()) {
    const members: Firm[] = index === 0 ? [demoFirm(), suspendedFirm()] : [];
    const candidates = firms.filter((f) => eligible(f, b.approvedAt));
    while (members.length < b.size + (index === 0 ? 2 : 0) && candidates.length) {
      const firm = candidates.splice(rng.int(0, candidates.length - 1), 1)[0];
      members.push(firm);
      used.add(firm);
    }
    const validUntil = endOfShanghaiDay(addDays(shanghaiDate(addYears(b.approvedAt, 1)), -1));
    const rows = buildWhitelistBatch({
      name: b.name,
      validFrom: b.approvedAt,
      validUntil,
      approvedById: bureauUserId,
      createdAt: b.approvedAt,
      entries: members.map((firm) => {
        const suspended = firm === suspendedFirm();
        const listing = firm.credit?.dishonestyList.items[0];
        const fromRequest = firm === demoFirm() || rng.chance(0.3);
        return {
          enterpriseId: firm.id,
          subDistrictId: firm.office.id,
          proposedById: firm.office.userId,
          recommendedAt: workTime(
            randomWorkingDay(
              shanghaiDate(new Date(b.approvedAt.getTime() - 45 * DAY_MS)),
              shanghaiDate(new Date(b.approvedAt.getTime() - 8 * DAY_MS)),
            ),
          ),
          requestNote: fromRequest ? rng.pick(REQUEST_NOTES) : null,
          reason: rng.pick(RECOMMENDATION_REASONS),
          suggestedAmountYuan: wan(rng.pick([100, 200, 300, 300, 500, 800])),
          status: suspended ? ("SUSPENDED" as const) : ("ACTIVE" as const),
          statusChangedAt:
            suspended && listing ? shanghaiTime(addDays(suspendedListedOn, 1), 6, 30) : undefined,
          statusReason:
            suspended && listing
              ? `列入${listing.listName}（${listing.authority}），联合惩戒自动暂停`
              : undefined,
          statusChangedById: null,
        };
      }),
    });
    plan.batches.push(rows.batch);
    plan.recommendations.push(...rows.recommendations);
    plan.entries.push(...rows.entries);
    plan.whitelistEvents.push(...rows.events);
    for (const firm of members) {
      const active = rows.whitelisted.find((w) => w.enterpriseId === firm.id);
      const suspendedEntry = rows.entries.find((e) => e.enterpriseId === firm.id && e.status === "SUSPENDED");
      firm.whitelist = {
        from: b.approvedAt,
        until: validUntil,
        suspendedAt: suspendedEntry ? (suspendedEntry.statusChangedAt as Date) : null,
        batch: b.name,
      };
      if (active) firm.row.whitelistedUntil = active.until;
    }
    // Refused in this round.
    const refused = firms.filter(
      (f) =>
        !used.has(f) &&
        f.special === null &&
        f.dishonestSince === null &&
        f.createdAt < b.approvedAt &&
        (f.taxGrade === "C" || f.rating === "C" || f.taxGrade === "M"),
    );
    for (let i = 0; i < 2 && refused.length; i++) {
      const firm = refused.splice(rng.int(0, refused.length - 1), 1)[0];
      used.add(firm);
      plan.recommendations.push(
        buildRecommendation({
          enterpriseId: firm.id,
          subDistrictId: firm.office.id,
          status: "REJECTED",
          reason: rng.pick(RECOMMENDATION_REASONS),
          suggestedAmountYuan: wan(rng.pick([100, 200, 300])),
          createdById: firm.office.userId,
          reviewedById: bureauUserId,
          reviewedAt: b.approvedAt,
          reviewNote: REJECTION_NOTES[(index * 2 + i) % REJECTION_NOTES.length],
          createdAt: workTime(
            randomWorkingDay(
              shanghaiDate(new Date(b.approvedAt.getTime() - 40 * DAY_MS)),
              shanghaiDate(new Date(b.approvedAt.getTime() - 10 * DAY_MS)),
            ),
          ),
        }),
      );
    }
  }

  // An office declined a firm's request.
  const declined = firms.find(
    (f) => !used.has(f) && f.special === null && f.credit?.socialInsurance.arrearsMonths,
  );
  if (declined) {
    used.add(declined);
    const createdAt = workTime(randomWorkingDay(ago(86), ago(57)));
    plan.recommendations.push(
      buildRecommendation({
        enterpriseId: declined.id,
        subDistrictId: declined.office.id,
        status: "DECLINED",
        requestNote: rng.pick(REQUEST_NOTES),
        reason: null,
        suggestedAmountYuan: null,
        createdById: declined.userId,
        reviewedById: declined.office.userId,
        reviewedAt: afterWorkingDays(createdAt, 3),
        reviewNote: "企业存在社保欠缴，补缴后可重新申请",
        createdAt,
      }),
    );
  }

  // Open ones: firms asking their office (REQUESTED) and proposals awaiting the bureau (PENDING).
  const open = (status: "REQUESTED" | "PENDING", count: number, inRuyihu: number) => {
    const pool = firms.filter((f) => eligible(f, NOW));
    for (let i = 0; i < count && pool.length; i++) {
      const inOffice = pool.filter((f) =>
        i < inRuyihu ? f.office.code === "ruyihu" : f.office.code !== "ruyihu",
      );
      const firm = (inOffice.length ? inOffice : pool)[rng.int(0, (inOffice.length || pool.length) - 1)];
      pool.splice(pool.indexOf(firm), 1);
      used.add(firm);
      plan.recommendations.push(
        buildRecommendation({
          enterpriseId: firm.id,
          subDistrictId: firm.office.id,
          status,
          requestNote: status === "REQUESTED" ? rng.pick(REQUEST_NOTES) : null,
          reason: status === "PENDING" ? rng.pick(RECOMMENDATION_REASONS) : null,
          suggestedAmountYuan: status === "PENDING" ? wan(rng.pick([100, 200, 300, 500])) : null,
          createdById: status === "REQUESTED" ? firm.userId : firm.office.userId,
          createdAt: workTime(randomWorkingDay(ago(37), ago(1))),
        }),
      );
    }
  };
  open("REQUESTED", 4, 2);
  open("PENDING", 5, 2);
}

// ---------------------------------------------------------------------------------------
// 5. Eligibility and the life of an application

const TAX_RANK: Record<string, number> = { A: 5, B: 4, M: 3, C: 2, D: 1 };

function isEligible(firm: Firm, product: ProductInfo, at: Date): boolean {
  if (isDishonestAt(firm, at)) return false;
  if (!product.sizes.includes(firm.size)) return false;
  if (product.sections.length && !product.sections.includes(firm.section)) return false;
  if (product.minTaxGrade && (TAX_RANK[firm.taxGrade ?? ""] ?? 0) < TAX_RANK[product.minTaxGrade])
    return false;
  if (product.whitelistOnly && !isWhitelistedAt(firm, at)) return false;
  return true;
}

const isOnSale = (product: ProductInfo, at: Date) =>
  product.publishedAt !== null &&
  product.publishedAt <= at &&
  (product.archivedAt === null || at < product.archivedAt);

interface Outcome {
  state: ApplicationState;
  at: TransitionTimes;
  rejectedFrom?: "SUBMITTED" | "ACCEPTED";
  withdrawnFrom?: "SUBMITTED" | "ACCEPTED";
  reason?: RejectReason;
  reasonText?: string | null;
  approved?: { amountYuan: number; rateBp: number; termMonths: number };
  disbursed?: { amountYuan: number; rateBp: number };
}

function rejectReason(
  firm: Firm,
  product: ProductInfo,
  at: Date,
  eligible: boolean,
  stage: "SUBMITTED" | "ACCEPTED",
) {
  if (isDishonestAt(firm, at)) return { reason: "DISHONESTY_LIST" as const, reasonText: null };
  if (!eligible) return { reason: "OUTSIDE_PRODUCT_POLICY" as const, reasonText: null };
  const young = daysBetween(firm.establishedOn, shanghaiDate(at)) < 730;
  const collateral = product.guaranteeType !== "CREDIT" && product.guaranteeType !== "GUARANTEE";
  const weights = (Object.entries(REJECT_REASON_WEIGHTS) as [RejectReason, number][])
    .filter(([reason]) => stage === "ACCEPTED" || reason !== "FIRM_DECLINED")
    .map(
      ([reason, w]) =>
        [
          reason,
          w *
            (reason === "INSUFFICIENT_CREDIT_HISTORY" && (young || firm.taxGrade === "M") ? 3 : 1) *
            (reason === "NO_COLLATERAL" && collateral ? 2.5 : 1) *
            (reason === "HIGH_LEVERAGE" && (firm.size === "MICRO" || firm.taxGrade === "C") ? 1.8 : 1) *
            (reason === "INCOMPLETE_MATERIALS" && stage === "SUBMITTED" ? 2 : 1),
        ] as const,
    );
  const reason = rng.weighted(weights);
  return { reason, reasonText: reason === "OTHER" ? rng.pick(OTHER_REJECT_TEXTS) : null };
}

/** How the bank answered an application, laid on working days; stops at NOW. */
function simulate(
  firm: Firm,
  product: ProductInfo,
  submittedAt: Date,
  amountYuan: number,
  termMonths: number,
  bornAccepted: boolean,
): Outcome {
  const bank = product.bank;
  const eligible = isEligible(firm, product, submittedAt);
  const whitelisted = isWhitelistedAt(firm, submittedAt);
  const at: TransitionTimes = {};
  let acceptedAt = submittedAt;

  if (!bornAccepted) {
    const neverAnswered =
      submittedAt.getTime() > NOW.getTime() - 25 * DAY_MS && rng.chance(0.1 + 0.3 * bank.slowness);
    const days = rng.chance(0.04 + 0.25 * bank.slowness)
      ? rng.int(4, 8)
      : rng.weightedInt({ 0: 18, 1: 42, 2: 27, 3: 13 });
    const responseAt = afterWorkingDays(submittedAt, days);
    if (rng.chance(0.035)) {
      const until = neverAnswered || !isPast(responseAt) ? NOW : responseAt;
      const withdrawn = new Date(
        submittedAt.getTime() + rng.next() * (until.getTime() - submittedAt.getTime()),
      );
      if (withdrawn > submittedAt)
        return { state: "WITHDRAWN", withdrawnFrom: "SUBMITTED", at: { withdrawn } };
    }
    if (neverAnswered || !isPast(responseAt)) return { state: "SUBMITTED", at };
    let pReject = 0.08;
    if (!eligible) pReject = 0.85;
    if (isDishonestAt(firm, responseAt)) pReject = 0.95;
    if (firm.taxGrade === "C" || firm.taxGrade === "D") pReject += 0.25;
    if (rng.chance(pReject)) {
      return {
        state: "REJECTED",
        rejectedFrom: "SUBMITTED",
        at: { rejected: responseAt },
        ...rejectReason(firm, product, responseAt, eligible, "SUBMITTED"),
      };
    }
    at.accepted = responseAt;
    acceptedAt = responseAt;
  }

  if (rng.chance(0.03)) {
    const withdrawn = afterWorkingDays(acceptedAt, rng.int(1, 5));
    if (isPast(withdrawn)) return { state: "WITHDRAWN", withdrawnFrom: "ACCEPTED", at: { ...at, withdrawn } };
  }
  const neverDecided =
    acceptedAt.getTime() > NOW.getTime() - 30 * DAY_MS && rng.chance(0.08 + 0.25 * bank.slowness);
  const decisionDays = rng.chance(0.04 + 0.16 * bank.slowness)
    ? rng.int(11, 18)
    : rng.weightedInt({ 2: 10, 3: 16, 4: 18, 5: 16, 6: 12, 7: 10, 8: 8, 9: 6, 10: 4 });
  const decidedAt = afterWorkingDays(acceptedAt, decisionDays);
  if (neverDecided || !isPast(decidedAt)) return { state: "ACCEPTED", at };

  let pReject = 0.17;
  if (!eligible) pReject = 0.8;
  if (isDishonestAt(firm, decidedAt)) pReject = 0.95;
  if (firm.taxGrade === "C" || firm.taxGrade === "D" || firm.taxGrade === "M") pReject += 0.2;
  if (firm.size === "MICRO") pReject += 0.08;
  if (whitelisted) pReject -= 0.08;
  if (firm.red) pReject -= 0.05;
  if (rng.chance(pReject)) {
    return {
      state: "REJECTED",
      rejectedFrom: "ACCEPTED",
      at: { ...at, rejected: decidedAt },
      ...rejectReason(firm, product, decidedAt, eligible, "ACCEPTED"),
    };
  }

  // Approval: the amount may be cut, the rate follows the firm's grades.
  const approvedAmount = rng.chance(0.65)
    ? amountYuan
    : Math.max(product.minAmountYuan, Math.round((amountYuan * (0.5 + 0.45 * rng.next())) / 50_000) * 50_000);
  const shorter = [6, 12, 18, 24].filter((t) => t < termMonths && t >= product.minTermMonths);
  const approvedTerm = shorter.length && rng.chance(0.15) ? rng.pick(shorter) : termMonths;
  const band =
    firm.taxGrade === "A" || firm.red
      ? [0, 0.3]
      : firm.taxGrade === "B"
        ? [0.15, 0.55]
        : firm.taxGrade === "M"
          ? [0.4, 0.8]
          : [0.6, 1];
  const position = Math.max(0, band[0] + rng.next() * (band[1] - band[0]) - (whitelisted ? 0.1 : 0));
  const rateBp = Math.min(
    product.maxRateBp,
    Math.max(
      product.minRateBp,
      Math.round((product.minRateBp + position * (product.maxRateBp - product.minRateBp)) / 5) * 5,
    ),
  );
  const approved = { amountYuan: Math.min(amountYuan, approvedAmount), rateBp, termMonths: approvedTerm };
  at.approved = decidedAt;

  if (rng.chance(0.05)) {
    const cancelled = afterWorkingDays(decidedAt, rng.int(1, 6));
    if (isPast(cancelled)) {
      const byFirm = rng.chance(0.6);
      return {
        state: "CANCELLED",
        at: { ...at, cancelled },
        approved,
        reason: byFirm ? "FIRM_DECLINED" : "OTHER",
        reasonText: byFirm ? rng.pick(CANCEL_TEXTS.slice(0, 2)) : CANCEL_TEXTS[2],
      };
    }
  }
  const collateral =
    product.guaranteeType === "MORTGAGE" ||
    product.guaranteeType === "PLEDGE" ||
    product.guaranteeType === "IP_PLEDGE";
  const disbursedAt = afterWorkingDays(decidedAt, collateral ? rng.int(3, 10) : rng.int(1, 5));
  if (!isPast(disbursedAt)) return { state: "APPROVED", at, approved };
  const disbursedAmount = rng.chance(0.9)
    ? approved.amountYuan
    : Math.max(
        product.minAmountYuan,
        Math.round((approved.amountYuan * (0.6 + 0.35 * rng.next())) / 10_000) * 10_000,
      );
  return {
    state: "DISBURSED",
    at: { ...at, disbursed: disbursedAt },
    approved,
    disbursed: { amountYuan: Math.min(disbursedAmount, approved.amountYuan), rateBp: approved.rateBp },
  };
}

interface AppSpec {
  firm: Firm;
  product: ProductInfo;
  submittedAt: Date;
  amountYuan: number;
  termMonths: number;
  purpose: string;
  outcome: Outcome;
  demandId?: string;
  offerId?: string;
  /** a demo loan's part in the story (./seed-loans) */
  loanRole?: DemoLoanRole;
}
const appSpecs: AppSpec[] = [];

const SIZE_CAP_WAN: Record<EnterpriseSize, number> = { MICRO: 300, SMALL: 800, MEDIUM: 1000, LARGE: 1000 };

function amountFor(firm: Firm, product: ProductInfo): number {
  const hi = Math.max(product.minAmountYuan, Math.min(product.maxAmountYuan, wan(SIZE_CAP_WAN[firm.size])));
  const raw = rng.logUniform(product.minAmountYuan, hi);
  return Math.min(hi, Math.max(product.minAmountYuan, Math.round(raw / 50_000) * 50_000));
}

function termFor(product: ProductInfo): number {
  const terms = [6, 12, 12, 12, 18, 24, 24, 36].filter(
    (t) => t >= product.minTermMonths && t <= product.maxTermMonths,
  );
  return terms.length ? rng.pick(terms) : product.minTermMonths;
}

// ---------------------------------------------------------------------------------------
// 6. Demands and offers (and the applications born from accepted offers)

/** Guarantee types a firm accepts for a demand, comma-separated as stored. */
const GUARANTEE_SETS = {
  CREDIT: 40,
  "CREDIT,GUARANTEE": 20,
  "CREDIT,MORTGAGE": 15,
  "CREDIT,PLEDGE,IP_PLEDGE": 10,
  MORTGAGE: 8,
  GUARANTEE: 7,
};

function offerRate(product: ProductInfo, ceiling: number | null): number {
  const rate =
    Math.round((product.minRateBp + rng.next() * 0.5 * (product.maxRateBp - product.minRateBp)) / 5) * 5;
  return ceiling !== null ? Math.max(product.minRateBp, Math.min(rate, ceiling)) : rate;
}

function addOffer(
  demand: Row<Prisma.DemandCreateManyInput>,
  product: ProductInfo,
  createdAt: Date,
  ceiling: number | null,
) {
  const offer = buildOffer({
    demandId: demand.id,
    productId: product.id,
    bankId: product.bankId,
    userId: product.bank.userId,
    amountYuan: Math.min(product.maxAmountYuan, Math.max(product.minAmountYuan, demand.amountYuan)),
    termMonths: Math.min(product.maxTermMonths, Math.max(product.minTermMonths, demand.termMonths)),
    rateBp: offerRate(product, ceiling),
    note: rng.pick([
      "可线上提款，随借随还",
      "需提供近一年财务报表",
      "白名单企业可享利率优惠",
      "客户经理将于三个工作日内上门对接",
      "",
    ]),
    status: "PENDING",
    createdAt,
    respondedAt: null,
  });
  plan.offers.push(offer);
  return offer;
}

function planDemoFirmDemands() {
  const firm = demoFirm();
  // D1 (fulfilled): the office's visit found a need; the firm posted it; 郑州银行's offer won.
  const d1 = buildDemand({
    enterpriseId: firm.id,
    amountYuan: wan(200),
    termMonths: 12,
    purpose: "新签软件开发合同，需垫付人员成本",
    guaranteeTypes: ["CREDIT"],
    rateCeilingBp: 450,
    validUntil: endOfShanghaiDay(frame("2026-04-24")),
    status: "FULFILLED",
    createdAt: frameTime("2026-02-24", 10, 5),
    updatedAt: frameTime("2026-03-02", 9, 40),
  });
  plan.demands.push(d1);
  const accepted = addOffer(d1, productNamed("郑e税贷"), frameTime("2026-02-25", 14, 30), 450);
  Object.assign(accepted, {
    rateBp: 365,
    status: "ACCEPTED",
    respondedAt: frameTime("2026-03-02", 9, 40),
  });
  const declined = addOffer(d1, productNamed("中原税e贷"), frameTime("2026-02-26", 11), 450);
  Object.assign(declined, {
    rateBp: 395,
    status: "DECLINED",
    respondedAt: frameTime("2026-03-02", 9, 40),
  });
  appSpecs.push({
    firm,
    product: productNamed("郑e税贷"),
    submittedAt: frameTime("2026-03-02", 9, 40),
    amountYuan: wan(200),
    termMonths: 12,
    purpose: d1.purpose,
    demandId: d1.id,
    offerId: accepted.id,
    loanRole: "current",
    outcome: {
      state: "DISBURSED",
      at: { approved: frameTime("2026-03-06", 16, 10), disbursed: frameTime("2026-03-11", 10, 30) },
      approved: { amountYuan: wan(200), rateBp: 365, termMonths: 12 },
      disbursed: { amountYuan: wan(200), rateBp: 365 },
    },
  });

  // D2 (open): a larger need with two offers waiting for the firm.
  const d2 = buildDemand({
    enterpriseId: firm.id,
    amountYuan: wan(500),
    termMonths: 24,
    purpose: "研发投入加大，拟扩充研发团队",
    guaranteeTypes: ["CREDIT", "IP_PLEDGE"],
    rateCeilingBp: 480,
    validUntil: endOfShanghaiDay(frame("2027-01-16")),
    status: "OPEN",
    createdAt: frameTime("2026-11-17", 15, 30),
  });
  plan.demands.push(d2);
  Object.assign(addOffer(d2, productNamed("华夏知产贷"), frameTime("2026-11-19", 10, 20), 480), {
    rateBp: 420,
  });
  Object.assign(addOffer(d2, productNamed("兴业技术流贷"), frameTime("2026-11-23", 16), 480), {
    rateBp: 435,
  });
}

function planDemands() {
  planDemoFirmDemands();
  const posters = firms.filter(
    (f) =>
      f !== demoFirm() && f.dishonestSince === null && f.grants.length > 0 && f.special !== "creditOutage",
  );
  let made = 0;
  let guard = 0;
  while (made < 58 && guard++ < 1000) {
    const firm = rng.pick(posters);
    const live = firm.grants.filter((g) => g.revokedAt === null && g.expiresAt > NOW);
    const grant = live.length ? rng.pick(live) : rng.pick(firm.grants);
    const from = new Date(
      Math.max(
        grant.grantedAt.getTime(),
        firm.createdAt.getTime(),
        shanghaiTime(APPLICATIONS_FROM).getTime(),
      ) + DAY_MS,
    );
    const until = new Date(Math.min(NOW.getTime(), (grant.revokedAt ?? grant.expiresAt).getTime()) - DAY_MS);
    if (until <= from) continue;
    const createdAt = workTime(randomWorkingDay(shanghaiDate(from), shanghaiDate(until)));
    if (!isPast(createdAt)) continue;
    const amountYuan = Math.round(rng.logUniform(30, SIZE_CAP_WAN[firm.size]) / 10) * wan(10);
    const guaranteeTypes = rng.weightedKey(GUARANTEE_SETS).split(",") as GuaranteeType[];
    const ceiling = rng.chance(0.8) ? rng.pick([400, 450, 480, 500, 550, 600]) : null;
    const validUntil = endOfShanghaiDay(addDays(shanghaiDate(createdAt), rng.pick([30, 60, 90])));
    const demand = buildDemand({
      enterpriseId: firm.id,
      amountYuan: Math.max(wan(20), amountYuan),
      termMonths: rng.pick([6, 12, 12, 24, 36]),
      purpose: rng.pick(DEMAND_PURPOSES),
      guaranteeTypes,
      rateCeilingBp: ceiling,
      validUntil,
      status: "OPEN",
      createdAt,
    });
    made++;
    plan.demands.push(demand);

    // Banks the firm authorised answer with a fitting product.
    const offers: Row<Prisma.OfferCreateManyInput>[] = [];
    const wanted = rng.weightedInt({ 0: 20, 1: 40, 2: 30, 3: 10 });
    const bankPool = banksAuthorisedAt(firm, createdAt);
    for (let i = 0; i < wanted && bankPool.length; i++) {
      const bank = bankPool.splice(rng.int(0, bankPool.length - 1), 1)[0];
      const offerAt = afterWorkingDays(createdAt, rng.int(1, 6));
      const fitting = products.filter(
        (p) =>
          p.bank === bank &&
          isOnSale(p, offerAt) &&
          guaranteeTypes.includes(p.guaranteeType) &&
          p.minAmountYuan <= demand.amountYuan &&
          isEligible(firm, p, offerAt),
      );
      if (!fitting.length || !isPast(offerAt) || offerAt > validUntil) continue;
      offers.push(addOffer(demand, rng.pick(fitting), offerAt, ceiling));
    }

    const lastOffer = offers.reduce<Date | null>(
      (max, o) => (max && max > (o.createdAt as Date) ? max : (o.createdAt as Date)),
      null,
    );
    const respondedAt = lastOffer ? afterWorkingDays(lastOffer, rng.int(1, 4)) : null;
    if (
      offers.length &&
      respondedAt &&
      respondedAt.getTime() < NOW.getTime() - 2 * DAY_MS &&
      respondedAt < validUntil &&
      rng.chance(0.45)
    ) {
      // Fulfilled: the firm accepts the cheapest offer, declines the rest; the accepted one becomes an application.
      const best = offers.reduce((a, b) => (b.rateBp < a.rateBp ? b : a));
      for (const offer of offers)
        Object.assign(offer, { status: offer === best ? "ACCEPTED" : "DECLINED", respondedAt });
      Object.assign(demand, { status: "FULFILLED", updatedAt: respondedAt });
      const product = products.find((p) => p.id === best.productId)!;
      appSpecs.push({
        firm,
        product,
        submittedAt: respondedAt,
        amountYuan: best.amountYuan,
        termMonths: best.termMonths,
        purpose: demand.purpose,
        demandId: demand.id,
        offerId: best.id,
        outcome: pinRate(
          simulate(firm, product, respondedAt, best.amountYuan, best.termMonths, true),
          best.rateBp,
        ),
      });
    } else if (validUntil < NOW) {
      for (const offer of offers) Object.assign(offer, { status: "DECLINED", respondedAt: validUntil });
      Object.assign(demand, { status: "CLOSED", updatedAt: validUntil });
    } else if (rng.chance(0.2)) {
      const closedAt = new Date(createdAt.getTime() + rng.next() * (NOW.getTime() - createdAt.getTime()));
      plan.offers = plan.offers.filter((o) => !(offers.includes(o) && (o.createdAt as Date) > closedAt));
      for (const offer of offers) Object.assign(offer, { status: "DECLINED", respondedAt: closedAt });
      Object.assign(demand, { status: "CLOSED", updatedAt: closedAt });
    } else {
      for (const offer of offers) {
        if (rng.chance(0.2))
          Object.assign(offer, {
            status: "DECLINED",
            respondedAt: afterWorkingDays(offer.createdAt as Date, 1),
          });
        if (offer.respondedAt && !isPast(offer.respondedAt as Date))
          Object.assign(offer, { status: "PENDING", respondedAt: null });
      }
    }
  }
}

/** An application born from an offer is approved at the offered rate. */
function pinRate(outcome: Outcome, rateBp: number): Outcome {
  if (outcome.approved) outcome.approved.rateBp = rateBp;
  if (outcome.disbursed) outcome.disbursed.rateBp = rateBp;
  return outcome;
}

// ---------------------------------------------------------------------------------------
// 7. Applications: scripted ones for the demo accounts, then a year of traffic

function planScriptedApplications() {
  const firm = demoFirm();
  const t = frameTime;
  const scripted: Omit<AppSpec, "firm">[] = [
    {
      product: productNamed("工银经营快贷"),
      submittedAt: t("2026-01-12", 14),
      amountYuan: wan(100),
      termMonths: 12,
      purpose: "旺季备货",
      outcome: { state: "WITHDRAWN", withdrawnFrom: "SUBMITTED", at: { withdrawn: t("2026-01-13", 9, 30) } },
    },
    {
      product: productNamed("中原科创贷"),
      submittedAt: t("2026-06-08", 10, 15),
      amountYuan: wan(500),
      termMonths: 24,
      purpose: "研发投入及人员工资",
      outcome: {
        state: "REJECTED",
        rejectedFrom: "ACCEPTED",
        at: { accepted: t("2026-06-09", 15, 20), rejected: t("2026-06-19", 16) },
        reason: "HIGH_LEVERAGE",
        reasonText: null,
      },
    },
    {
      product: productNamed("建融税易贷"),
      submittedAt: t("2026-11-10", 9, 50),
      amountYuan: wan(150),
      termMonths: 12,
      purpose: "支付供应商货款",
      outcome: {
        state: "APPROVED",
        at: { accepted: t("2026-11-11", 10, 30), approved: t("2026-11-20", 15) },
        approved: { amountYuan: wan(150), rateBp: 355, termMonths: 12 },
      },
    },
    {
      product: productNamed("光大阳光税贷"),
      submittedAt: t("2026-11-16", 9, 30),
      amountYuan: wan(120),
      termMonths: 12,
      purpose: "软件项目开发投入",
      outcome: { state: "ACCEPTED", at: { accepted: t("2026-11-18", 11) } },
    },
    {
      product: productNamed("商鼎科创贷"),
      submittedAt: t("2026-11-24", 10, 15),
      amountYuan: wan(300),
      termMonths: 24,
      purpose: "研发投入及人员工资",
      outcome: { state: "SUBMITTED", at: {} },
    },
  ];
  for (const spec of scripted) appSpecs.push({ firm, ...spec });

  // The demo firm's other loans at 郑州银行 (./seed-loans gives them their history): one in
  // default that the pool covered (its first loan), one overdue now, one maturing in 30–60 days.
  const wd = (daysAgo: number, hour: number, minute = 0) => {
    const day = ago(daysAgo);
    return shanghaiTime(
      calendar.isWorkingDay(day) ? day : calendar.addWorkingDaysToDay(day, 1),
      hour,
      minute,
    );
  };
  const demoLoans: [DemoLoanRole, string, number, number][] = [
    ["covered", "郑e税贷", 80, 352],
    ["overdue", "商鼎科创贷", 60, 225],
    ["renewal", "郑e税贷", 100, 332],
  ];
  for (const [loanRole, productName, amountWan, daysAgo] of demoLoans) {
    const product = productNamed(productName);
    const rateBp = product.minRateBp + 20;
    appSpecs.push({
      firm,
      product,
      submittedAt: wd(daysAgo, 9, 45),
      amountYuan: wan(amountWan),
      termMonths: 12,
      purpose: loanRole === "overdue" ? "研发投入及人员工资" : "支付供应商货款",
      loanRole,
      outcome: {
        state: "DISBURSED",
        at: {
          accepted: wd(daysAgo - 1, 11),
          approved: wd(daysAgo - 6, 15, 30),
          disbursed: wd(daysAgo - 12, 10, 30),
        },
        approved: { amountYuan: wan(amountWan), rateBp, termMonths: 12 },
        disbursed: { amountYuan: wan(amountWan), rateBp },
      },
    });
  }

  // 郑州银行's inbox: open files in time and overdue on both clocks.
  const zzbFirms = firms.filter(
    (f) =>
      f !== demoFirm() &&
      f.special === null &&
      f.dishonestSince === null &&
      f.whitelist === null &&
      (f.taxGrade === "A" || f.taxGrade === "B") &&
      f.size !== "LARGE" &&
      f.createdAt < t("2026-10-01"),
  );
  const zzb = productNamed("郑e税贷");
  // On working days before today, so that the clocks are overdue or in time whatever the day.
  const w = (workingDays: number, hour: number, minute = 0) =>
    shanghaiTime(workingDaysAgo(workingDays), hour, minute);
  const inbox: [Date, Outcome][] = [
    [w(7, 11, 20), { state: "SUBMITTED", at: {} }], // first response due after 3 working days: overdue
    [w(1, 15, 40), { state: "SUBMITTED", at: {} }], // in time
    [w(16, 10), { state: "ACCEPTED", at: { accepted: w(15, 9, 30) } }], // decision due after 10: overdue
    [w(4, 10, 30), { state: "ACCEPTED", at: { accepted: w(3, 14) } }], // in time
    [
      w(13, 14, 10),
      {
        state: "APPROVED",
        at: { accepted: w(12, 10), approved: w(2, 16) },
        approved: { amountYuan: wan(150), rateBp: 395, termMonths: 12 },
      },
    ],
  ];
  for (const [when, outcome] of inbox) {
    const firm = zzbFirms.splice(rng.int(0, zzbFirms.length - 1), 1)[0];
    appSpecs.push({
      firm,
      product: zzb,
      submittedAt: when,
      amountYuan: wan(150),
      termMonths: 12,
      purpose: rng.pick(APPLICATION_PURPOSES),
      outcome,
    });
  }
}

/** A submission moment: more traffic as the platform grows, mostly office hours on working days. */
function submissionTime(): Date {
  const span = daysBetween(APPLICATIONS_FROM, APPLICATIONS_TO);
  // density ∝ 0.6 + 0.8x on [0, 1]: invert the CDF 0.6x + 0.4x²
  const u = rng.next();
  const x = (-0.6 + Math.sqrt(0.36 + 1.6 * u)) / 0.8;
  let day = addDays(APPLICATIONS_FROM, Math.min(span, Math.floor(x * (span + 1))));
  if (!calendar.isWorkingDay(day) && rng.chance(0.85)) {
    const next = calendar.addWorkingDaysToDay(day, 1);
    if (next <= APPLICATIONS_TO) day = next;
  }
  const hour = rng.weightedInt({
    8: 3,
    9: 12,
    10: 14,
    11: 12,
    13: 8,
    14: 12,
    15: 12,
    16: 10,
    17: 6,
    19: 3,
    21: 2,
  });
  const at = shanghaiTime(day, hour, rng.int(0, 59));
  return at < NOW ? at : new Date(NOW.getTime() - rng.int(30, 600) * MINUTE_MS);
}

function planRandomApplications() {
  const wanted = TARGET_APPLICATIONS - appSpecs.length;
  const applicants = firms.filter((f) => f !== demoFirm() && f.special !== "creditOutage");
  for (let made = 0, guard = 0; made < wanted && guard < 10_000; guard++) {
    const submittedAt = submissionTime();
    const candidates = applicants.filter((f) => f.createdAt.getTime() < submittedAt.getTime() - DAY_MS);
    const firm = rng.weighted(
      candidates.map(
        (f) =>
          [
            f,
            f.activity *
              (isWhitelistedAt(f, submittedAt) ? 3 : 1) *
              (f.dishonestSince ? 0.25 : 1) *
              (f.size === "LARGE" ? 0.3 : 1),
          ] as const,
      ),
    );
    const onSale = products.filter((p) => isOnSale(p, submittedAt));
    const eligible = onSale.filter((p) => isEligible(firm, p, submittedAt));
    const from = eligible.length && rng.chance(0.88) ? eligible : onSale;
    const product = rng.weighted(
      from.map((p) => [p, p.bank.popularity * (p.type === "CREDIT" ? 1.6 : 1)] as const),
    );
    const amountYuan = amountFor(firm, product);
    const termMonths = termFor(product);
    appSpecs.push({
      firm,
      product,
      submittedAt,
      amountYuan,
      termMonths,
      purpose: rng.pick(APPLICATION_PURPOSES),
      outcome: simulate(firm, product, submittedAt, amountYuan, termMonths, false),
    });
    made++;
  }
}

/** Numbers in submission order per day, first loans, then the rows. */
function buildApplications(): (ApplicationPlan & { spec: AppSpec })[] {
  appSpecs.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const perDay = new Map<string, number>();
  const disbursedBefore = new Set<Firm>();
  const byDisbursement = appSpecs
    .filter((s) => s.outcome.state === "DISBURSED")
    .sort((a, b) => a.outcome.at.disbursed!.getTime() - b.outcome.at.disbursed!.getTime());
  const firstLoans = new Set<AppSpec>();
  for (const spec of byDisbursement) {
    if (!spec.firm.hadBankLoan && !disbursedBefore.has(spec.firm)) firstLoans.add(spec);
    disbursedBefore.add(spec.firm);
  }
  return appSpecs.map((spec) => {
    const day = shanghaiDate(spec.submittedAt);
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    const { outcome } = spec;
    const built = planApplication({
      enterpriseId: spec.firm.id,
      productId: spec.product.id,
      product: spec.product,
      number: applicationNumber(spec.submittedAt, n),
      state: outcome.state,
      amountYuan: spec.amountYuan,
      termMonths: spec.termMonths,
      purpose: spec.purpose,
      submittedAt: spec.submittedAt,
      whitelisted: isWhitelistedAt(spec.firm, spec.submittedAt),
      demandId: spec.demandId ?? null,
      offerId: spec.offerId ?? null,
      enterpriseUserId: spec.firm.userId,
      bankUserId: spec.product.bank.userId,
      at: outcome.at,
      rejectedFrom: outcome.rejectedFrom,
      withdrawnFrom: outcome.withdrawnFrom,
      reason: outcome.reason,
      reasonText: outcome.reasonText,
      approved: outcome.approved,
      disbursed: outcome.disbursed,
      firstLoan: firstLoans.has(spec),
      now: NOW,
    });
    plan.applications.push(built.application);
    plan.applicationEvents.push(...built.events);
    if (built.authorization) plan.applicationAuthorizations.push(built.authorization);
    return { ...built, spec };
  });
}

// ---------------------------------------------------------------------------------------
// 8. Access log, visits, objections, notifications

function planAccessLogs(applications: ReturnType<typeof buildApplications>) {
  const log = (
    firm: Firm,
    bank: BankInfo,
    at: Date,
    purpose: "PRE_LOAN" | "IN_LOAN" | "POST_LOAN",
    scope: "BASIC" | "FULL" = "FULL",
  ) => {
    if (isPast(at))
      plan.accessLogs.push(
        buildAccessLog({ enterpriseId: firm.id, bankId: bank.id, userId: bank.userId, scope, purpose, at }),
      );
  };
  for (const { application: a, spec } of applications) {
    const bank = spec.product.bank;
    const submitted = a.submittedAt as Date;
    const firstAnswer = (a.firstResponseAt as Date | null) ?? (a.closedAt as Date | null) ?? NOW;
    const window = Math.max(10 * MINUTE_MS, firstAnswer.getTime() - submitted.getTime());
    const views = rng.int(1, 2);
    for (let i = 0; i < views; i++)
      log(spec.firm, bank, new Date(submitted.getTime() + rng.next() * window * 0.9), "PRE_LOAN");
    if (a.decidedAt && a.approvedAmountYuan)
      log(
        spec.firm,
        bank,
        new Date((a.decidedAt as Date).getTime() - rng.int(30, 300) * MINUTE_MS),
        "IN_LOAN",
      );
    if (a.disbursedAt) {
      const limit = Math.min(NOW.getTime(), addYears(submitted, 1).getTime());
      for (
        let at = (a.disbursedAt as Date).getTime() + rng.int(25, 45) * DAY_MS;
        at < limit;
        at += rng.int(30, 75) * DAY_MS
      ) {
        log(spec.firm, bank, workTime(shanghaiDate(new Date(at))), "POST_LOAN");
      }
    }
  }
  // Banks browsing candidates that authorised them.
  for (const firm of firms) {
    for (const grant of firm.grants) {
      const end = Math.min(NOW.getTime(), (grant.revokedAt ?? grant.expiresAt).getTime());
      if (end <= grant.grantedAt.getTime() || !rng.chance(0.5)) continue;
      for (let i = rng.int(1, 3); i > 0; i--) {
        const bank = grant.bankId
          ? banks.find((b) => b.id === grant.bankId)!
          : rng.weighted(banks.map((b) => [b, b.popularity] as const));
        log(
          firm,
          bank,
          new Date(grant.grantedAt.getTime() + rng.next() * (end - grant.grantedAt.getTime())),
          "PRE_LOAN",
          grant.scope,
        );
      }
    }
  }
  // The demo firm looking at its own profile.
  for (const day of [frame("2026-02-20"), frame("2026-06-20"), ago(1)]) {
    plan.accessLogs.push(
      buildAccessLog({
        enterpriseId: demoFirm().id,
        userId: demoFirm().userId,
        bankId: null,
        scope: "FULL",
        purpose: "SELF",
        at: workTime(day),
      }),
    );
  }
  plan.accessLogs.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
}

function planVisits(applications: ReturnType<typeof buildApplications>) {
  const visit = (firm: Firm, day: string, findings: string, needYuan: number | null, nextStep: string) => {
    plan.visits.push(
      buildVisit({
        enterpriseId: firm.id,
        subDistrictId: firm.office.id,
        userId: firm.office.userId,
        visitedOn: shanghaiTime(day, 0),
        findings,
        needYuan,
        nextStep,
        createdAt: shanghaiTime(day, rng.int(15, 18), rng.int(0, 59)),
      }),
    );
  };
  const demo = demoFirm();
  visit(
    demo,
    frame("2026-02-10"),
    "企业新签两份软件开发合同，人员成本需先行垫付，资金缺口约200万元，无抵押物。",
    wan(200),
    "指导企业在平台发布融资需求",
  );
  visit(
    demo,
    frame("2026-06-29"),
    "回访：前次申请被拒（资产负债率偏高），企业已收回部分应收账款，建议降低申请金额后再申请。",
    wan(150),
    "三个月后回访",
  );

  // Follow-ups (回访) of recent rejections.
  const rejected = applications.filter(
    (a) => a.application.state === "REJECTED" && a.spec.firm !== demo && a.spec.firm.special !== "dishonest",
  );
  for (let i = 0; i < 14 && rejected.length; i++) {
    const { application, spec } = rejected.splice(rng.int(0, rejected.length - 1), 1)[0];
    const day = calendar.addWorkingDaysToDay(shanghaiDate(application.decidedAt as Date), rng.int(3, 15));
    if (day >= TODAY) continue;
    visit(
      spec.firm,
      day,
      `回访：企业申请的${spec.product.name}未获批准，已了解原因并协助企业完善材料、对接其他金融产品。`,
      rng.chance(0.6) ? application.amountYuan : null,
      rng.pick(["协调担保公司提供增信", "对接合作银行客户经理", "三个月后回访"]),
    );
  }
  // Routine visits, more in offices with more firms.
  while (plan.visits.length < 80) {
    const firm = rng.pick(firms.filter((f) => f.special !== "dishonest"));
    const from = shanghaiDate(firm.createdAt) > ago(360) ? shanghaiDate(firm.createdAt) : ago(360);
    if (from >= ago(1)) continue;
    visit(
      firm,
      randomWorkingDay(from, ago(1)),
      rng.pick(VISIT_FINDINGS),
      rng.chance(0.45) ? wan(rng.pick([50, 100, 150, 200, 300, 500])) : null,
      rng.pick(VISIT_NEXT_STEPS),
    );
  }
  plan.visits.sort((a, b) => (a.visitedOn as Date).getTime() - (b.visitedOn as Date).getTime());
}

function planObjections() {
  const penaltyFirms = firms.filter(
    (f) => f !== demoFirm() && f.credit?.penalties.items.length && f.special !== "dishonest",
  );
  const file = (
    firm: Firm,
    source: string,
    recordKey: string,
    recordSummary: string,
    reason: string,
    createdAt: Date,
    outcome: {
      status: "OPEN" | "ACCEPTED" | "REJECTED";
      resolution?: "CORRECTED" | "REPAIRED";
      responseText?: string;
      days?: number;
    },
  ) => {
    plan.objections.push(
      buildObjection({
        enterpriseId: firm.id,
        filedById: firm.userId,
        source,
        recordKey,
        recordSummary,
        reason,
        attachmentNote: rng.pick(["罚款缴纳凭证、整改报告", "供电公司出具的结清证明", "社保补缴凭证", ""]),
        status: outcome.status,
        resolution: outcome.resolution ?? null,
        responseText: outcome.responseText ?? null,
        handledById: outcome.status === "OPEN" ? null : bureauUserId,
        handledAt: outcome.status === "OPEN" ? null : afterWorkingDays(createdAt, outcome.days ?? 8),
        createdAt,
      }),
    );
  };
  const penaltyOf = (firm: Firm, repaired: boolean | null) =>
    firm.credit!.penalties.items.find((p) => repaired === null || p.repaired === repaired);
  const summary = (p: { decidedOn: string; authority: string; reason: string; amount: number }) =>
    `${p.decidedOn} ${p.authority}：${p.reason}，罚款${p.amount}元`;

  // The unpaid-penalties demo case: open, filed this week.
  const unpaid = firms.find((f) => f.special === "unpaidPenalties");
  if (unpaid?.credit) {
    const p =
      unpaid.credit.penalties.items.find((x) => x.amount === 80_000) ?? unpaid.credit.penalties.items[0];
    file(
      unpaid,
      "penalties",
      p.decisionNo,
      summary(p),
      `罚款已于${yearOf(ago(45))}年${Number(ago(45).slice(5, 7))}月全额缴纳并完成整改，申请标注为已修复。`,
      frameTime("2026-11-23", 10, 40),
      { status: "OPEN" },
    );
  }
  const plans: {
    repaired: boolean | null;
    createdOn: string;
    outcome: Parameters<typeof file>[6];
    reason: string;
  }[] = [
    {
      repaired: null,
      createdOn: "2026-10-28",
      outcome: { status: "OPEN" },
      reason: "该处罚决定已被复议撤销，请更正。",
    },
    {
      repaired: true,
      createdOn: "2026-11-12",
      outcome: { status: "OPEN" },
      reason: "罚款已缴纳并整改完毕，申请信用修复。",
    },
    {
      repaired: true,
      createdOn: "2026-05-11",
      outcome: {
        status: "ACCEPTED",
        resolution: "REPAIRED",
        responseText: "经核实，企业已履行处罚决定并完成整改，记录已标注为已修复。",
        days: 9,
      },
      reason: "已履行处罚决定，申请信用修复。",
    },
    {
      repaired: true,
      createdOn: "2026-08-03",
      outcome: {
        status: "ACCEPTED",
        resolution: "REPAIRED",
        responseText: "符合信用修复条件，已修复。",
        days: 6,
      },
      reason: "已完成整改并公开作出信用承诺。",
    },
    {
      repaired: false,
      createdOn: "2026-07-06",
      outcome: {
        status: "REJECTED",
        responseText: "经核实，罚款尚未缴清，处罚记录仍在公示期内，异议不成立。",
        days: 11,
      },
      reason: "处罚金额过高，不应公示。",
    },
    {
      repaired: null,
      createdOn: "2026-09-14",
      outcome: {
        status: "REJECTED",
        responseText: "处罚决定书文号、金额与执法机关推送数据一致，异议不成立。",
        days: 12,
      },
      reason: "记录中的处罚金额有误。",
    },
  ];
  for (const o of plans) {
    const candidates = penaltyFirms.filter(
      (f) => penaltyOf(f, o.repaired) && !plan.objections.some((x) => x.enterpriseId === f.id),
    );
    if (!candidates.length) continue;
    const firm = rng.pick(candidates);
    const p = penaltyOf(firm, o.repaired)!;
    file(firm, "penalties", p.decisionNo, summary(p), o.reason, workTime(frame(o.createdOn)), o.outcome);
  }
  // Utilities and tax records.
  const arrears = firms.find(
    (f) =>
      f.special === null &&
      f.credit &&
      f.credit.utilities.powerArrears > 0 &&
      !plan.objections.some((x) => x.enterpriseId === f.id),
  );
  if (arrears?.credit) {
    file(
      arrears,
      "utilities",
      "powerArrears",
      `电费欠费${arrears.credit.utilities.powerArrears}元`,
      "电费已于上月结清，平台数据未更新。",
      workTime(frame("2026-09-22")),
      {
        status: "ACCEPTED",
        resolution: "CORRECTED",
        responseText: "经供电公司核实，欠费已结清，记录已更正。",
        days: 5,
      },
    );
  }
  const taxC = firms.find(
    (f) =>
      f.special === null &&
      f.taxGrade === "C" &&
      f.credit &&
      !plan.objections.some((x) => x.enterpriseId === f.id),
  );
  if (taxC?.credit) {
    file(
      taxC,
      "tax",
      `grade:${taxC.credit.tax.year}`,
      `${taxC.credit.tax.year}年度纳税信用等级C`,
      "我司已补正申报，认为评级过低。",
      workTime(frame("2026-10-09")),
      {
        status: "REJECTED",
        responseText: "纳税信用等级由税务机关评定，请向主管税务机关申请复评。",
        days: 7,
      },
    );
  }
}

function planNotifications(applications: ReturnType<typeof buildApplications>) {
  const note = (
    userId: string,
    kind: string,
    params: Record<string, string | number>,
    link: string | null,
    createdAt: Date,
    read: boolean,
  ) => {
    if (!isPast(createdAt)) return;
    plan.notifications.push(
      buildNotification({
        userId,
        kind,
        params,
        link,
        createdAt,
        readAt: read
          ? new Date(Math.min(NOW.getTime() - MINUTE_MS, createdAt.getTime() + rng.int(1, 48) * HOUR_MS))
          : null,
      }),
    );
  };
  const demo = demoFirm();
  const zzb = bankByCode("ZZB");
  const ruyihu = officeByCode("ruyihu");

  // The firm: what happened to its applications and demands.
  for (const { application: a, events, spec } of applications) {
    const params = {
      number: a.number,
      product: spec.product.name,
      enterprise: spec.firm.name,
      bank: spec.product.bank.name,
    };
    if (spec.firm === demo) {
      for (const event of events.filter((e) => e.fromState !== null)) {
        note(
          demo.userId,
          `application.${event.toState}`,
          params,
          `/enterprise/applications/${a.id}`,
          event.at as Date,
          (event.at as Date) < shanghaiTime(ago(11)),
        );
      }
    }
    if (spec.product.bank === zzb) {
      const submitted = a.submittedAt as Date;
      if (submitted.getTime() > NOW.getTime() - 14 * DAY_MS) {
        note(
          zzb.userId,
          "application.SUBMITTED",
          params,
          `/bank/applications/${a.id}`,
          submitted,
          a.state !== "SUBMITTED",
        );
      }
      if (a.state === "WITHDRAWN" && (a.closedAt as Date).getTime() > NOW.getTime() - 30 * DAY_MS) {
        note(
          zzb.userId,
          "application.WITHDRAWN",
          params,
          `/bank/applications/${a.id}`,
          a.closedAt as Date,
          true,
        );
      }
    }
    if (
      spec.firm.office === ruyihu &&
      a.state === "REJECTED" &&
      (a.closedAt as Date).getTime() > NOW.getTime() - 30 * DAY_MS
    ) {
      note(
        ruyihu.userId,
        "followUp.REJECTED",
        params,
        `/gov/firms/${spec.firm.id}`,
        a.closedAt as Date,
        false,
      );
    }
  }
  for (const offer of plan.offers.filter((o) =>
    plan.demands.some((d) => d.id === o.demandId && d.enterpriseId === demo.id),
  )) {
    const bank = banks.find((b) => b.id === offer.bankId)!;
    note(
      demo.userId,
      "offer.CREATED",
      { bank: bank.name, product: plan.products.find((p) => p.id === offer.productId)?.name ?? "" },
      `/enterprise/demands/${offer.demandId}`,
      offer.createdAt as Date,
      offer.status !== "PENDING",
    );
  }
  for (const offer of plan.offers.filter((o) => o.bankId === zzb.id && o.status === "ACCEPTED")) {
    note(
      zzb.userId,
      "offer.ACCEPTED",
      {
        enterprise:
          firms.find((f) => plan.demands.some((d) => d.id === offer.demandId && d.enterpriseId === f.id))
            ?.name ?? "",
        number: applications.find((x) => x.application.offerId === offer.id)?.application.number ?? "",
      },
      `/bank/offers`,
      offer.respondedAt as Date,
      true,
    );
  }
  // Whitelist batches are pushed to every bank; the firms on them are told.
  for (const batch of plan.batches) {
    const count = plan.entries.filter((e) => e.batchId === batch.id).length;
    for (const bank of banks) {
      note(
        bank.userId,
        "whitelist.BATCH",
        { batch: batch.name, count },
        null,
        batch.createdAt as Date,
        batch.name === BATCHES[0].name || rng.chance(0.6),
      );
    }
  }
  note(
    demo.userId,
    "recommendation.APPROVED",
    { batch: BATCHES[0].name, enterprise: demo.name },
    "/enterprise",
    BATCHES[0].approvedAt,
    true,
  );
  // Overdue files in the demo bank's inbox.
  for (const { application: a, spec } of applications) {
    if (spec.product.bank !== zzb || (a.state !== "SUBMITTED" && a.state !== "ACCEPTED")) continue;
    const started =
      a.state === "SUBMITTED" ? (a.submittedAt as Date) : ((a.acceptedAt as Date) ?? (a.submittedAt as Date));
    const due = calendar.addWorkingDays(started, a.state === "SUBMITTED" ? 3 : 10);
    if (isPast(due))
      note(
        zzb.userId,
        "sla.OVERDUE",
        { number: a.number, enterprise: spec.firm.name },
        `/bank/applications/${a.id}`,
        new Date(due.getTime() + 9 * HOUR_MS + MINUTE_MS),
        false,
      );
  }
  // Offices and the bureau: recommendations to handle, objections filed.
  for (const r of plan.recommendations) {
    const firm = firms.find((f) => f.id === r.enterpriseId)!;
    const params = { enterprise: firm.name };
    if (r.status === "REQUESTED")
      note(
        firm.office.userId,
        "recommendation.REQUESTED",
        params,
        "/gov/recommendations",
        r.createdAt as Date,
        false,
      );
    if (r.status === "PENDING")
      note(
        bureauUserId,
        "recommendation.PENDING",
        { ...params, office: firm.office.name },
        "/gov/review",
        r.createdAt as Date,
        false,
      );
    if ((r.status === "APPROVED" || r.status === "REJECTED") && firm.office === ruyihu) {
      note(
        ruyihu.userId,
        `recommendation.${r.status}`,
        {
          ...params,
          batch: plan.batches.find((b) => b.id === r.batchId)?.name ?? "",
          reason: r.reviewNote ?? "",
        },
        "/gov/recommendations",
        r.reviewedAt as Date,
        true,
      );
    }
  }
  for (const o of plan.objections) {
    const firm = firms.find((f) => f.id === o.enterpriseId)!;
    note(
      bureauUserId,
      "objection.FILED",
      { enterprise: firm.name, source: o.source },
      `/gov/objections`,
      o.createdAt as Date,
      o.status !== "OPEN",
    );
  }
  plan.notifications.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
}

// ---------------------------------------------------------------------------------------
// Writing

const elapsed = (since: number) => `${Math.round(performance.now() - since)} ms`;

async function write(db: ReturnType<typeof createPrismaClient>) {
  await db.$transaction(
    async (tx) => {
      const step = async (label: string, work: () => Promise<string>) => {
        const started = performance.now();
        process.stdout.write(`» ${label}… `);
        const summary = await work();
        console.log(`✓ ${summary} (${elapsed(started)})`);
      };
      await step("sub-districts and banks", async () => {
        const a = await tx.subDistrict.createMany({ data: plan.subDistricts });
        const b = await tx.bank.createMany({ data: plan.banks });
        return `${a.count} + ${b.count}`;
      });
      await step("LPR history and settings", async () => {
        const a = await tx.lprRate.createMany({ data: plan.lprRates });
        const b = await tx.setting.createMany({ data: plan.settings });
        return `${a.count} rates + ${b.count} settings`;
      });
      await step("products", async () => `${(await tx.product.createMany({ data: plan.products })).count}`);
      await step("enterprises and credit profiles", async () => {
        const a = await tx.enterprise.createMany({ data: plan.enterprises });
        const b = await tx.creditProfile.createMany({ data: plan.creditProfiles });
        return `${a.count} firms, ${b.count} profile sources`;
      });
      await step("users, passwords and commitments", async () => {
        const a = await tx.user.createMany({ data: plan.users });
        await tx.password.createMany({ data: plan.passwords });
        const c = await tx.commitment.createMany({ data: plan.commitments });
        return `${a.count} users, ${c.count} commitments`;
      });
      await step(
        "authorisations",
        async () => `${(await tx.authorization.createMany({ data: plan.authorizations })).count}`,
      );
      await step("whitelist", async () => {
        await tx.whitelistBatch.createMany({ data: plan.batches });
        const r = await tx.recommendation.createMany({ data: plan.recommendations });
        const e = await tx.whitelistEntry.createMany({ data: plan.entries });
        await tx.whitelistEvent.createMany({ data: plan.whitelistEvents });
        return `${plan.batches.length} batches, ${e.count} entries, ${r.count} recommendations`;
      });
      await step("demands and offers", async () => {
        const d = await tx.demand.createMany({ data: plan.demands });
        const o = await tx.offer.createMany({ data: plan.offers });
        return `${d.count} + ${o.count}`;
      });
      await step("applications and their events", async () => {
        const a = await tx.application.createMany({ data: plan.applications });
        const e = await tx.applicationEvent.createMany({ data: plan.applicationEvents });
        await tx.authorization.createMany({ data: plan.applicationAuthorizations });
        await tx.$executeRawUnsafe(REFRESH_EVERY_AUTHORISED_UNTIL);
        return `${a.count} applications, ${e.count} events`;
      });
      await step("access log, visits, objections, notifications", async () => {
        const a = await tx.accessLog.createMany({ data: plan.accessLogs });
        const v = await tx.visit.createMany({ data: plan.visits });
        const o = await tx.objection.createMany({ data: plan.objections });
        const n = await tx.notification.createMany({ data: plan.notifications });
        return `${a.count} + ${v.count} + ${o.count} + ${n.count}`;
      });
      await step("notices, invitations, training", () => seedOutreach(tx, NOW));
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * The demo bank's API client (SPEC: `demo-zzbank` / `xyd-demo-api-secret-2026`), also added to a
 * database seeded before the API existed. Issued like the bureau's page issues one (sealed
 * secret, its own BANK user), so it works exactly as a real client does.
 */
async function ensureDemoApiClient(db: ReturnType<typeof createPrismaClient>) {
  if (await db.apiClient.findUnique({ where: { keyId: DEMO_API_KEY_ID }, select: { id: true } })) return;
  const bank = await db.bank.findUnique({ where: { code: "ZZB" }, select: { id: true } });
  if (!bank) return;
  process.stdout.write(`» demo API client ${DEMO_API_KEY_ID}… `);
  const issued = await issueApiClient(null, {
    bankId: bank.id,
    keyId: DEMO_API_KEY_ID,
    secret: DEMO_API_SECRET,
    label: "演示：郑州银行信贷系统",
    now: NOW,
  });
  console.log(issued.ok ? "✓" : `✗ ${issued.error}`);
}

function printLogins() {
  const rows: [string, string, string][] = [
    ["enterprise", "ENTERPRISE", demoFirm().name],
    ["bank", "BANK", `${bankByCode("ZZB").name} · ${bankByCode("ZZB").officer}`],
    ["office", "GOV_OFFICE", officeByCode("ruyihu").name],
    ["bureau", "GOV_BUREAU", "郑东新区经济发展局"],
  ];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
  const cols = [12, 12, Math.max(...rows.map((r) => width(r[2]))) + 2];
  console.log("\nDemo logins:");
  console.log(`  ${pad("username", cols[0])}${pad("role", cols[1])}${pad("organisation", cols[2])}password`);
  for (const r of rows)
    console.log(`  ${pad(r[0], cols[0])}${pad(r[1], cols[1])}${pad(r[2], cols[2])}${DEMO_PASSWORD}`);
  const otherFirm = firms.find((f) => f !== demoFirm() && f.special === null && goodCredit(f))!;
  console.log(
    `\n  Also, same password: office-<code> (${offices
      .slice(1)
      .map((o) => o.code)
      .join(", ")}),` +
      `\n  bank-<code> (${banks
        .slice(1)
        .map((b) => b.code.toLowerCase())
        .join(", ")}),` +
      `\n  and one user per firm, ent-<last 6 of USCC> (e.g. ${otherFirm.username} for ${otherFirm.name}).`,
  );
  console.log(
    `\n  Bank API (郑州银行): key ${DEMO_API_KEY_ID}, secret ${DEMO_API_SECRET} — see README, "Bank API".`,
  );
}

async function main() {
  const started = performance.now();
  const db = createPrismaClient();
  try {
    if (await db.user.findFirst({ select: { id: true } })) {
      console.log("database already seeded — nothing to do");
      await ensureDemoApiClient(db);
      return;
    }
    process.stdout.write("» hashing the demo password… ");
    let t = performance.now();
    passwordHash = await passwordHashFor(DEMO_PASSWORD);
    console.log(`✓ (${elapsed(t)})`);

    process.stdout.write(`» planning a year of data (seeded, now = ${TODAY} 00:00 Asia/Shanghai)… `);
    t = performance.now();
    planOrganisations();
    planFirms();
    planAuthorizations();
    planWhitelist();
    planDemands();
    planScriptedApplications();
    planRandomApplications();
    const applications = buildApplications();
    planAccessLogs(applications);
    planVisits(applications);
    planObjections();
    planNotifications(applications);
    const total = Object.values(plan).reduce((n, rows) => n + rows.length, 0);
    console.log(`✓ ${total} rows (${elapsed(t)})`);

    await write(db);
    await seedLoans({
      now: NOW,
      today: TODAY,
      roles: new Map(
        applications.filter((a) => a.spec.loanRole).map((a) => [a.application.id, a.spec.loanRole!]),
      ),
      demoBankCode: "ZZB",
      suspendedBankCode: "CEB",
      poolStart: ago(420),
    });
    process.stdout.write("» indicator rollups… ");
    t = performance.now();
    console.log(`✓ ${(await rebuildRollups(db)).slots} slots (${elapsed(t)})`);
    process.stdout.write("» government queues (SLA deadlines, follow-ups)… ");
    t = performance.now();
    console.log(`✓ ${JSON.stringify(await rebuildGovQueues(db))} (${elapsed(t)})`);
    process.stdout.write("» demo bank's webhook endpoint and deliveries… ");
    t = performance.now();
    const zzb = await db.bank.findUniqueOrThrow({ where: { code: "ZZB" }, select: { id: true } });
    console.log(`✓ ${await seedWebhooks(db, { bankId: zzb.id })} (${elapsed(t)})`);
    await ensureDemoApiClient(db);
    const states = new Map<string, number>();
    for (const a of plan.applications)
      states.set(a.state as string, (states.get(a.state as string) ?? 0) + 1);
    console.log(`  applications by state: ${[...states].map(([s, n]) => `${s} ${n}`).join(", ")}`);
    console.log(`  LPR in force today: ${lprAt(NOW)} bp`);
    printLogins();
    console.log(`\n✓ seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
