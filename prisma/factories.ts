/**
 * Factories: the vocabulary the seed and the integration tests build data with.
 *
 * Two layers:
 * - `build*` functions are pure: they take explicit ids and facts and return rows ready for
 *   `createMany` (the seed builds thousands of rows in memory and writes them in batches);
 * - `create*` functions take a Prisma client and optional overrides, fill sensible defaults
 *   (looking up what they need: a product's bank, a bank's officer…), write, and return the row.
 *
 * Defaults are consistent with the domain rules: a firm's registry fields, size and credit
 * summary come from the mock credit platform and the 企业划型 rules; an application carries
 * one ApplicationEvent per transition, with the same timestamps as its columns.
 *
 * Relative imports only: this file runs under tsx (seed) and vitest.
 */
import { randomBytes } from "node:crypto";

import type {
  AccessLog,
  Application,
  Authorization,
  Bank,
  Commitment,
  Demand,
  Enterprise,
  Loan,
  Notification,
  Objection,
  Offer,
  Prisma,
  Product,
  Recommendation,
  SubDistrict,
  User,
  Visit,
  WhitelistBatch,
  WhitelistEntry,
} from "@prisma/client";

import type { Db } from "../app/db.server";
import type { ApplicationState, RejectReason } from "../app/domain/application-machine";
import { classifyEnterprise, type EnterpriseSize } from "../app/domain/enterprise-size";
import { sizeRuleSetFor, type SectionCode } from "../app/domain/industry";
import { buildSchedule, maturityOf, type RepaymentMethod } from "../app/domain/loan-schedule";
import {
  applyRepayment,
  freshPeriods,
  oldestUnpaidDueOn,
  outstandingPrincipal,
  quoteSettlement,
  type LoanPosition,
  type RiskClass,
} from "../app/domain/loan-servicing";
import { diffContributions } from "../app/domain/indicator-rollup";
import { addDays, endOfShanghaiDay, shanghaiDate, startOfShanghaiDay } from "../app/domain/shanghai-time";
import { USCC_ALPHABET, usccCheckCharacter } from "../app/domain/uscc";
import { createCalendar } from "../app/domain/working-days";
import type { Role } from "../app/models/actor";
import { DEMO_PASSWORD } from "../app/models/demo";
import {
  queueRules,
  refreshFollowUpRejectedAt,
  refreshNoOfferDueAt,
  refreshSlaDueAt,
} from "../app/models/gov-queues.server";
import { applyRollupDeltas, firmRollup } from "../app/models/indicator-rollup.server";
import { refreshAuthorisedUntil } from "../app/models/authorization.server";
import { loanCopiedFields } from "../app/models/loan.server";
import { markLoanFiled } from "../app/models/pool-filing.server";

export { loanCopiedFields };
import { COMMITMENT_VERSION_DEFAULT } from "../app/models/settings.server";
import { creditRecord, registryRecord, type CreditJson } from "../mocks/credit-data";
import { BANKS, LPR_HISTORY, SETTINGS, SUB_DISTRICTS, lprEffectiveOn } from "./reference-data";

/** A client or the client of an interactive transaction. */
export type Client = Db | Prisma.TransactionClient;

/** A createMany row whose id is already chosen. */
export type Row<T> = T & { id: string };

// ---------------------------------------------------------------------------------------
// Ids, unique names, time

const CUID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz";

function randomCuid(): string {
  const bytes = randomBytes(24);
  let id = "c";
  for (const byte of bytes) id += CUID_CHARS[byte % 36];
  return id;
}

let idSource: () => string = randomCuid;

/** A cuid-shaped id ("c" + 24 base-36 characters), generated here so rows can refer to each other before they are written. */
export function newId(): string {
  return idSource();
}

/** Makes `newId` deterministic (the seed: two runs give the same ids). `next` returns a number in [0, 1). */
export function useSeededIds(next: () => number): void {
  idSource = () => {
    let id = "c";
    for (let i = 0; i < 24; i++) id += CUID_CHARS[Math.floor(next() * 36)];
    return id;
  };
}

// A per-process prefix keeps generated names apart when several test files share one database.
const RUN = Array.from(randomBytes(3), (b) => CUID_CHARS[b % 36]).join("");
let counter = 0;

/** A short suffix unique in this process (and, with high probability, across processes). */
export function uniqueSuffix(): string {
  return `${RUN}${++counter}`;
}

/**
 * A fresh valid Henan (郑东新区) USCC the mock platform knows: "91410100MF" + 7 characters +
 * check. exampleUsccs() always has "MA" in positions 9–10, so these never collide with seeded firms.
 */
export function uniqueUscc(): string {
  let n = ++counter;
  let tail = "";
  for (let i = 0; i < 4; i++) {
    tail = USCC_ALPHABET[n % 31] + tail;
    n = Math.floor(n / 31);
  }
  const runChars = Array.from(randomBytes(3), (b) => USCC_ALPHABET[b % 31]).join("");
  const body = `91410100MF${runChars}${tail}`;
  return body + usccCheckCharacter(body);
}

/** An instant given as a Shanghai day and wall-clock time: shanghaiTime("2026-03-12", 14, 5). */
export function shanghaiTime(day: string, hour = 9, minute = 0): Date {
  return new Date(startOfShanghaiDay(day).getTime() + (hour * 60 + minute) * 60_000);
}

/** The same instant `years` later (UTC fields; 29 Feb rolls to 1 Mar). */
export function addYears(at: Date, years: number): Date {
  const next = new Date(at.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The working-day calendar the factories lay timelines on (no bureau overrides). */
export const calendar = createCalendar();

/** A valid mainland mobile number from a counter-like integer. */
export function mobileFor(n: number): string {
  const prefixes = "138 139 150 151 152 158 159 186 187 135 136 177 181 189 199".split(" ");
  const prefix = prefixes[Math.abs(n) % prefixes.length];
  return prefix + String(Math.abs(n * 7919 + 1234567) % 100_000_000).padStart(8, "0");
}

// ---------------------------------------------------------------------------------------
// Passwords

const hashes = new Map<string, Promise<string>>();

/** argon2id hash of `password`, computed once per process (hashing costs ~15 ms). */
export function passwordHashFor(password: string = DEMO_PASSWORD): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    // Imported lazily: only callers that need a hash load the argon2 binding.
    hash = import("../app/models/user.server").then((m) => m.hashPassword(password));
    hashes.set(password, hash);
  }
  return hash;
}

// ---------------------------------------------------------------------------------------
// Reference data

/** The real sub-districts, banks, LPR history and settings (idempotent upserts by key). */
export async function createReferenceData(db: Client) {
  const subDistricts: SubDistrict[] = [];
  for (const [i, s] of SUB_DISTRICTS.entries()) {
    subDistricts.push(
      await db.subDistrict.upsert({
        where: { code: s.code },
        update: {},
        create: { ...s, sortOrder: i + 1 },
      }),
    );
  }
  const banks: Bank[] = [];
  for (const b of BANKS) {
    banks.push(await db.bank.upsert({ where: { code: b.code }, update: {}, create: b }));
  }
  for (const entry of LPR_HISTORY) {
    const effectiveOn = lprEffectiveOn(entry.month);
    await db.lprRate.upsert({
      where: { effectiveOn },
      update: {},
      create: { effectiveOn, rateBp: entry.rateBp },
    });
  }
  for (const [key, value] of Object.entries(SETTINGS)) {
    await db.setting.upsert({ where: { key }, update: {}, create: { key, value } });
  }
  return { subDistricts, banks };
}

// ---------------------------------------------------------------------------------------
// Organisations

export interface SubDistrictOptions {
  code?: string;
  name?: string;
  nameEn?: string;
  kind?: "OFFICE" | "TOWN" | "PARK";
  sortOrder?: number;
  active?: boolean;
  createdAt?: Date;
}

export function buildSubDistrict(options: SubDistrictOptions = {}): Row<Prisma.SubDistrictCreateManyInput> {
  const suffix = uniqueSuffix();
  const createdAt = options.createdAt ?? new Date();
  return {
    id: newId(),
    code: options.code ?? `sd-${suffix}`,
    name: options.name ?? `测试街道办事处${suffix}`,
    nameEn: options.nameEn ?? `Test Sub-district Office ${suffix}`,
    kind: options.kind ?? "OFFICE",
    sortOrder: options.sortOrder ?? 0,
    active: options.active ?? true,
    createdAt,
    updatedAt: createdAt,
  };
}

export function createSubDistrict(db: Client, options: SubDistrictOptions = {}): Promise<SubDistrict> {
  return db.subDistrict.create({ data: buildSubDistrict(options) });
}

export interface BankOptions {
  code?: string;
  name?: string;
  nameEn?: string;
  active?: boolean;
  createdAt?: Date;
}

export function buildBank(options: BankOptions = {}): Row<Prisma.BankCreateManyInput> {
  const suffix = uniqueSuffix();
  const createdAt = options.createdAt ?? new Date();
  return {
    id: newId(),
    code: options.code ?? `TB${suffix.toUpperCase()}`,
    name: options.name ?? `测试银行${suffix}`,
    nameEn: options.nameEn ?? `Test Bank ${suffix}`,
    active: options.active ?? true,
    createdAt,
    updatedAt: createdAt,
  };
}

export function createBank(db: Client, options: BankOptions = {}): Promise<Bank> {
  return db.bank.create({ data: buildBank(options) });
}

// ---------------------------------------------------------------------------------------
// Users

export interface UserOptions {
  role: Role;
  username?: string;
  displayName?: string;
  mobile?: string | null;
  locale?: string | null;
  enterpriseId?: string | null;
  bankId?: string | null;
  subDistrictId?: string | null;
  /** an argon2 hash; default: the hash of `password` */
  passwordHash?: string;
  /** default DEMO_PASSWORD */
  password?: string;
  createdAt?: Date;
  lastLoginAt?: Date | null;
  disabledAt?: Date | null;
}

const ROLE_PREFIX: Record<Role, string> = {
  ENTERPRISE: "ent",
  BANK: "bank",
  GOV_OFFICE: "office",
  GOV_BUREAU: "bureau",
};

const ROLE_DISPLAY: Record<Role, string> = {
  ENTERPRISE: "企业联系人",
  BANK: "客户经理",
  GOV_OFFICE: "办事处工作人员",
  GOV_BUREAU: "经发局工作人员",
};

/** The organisation a role needs: throws early instead of writing a user who cannot act. */
function assertOrganisation(options: UserOptions): void {
  const need: Partial<Record<Role, keyof UserOptions>> = {
    ENTERPRISE: "enterpriseId",
    BANK: "bankId",
    GOV_OFFICE: "subDistrictId",
  };
  const field = need[options.role];
  if (field && !options[field]) throw new Error(`a ${options.role} user needs ${field}`);
}

/** User and Password rows; the hash must be given (hash once, reuse: see passwordHashFor). */
export function buildUser(options: UserOptions & { passwordHash: string }): {
  user: Row<Prisma.UserCreateManyInput>;
  password: Prisma.PasswordCreateManyInput;
} {
  assertOrganisation(options);
  const suffix = uniqueSuffix();
  const id = newId();
  const createdAt = options.createdAt ?? new Date();
  return {
    user: {
      id,
      username: options.username ?? `${ROLE_PREFIX[options.role]}-u${suffix}`,
      displayName: options.displayName ?? `${ROLE_DISPLAY[options.role]}${suffix}`,
      role: options.role,
      mobile: options.mobile ?? null,
      locale: options.locale ?? null,
      enterpriseId: options.role === "ENTERPRISE" ? options.enterpriseId : null,
      bankId: options.role === "BANK" ? options.bankId : null,
      subDistrictId: options.role === "GOV_OFFICE" ? options.subDistrictId : null,
      passwordChangedAt: createdAt,
      lastLoginAt: options.lastLoginAt ?? null,
      disabledAt: options.disabledAt ?? null,
      createdAt,
      updatedAt: createdAt,
    },
    password: { userId: id, hash: options.passwordHash },
  };
}

/** A user of one role with its Password row (password DEMO_PASSWORD unless given). */
export async function createUser(db: Client, options: UserOptions): Promise<User> {
  const passwordHash = options.passwordHash ?? (await passwordHashFor(options.password));
  const { user, password } = buildUser({ ...options, passwordHash });
  return db.user.create({ data: { ...user, password: { create: { hash: password.hash } } } });
}

/** The first user matching `where`, or a new one made from `create`. */
async function findOrCreateUser(
  db: Client,
  where: Prisma.UserWhereInput,
  create: UserOptions,
): Promise<User> {
  const found = await db.user.findFirst({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return found ?? createUser(db, create);
}

export function bankOfficerOf(db: Client, bankId: string): Promise<User> {
  return findOrCreateUser(db, { role: "BANK", bankId }, { role: "BANK", bankId });
}

export function officeUserOf(db: Client, subDistrictId: string): Promise<User> {
  return findOrCreateUser(db, { role: "GOV_OFFICE", subDistrictId }, { role: "GOV_OFFICE", subDistrictId });
}

export function bureauUser(db: Client): Promise<User> {
  return findOrCreateUser(db, { role: "GOV_BUREAU" }, { role: "GOV_BUREAU" });
}

async function enterpriseUserId(db: Client, enterpriseId: string): Promise<string | null> {
  const user = await db.user.findFirst({
    where: { enterpriseId, role: "ENTERPRISE" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return user?.id ?? null;
}

// ---------------------------------------------------------------------------------------
// Enterprises

/**
 * The industry words of the mock registry's firm names, with the sections/divisions they
 * plausibly mean ("L72 G58": 商务服务业 or 多式联运和运输代理业).
 */
const INDUSTRY_OF_WORD: Readonly<Record<string, string>> = {
  科技: "M75 I65",
  信息技术: "I65 I64",
  软件: "I65",
  商贸: "F51 F52",
  食品: "C14 F52",
  建筑工程: "E47 E48",
  装饰工程: "E50",
  机械制造: "C34 C35",
  新材料: "C26 C30",
  物流: "G54 G59",
  餐饮管理: "H62",
  医疗器械: "C35 F51",
  环保科技: "N77 M74",
  文化传媒: "R87 L72",
  农业开发: "A01",
  建材: "F51 C30",
  供应链管理: "L72 G58",
  电子: "C39",
  智能装备: "C35",
  人力资源服务: "L72",
};
// Longest words first: "环保科技" must win over "科技".
const INDUSTRY_WORDS = Object.keys(INDUSTRY_OF_WORD).sort((a, b) => b.length - a.length);

/**
 * The GB/T 4754 section and division a firm's registered name suggests (郑州华信软件有限公司 →
 * I/65), so that seeded firms' names and industries agree. `pick` chooses among plausible
 * alternatives (default: the first). Null when the name has no known industry word.
 */
export function industryOfName(
  name: string,
  pick: (count: number) => number = () => 0,
): { sectionCode: SectionCode; divisionCode: string } | null {
  const stem = name.replace(/(股份有限公司|有限责任公司|有限公司)$/, "");
  const word = INDUSTRY_WORDS.find((w) => stem.endsWith(w));
  if (!word) return null;
  const choices = INDUSTRY_OF_WORD[word].split(" ");
  const choice = choices[Math.min(choices.length - 1, pick(choices.length))];
  return { sectionCode: choice[0] as SectionCode, divisionCode: choice.slice(1) };
}

/** Size by the 企业划型 rules; throws when the section needs a division that is missing. */
export function sizeOf(input: {
  sectionCode: SectionCode;
  divisionCode?: string | null;
  employees: number;
  revenueWan: number;
  totalAssetsWan: number;
}): EnterpriseSize {
  const ruleSet = sizeRuleSetFor(input.sectionCode, input.divisionCode);
  if (!ruleSet)
    throw new Error(`section ${input.sectionCode} needs a (matching) division, got ${input.divisionCode}`);
  return classifyEnterprise({
    ruleSet,
    employees: input.employees,
    revenueWan: input.revenueWan,
    assetsWan: input.totalAssetsWan,
  });
}

export type TaxGradeValue = "A" | "B" | "M" | "C" | "D";
export type RatingValue = "A" | "B" | "C" | "D";

export interface EnterpriseOptions {
  subDistrictId: string;
  /** default: a fresh Henan code (the mock platform knows it) */
  uscc?: string;
  name?: string;
  legalRepresentative?: string;
  address?: string;
  establishedOn?: Date;
  registeredCapitalWan?: string;
  contactName?: string;
  contactMobile?: string;
  /** default: from the registered name's industry word, else I (software) */
  sectionCode?: SectionCode;
  divisionCode?: string | null;
  employees?: number;
  revenueWan?: number;
  totalAssetsWan?: number;
  /** normally derived by classifyEnterprise; give it only to store an inconsistent size on purpose */
  size?: EnterpriseSize;
  hadBankLoan?: boolean;
  /** registration time (also verifiedAt) */
  createdAt?: Date;
  whitelistedUntil?: Date | null;
  /** when the credit profile was pulled (default createdAt); null = never: no CreditProfile rows, empty summary */
  creditRefreshedAt?: Date | null;
  creditAttemptedAt?: Date | null;
  creditRefreshError?: string | null;
  /** Overrides of the credit summary; the cached profile is patched to agree. */
  taxGrade?: TaxGradeValue;
  publicRating?: RatingValue;
  onDishonestyList?: boolean;
  onRedList?: boolean;
}

/** Makes a platform answer agree with summary overrides (a test's "firm on a dishonesty list"). */
function patchCredit(credit: CreditJson, options: EnterpriseOptions, at: Date): CreditJson {
  const s = structuredClone(credit.sources);
  const listedOn = shanghaiDate(at);
  if (options.taxGrade) s.tax.grade = options.taxGrade;
  if (options.publicRating) s.publicRating.grade = options.publicRating;
  if (options.onDishonestyList === false) s.dishonestyList.items = [];
  if (options.onDishonestyList && s.dishonestyList.items.length === 0) {
    s.dishonestyList.items = [
      {
        listName: "失信被执行人名单",
        authority: "郑州市中级人民法院",
        listedOn,
        reason: "有履行能力而拒不履行生效法律文书确定的义务",
      },
    ];
  }
  if (options.onRedList === false) s.redList.items = [];
  if (options.onRedList && s.redList.items.length === 0) {
    s.redList.items = [
      {
        listName: "守合同重信用企业",
        authority: "河南省市场监督管理局",
        listedOn,
        reason: "连续两年公示为守合同重信用企业",
      },
    ];
  }
  return { ...credit, sources: s };
}

/**
 * An Enterprise row and its CreditProfile rows (one per source). Registry fields come from
 * the mock registry when the code is a Henan one; the credit summary from the mock platform
 * as it answered at `creditRefreshedAt`.
 */
export function buildEnterprise(options: EnterpriseOptions): {
  enterprise: Row<Prisma.EnterpriseCreateManyInput>;
  creditProfiles: Row<Prisma.CreditProfileCreateManyInput>[];
} {
  const id = newId();
  const suffix = uniqueSuffix();
  const uscc = options.uscc ?? uniqueUscc();
  const registry = registryRecord(uscc);
  const createdAt = options.createdAt ?? new Date();
  const name = options.name ?? registry?.name ?? `郑州测试${suffix}科技有限公司`;
  const industry =
    options.sectionCode !== undefined
      ? { sectionCode: options.sectionCode, divisionCode: options.divisionCode ?? null }
      : (industryOfName(name) ?? { sectionCode: "I" as const, divisionCode: "65" });
  const metrics = {
    employees: options.employees ?? 25,
    revenueWan: options.revenueWan ?? 800,
    totalAssetsWan: options.totalAssetsWan ?? 600,
  };
  const size = options.size ?? sizeOf({ ...industry, ...metrics });

  const refreshedAt = options.creditRefreshedAt === undefined ? createdAt : options.creditRefreshedAt;
  const raw = refreshedAt ? creditRecord(uscc, refreshedAt) : null;
  const credit = raw && refreshedAt ? patchCredit(raw, options, refreshedAt) : null;
  const creditProfiles: Row<Prisma.CreditProfileCreateManyInput>[] = credit
    ? Object.entries(credit.sources).map(([source, data]) => ({
        id: newId(),
        enterpriseId: id,
        source,
        data: JSON.stringify(data),
        asOf: new Date(data.updatedAt),
        fetchedAt: refreshedAt!,
      }))
    : [];
  const s = credit?.sources;

  return {
    enterprise: {
      id,
      uscc,
      name,
      legalRepresentative: options.legalRepresentative ?? registry?.legalRepresentative ?? "王建国",
      address: options.address ?? registry?.address ?? "郑州市郑东新区商务外环路1号",
      establishedOn:
        options.establishedOn ??
        (registry ? startOfShanghaiDay(registry.establishedOn) : startOfShanghaiDay("2018-05-08")),
      registeredCapitalWan: options.registeredCapitalWan ?? String(registry?.registeredCapital ?? 500),
      contactName: options.contactName ?? registry?.legalRepresentative ?? "王建国",
      contactMobile: options.contactMobile ?? mobileFor(counter),
      sectionCode: industry.sectionCode,
      divisionCode: industry.divisionCode,
      subDistrictId: options.subDistrictId,
      ...metrics,
      size,
      hadBankLoan: options.hadBankLoan ?? false,
      verifiedAt: createdAt,
      taxGrade: s?.tax.grade ?? options.taxGrade ?? null,
      publicRating: s?.publicRating.grade ?? options.publicRating ?? null,
      onDishonestyList: s ? s.dishonestyList.items.length > 0 : (options.onDishonestyList ?? false),
      onRedList: s ? s.redList.items.length > 0 : (options.onRedList ?? false),
      creditRefreshedAt: refreshedAt,
      creditAttemptedAt: options.creditAttemptedAt ?? refreshedAt,
      creditRefreshError: options.creditRefreshError ?? null,
      whitelistedUntil: options.whitelistedUntil ?? null,
      createdAt,
      updatedAt: refreshedAt && refreshedAt > createdAt ? refreshedAt : createdAt,
    },
    creditProfiles,
  };
}

export async function createEnterprise(db: Client, options: EnterpriseOptions): Promise<Enterprise> {
  // A generated code lands on the mock's dishonesty list ~3% of the time: a test that wants a
  // dishonest firm says so, and every other test gets a clean one (no hidden flakes).
  const clean =
    options.uscc === undefined && options.onDishonestyList === undefined ? { onDishonestyList: false } : {};
  const { enterprise, creditProfiles } = buildEnterprise({ ...options, ...clean });
  const created = await db.enterprise.create({ data: enterprise });
  if (creditProfiles.length) await db.creditProfile.createMany({ data: creditProfiles });
  return created;
}

export interface CommitmentOptions {
  enterpriseId: string;
  userId: string;
  version?: string;
  signedAt?: Date;
}

export function buildCommitment(options: CommitmentOptions): Row<Prisma.CommitmentCreateManyInput> {
  return {
    id: newId(),
    enterpriseId: options.enterpriseId,
    userId: options.userId,
    version: options.version ?? COMMITMENT_VERSION_DEFAULT,
    signedAt: options.signedAt ?? new Date(),
  };
}

export function createCommitment(db: Client, options: CommitmentOptions): Promise<Commitment> {
  return db.commitment.create({ data: buildCommitment(options) });
}

/** What self-registration leaves behind: the firm, its first user, the signed commitment. */
export async function createRegisteredEnterprise(
  db: Client,
  options: EnterpriseOptions & { username?: string; password?: string; passwordHash?: string },
): Promise<{ enterprise: Enterprise; user: User; commitment: Commitment }> {
  const { username, password, passwordHash, ...enterpriseOptions } = options;
  const enterprise = await createEnterprise(db, enterpriseOptions);
  const user = await createUser(db, {
    role: "ENTERPRISE",
    enterpriseId: enterprise.id,
    username,
    password,
    passwordHash,
    displayName: enterprise.contactName,
    mobile: enterprise.contactMobile,
    createdAt: enterprise.createdAt,
  });
  const commitment = await createCommitment(db, {
    enterpriseId: enterprise.id,
    userId: user.id,
    signedAt: enterprise.createdAt,
  });
  return { enterprise, user, commitment };
}

// ---------------------------------------------------------------------------------------
// Products

export type ProductType = "CREDIT" | "MORTGAGE" | "PLEDGE" | "GUARANTEE" | "SUPPLY_CHAIN";
export type GuaranteeType = "CREDIT" | "MORTGAGE" | "PLEDGE" | "IP_PLEDGE" | "GUARANTEE";
export type ProductStatus = "DRAFT" | "PUBLISHED" | "ARCHIVED";

const DEFAULT_GUARANTEE: Record<ProductType, GuaranteeType> = {
  CREDIT: "CREDIT",
  MORTGAGE: "MORTGAGE",
  PLEDGE: "PLEDGE",
  GUARANTEE: "GUARANTEE",
  SUPPLY_CHAIN: "CREDIT",
};

export interface ProductOptions {
  bankId: string;
  name?: string;
  type?: ProductType;
  guaranteeType?: GuaranteeType;
  minAmountYuan?: number;
  maxAmountYuan?: number;
  minTermMonths?: number;
  maxTermMonths?: number;
  minRateBp?: number;
  maxRateBp?: number;
  /** default all SMEs: MEDIUM, SMALL, MICRO */
  eligibleSizes?: readonly EnterpriseSize[] | string;
  /** default every industry ([] / "") */
  eligibleSections?: readonly SectionCode[] | string;
  minTaxGrade?: TaxGradeValue | null;
  whitelistOnly?: boolean;
  description?: string;
  /** default PUBLISHED */
  status?: ProductStatus;
  createdAt?: Date;
  publishedAt?: Date | null;
  archivedAt?: Date | null;
}

const list = (value: readonly string[] | string) => (typeof value === "string" ? value : value.join(","));

export function buildProduct(options: ProductOptions): Row<Prisma.ProductCreateManyInput> {
  const suffix = uniqueSuffix();
  const type = options.type ?? "CREDIT";
  const status = options.status ?? "PUBLISHED";
  const createdAt = options.createdAt ?? new Date();
  const publishedAt =
    options.publishedAt !== undefined ? options.publishedAt : status === "DRAFT" ? null : createdAt;
  const archivedAt =
    options.archivedAt !== undefined ? options.archivedAt : status === "ARCHIVED" ? createdAt : null;
  const product = {
    id: newId(),
    bankId: options.bankId,
    name: options.name ?? `测试信用贷${suffix}`,
    type,
    guaranteeType: options.guaranteeType ?? DEFAULT_GUARANTEE[type],
    minAmountYuan: options.minAmountYuan ?? 100_000,
    maxAmountYuan: options.maxAmountYuan ?? 3_000_000,
    minTermMonths: options.minTermMonths ?? 6,
    maxTermMonths: options.maxTermMonths ?? 36,
    minRateBp: options.minRateBp ?? 350,
    maxRateBp: options.maxRateBp ?? 600,
    eligibleSizes: list(options.eligibleSizes ?? ["MEDIUM", "SMALL", "MICRO"]),
    eligibleSections: list(options.eligibleSections ?? []),
    minTaxGrade: options.minTaxGrade ?? null,
    whitelistOnly: options.whitelistOnly ?? false,
    description: options.description ?? "",
    status,
    publishedAt,
    archivedAt,
    createdAt,
    updatedAt: archivedAt ?? publishedAt ?? createdAt,
  };
  if (product.minAmountYuan > product.maxAmountYuan) throw new Error("product amount range is reversed");
  if (product.minTermMonths > product.maxTermMonths) throw new Error("product term range is reversed");
  if (product.minRateBp > product.maxRateBp) throw new Error("product rate range is reversed");
  return product;
}

export function createProduct(db: Client, options: ProductOptions): Promise<Product> {
  return db.product.create({ data: buildProduct(options) });
}

// ---------------------------------------------------------------------------------------
// Authorisations and access logs

export interface AuthorizationOptions {
  enterpriseId: string;
  /** null = all banks */
  bankId: string | null;
  scope: "BASIC" | "FULL";
  /** default grantedAt + 1 year (the longest a firm may grant) */
  expiresAt?: Date;
  grantedAt?: Date;
  revokedAt?: Date | null;
  origin?: "MANUAL" | "APPLICATION";
  applicationId?: string | null;
}

export function buildAuthorization(options: AuthorizationOptions): Row<Prisma.AuthorizationCreateManyInput> {
  const grantedAt = options.grantedAt ?? new Date();
  return {
    id: newId(),
    enterpriseId: options.enterpriseId,
    bankId: options.bankId,
    scope: options.scope,
    origin: options.origin ?? (options.applicationId ? "APPLICATION" : "MANUAL"),
    applicationId: options.applicationId ?? null,
    grantedAt,
    expiresAt: options.expiresAt ?? addYears(grantedAt, 1),
    revokedAt: options.revokedAt ?? null,
  };
}

/** A grant as the portal's writers leave it: with its firm's authorisedUntil brought up to date. */
export async function createAuthorization(db: Client, options: AuthorizationOptions): Promise<Authorization> {
  const authorization = await db.authorization.create({ data: buildAuthorization(options) });
  await refreshAuthorisedUntil(db, options.enterpriseId);
  return authorization;
}

export type AccessPurpose = "PRE_LOAN" | "IN_LOAN" | "POST_LOAN" | "SELF" | "GOV_SUMMARY";

export interface AccessLogOptions {
  enterpriseId: string;
  userId: string;
  bankId?: string | null;
  scope?: "BASIC" | "FULL";
  purpose?: AccessPurpose;
  at?: Date;
}

export function buildAccessLog(options: AccessLogOptions): Row<Prisma.AccessLogCreateManyInput> {
  return {
    id: newId(),
    enterpriseId: options.enterpriseId,
    bankId: options.bankId ?? null,
    userId: options.userId,
    scope: options.scope ?? "FULL",
    purpose: options.purpose ?? (options.bankId ? "PRE_LOAN" : "SELF"),
    at: options.at ?? new Date(),
  };
}

export function createAccessLog(db: Client, options: AccessLogOptions): Promise<AccessLog> {
  return db.accessLog.create({ data: buildAccessLog(options) });
}

// ---------------------------------------------------------------------------------------
// Applications

/** "XYD-20260312-0042": the n-th application submitted on that Shanghai day. */
export function applicationNumber(submittedAt: Date, n: number): string {
  return `XYD-${shanghaiDate(submittedAt).replaceAll("-", "")}-${String(n).padStart(4, "0")}`;
}

const numbersGiven = new Map<string, number>();

/** The next free number for a submission day, looking at the database and at this process. */
export async function nextApplicationNumber(db: Client, submittedAt: Date): Promise<string> {
  const prefix = applicationNumber(submittedAt, 0).slice(0, -4);
  const last = await db.application.findFirst({
    where: { number: { startsWith: prefix } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const n = Math.max(last ? Number(last.number.slice(-4)) : 0, numbersGiven.get(prefix) ?? 0) + 1;
  numbersGiven.set(prefix, n);
  return applicationNumber(submittedAt, n);
}

/** When each transition happened. */
export interface TransitionTimes {
  accepted?: Date;
  approved?: Date;
  disbursed?: Date;
  rejected?: Date;
  withdrawn?: Date;
  cancelled?: Date;
}

export interface ApplicationOptions {
  enterpriseId: string;
  productId: string;
  /** the state to reach; every transition on the way gets its event (default SUBMITTED) */
  state?: ApplicationState;
  number?: string;
  amountYuan?: number;
  termMonths?: number;
  purpose?: string;
  /** default: now for SUBMITTED, otherwise 14 days ago so the default timeline fits before now */
  submittedAt?: Date;
  /** default: whether the firm's whitelistedUntil is after submittedAt */
  whitelisted?: boolean;
  demandId?: string | null;
  /** an application born from an accepted offer starts ACCEPTED (no SUBMITTED step) */
  offerId?: string | null;
  /** who submits / withdraws (default the firm's first user) */
  enterpriseUserId?: string | null;
  /** who accepts, decides, disburses (default the bank's first officer) */
  bankUserId?: string | null;
  /** default: working days after submission (accept +1, approve +3, disburse +2, others +1–2) */
  at?: TransitionTimes;
  rejectedFrom?: "SUBMITTED" | "ACCEPTED";
  withdrawnFrom?: "SUBMITTED" | "ACCEPTED";
  /** REJECTED and CANCELLED: reason code (default OTHER for reject, FIRM_DECLINED for cancel) and text */
  reason?: RejectReason;
  reasonText?: string | null;
  /** APPROVED and later: default the requested amount and term at the product's lower-middle rate */
  approved?: { amountYuan?: number; rateBp?: number; termMonths?: number };
  /** DISBURSED: default the approved amount and rate */
  disbursed?: { amountYuan?: number; rateBp?: number };
  /** DISBURSED: default (create) the firm's first disbursement when it had no bank loan before */
  firstLoan?: boolean;
  /** also write the FULL authorisation for the bank that applying grants (default true) */
  grantAuthorization?: boolean;
  /** DISBURSED: its loan is opened as the portal would (default 等额本息, nothing repaid); false = none */
  loan?: false | { method?: RepaymentMethod; pattern?: RepaymentPattern; today?: string };
}

/** What the planner needs to know about the product. */
export interface ProductTerms {
  id: string;
  bankId: string;
  minAmountYuan: number;
  maxAmountYuan: number;
  minTermMonths: number;
  maxTermMonths: number;
  minRateBp: number;
  maxRateBp: number;
}

export interface ApplicationPlan {
  application: Row<Prisma.ApplicationCreateManyInput>;
  events: Row<Prisma.ApplicationEventCreateManyInput>[];
  authorization: Row<Prisma.AuthorizationCreateManyInput> | null;
}

type Step = "submit" | "accept" | "approve" | "disburse" | "reject" | "withdraw" | "cancel";

const STEP_TO: Record<Step, ApplicationState> = {
  submit: "SUBMITTED",
  accept: "ACCEPTED",
  approve: "APPROVED",
  disburse: "DISBURSED",
  reject: "REJECTED",
  withdraw: "WITHDRAWN",
  cancel: "CANCELLED",
};

const STEP_TIME: Record<Exclude<Step, "submit">, keyof TransitionTimes> = {
  accept: "accepted",
  approve: "approved",
  disburse: "disbursed",
  reject: "rejected",
  withdraw: "withdrawn",
  cancel: "cancelled",
};

/** Default gap of each step: working days after the previous one, and the hour it happens. */
const STEP_GAP: Record<Exclude<Step, "submit">, [workingDays: number, hour: number]> = {
  accept: [1, 10],
  approve: [3, 15],
  disburse: [2, 10],
  reject: [2, 16],
  withdraw: [1, 11],
  cancel: [2, 14],
};

function stepsTo(options: ApplicationOptions): Step[] {
  const state = options.state ?? "SUBMITTED";
  const fromAccepted = (last: Step): Step[] => ["submit", "accept", last];
  let steps: Step[];
  switch (state) {
    case "SUBMITTED":
      steps = ["submit"];
      break;
    case "ACCEPTED":
      steps = ["submit", "accept"];
      break;
    case "APPROVED":
      steps = ["submit", "accept", "approve"];
      break;
    case "DISBURSED":
      steps = ["submit", "accept", "approve", "disburse"];
      break;
    case "CANCELLED":
      steps = ["submit", "accept", "approve", "cancel"];
      break;
    case "REJECTED":
      steps =
        (options.rejectedFrom ?? "ACCEPTED") === "SUBMITTED" ? ["submit", "reject"] : fromAccepted("reject");
      break;
    case "WITHDRAWN":
      steps =
        (options.withdrawnFrom ?? "SUBMITTED") === "SUBMITTED"
          ? ["submit", "withdraw"]
          : fromAccepted("withdraw");
      break;
  }
  if (options.offerId) {
    // Born ACCEPTED: the bank's offer was its answer, so there is no SUBMITTED step.
    if (steps[1] !== "accept")
      throw new Error(`an application born from an offer cannot reach ${state} that way`);
    steps = steps.slice(1);
  }
  return steps;
}

/**
 * Rows of one application and its history: the Application (columns as the transitions would
 * have set them), one ApplicationEvent per step — the first from null to SUBMITTED (or to
 * ACCEPTED when born from an offer) — and the FULL authorisation that applying grants
 * (revoked when the application ended without a loan). Pure: everything is given.
 */
export function planApplication(
  options: ApplicationOptions & { number: string; product: ProductTerms; submittedAt: Date; now?: Date },
): ApplicationPlan {
  const { product, submittedAt } = options;
  const now = options.now ?? new Date();
  const id = newId();
  const steps = stepsTo(options);
  const amountYuan =
    options.amountYuan ?? Math.min(Math.max(1_000_000, product.minAmountYuan), product.maxAmountYuan);
  const termMonths =
    options.termMonths ?? Math.min(Math.max(12, product.minTermMonths), product.maxTermMonths);
  const bornFromOffer = Boolean(options.offerId);

  // Times: given, or laid on working days after the previous step; defaults never pass `now`.
  const times: Date[] = [submittedAt];
  for (const step of steps.slice(1) as Exclude<Step, "submit">[]) {
    const previous = times[times.length - 1];
    let at = options.at?.[STEP_TIME[step]];
    if (!at) {
      const [gap, hour] = STEP_GAP[step];
      at = shanghaiTime(calendar.addWorkingDaysToDay(shanghaiDate(previous), gap), hour);
      if (at.getTime() > now.getTime())
        at = new Date(Math.max(previous.getTime() + 60_000, now.getTime() - 60_000));
    }
    if (at.getTime() < previous.getTime()) {
      throw new Error(
        `application ${options.number}: ${step} at ${at.toISOString()} is before the previous step`,
      );
    }
    times.push(at);
  }
  const timeOf = (step: Step) => {
    const i = steps.indexOf(step);
    return i < 0 ? null : times[i];
  };

  const reaches = (step: Step) => steps.includes(step);
  const approvedRateDefault =
    product.minRateBp + Math.round((product.maxRateBp - product.minRateBp) / 15) * 5;
  const approved = reaches("approve")
    ? {
        amountYuan: options.approved?.amountYuan ?? amountYuan,
        rateBp: options.approved?.rateBp ?? approvedRateDefault,
        termMonths: options.approved?.termMonths ?? termMonths,
      }
    : null;
  if (approved && approved.amountYuan > amountYuan)
    throw new Error("approved amount exceeds the requested amount");
  const disbursed =
    approved && reaches("disburse")
      ? {
          amountYuan: options.disbursed?.amountYuan ?? approved.amountYuan,
          rateBp: options.disbursed?.rateBp ?? approved.rateBp,
        }
      : null;
  if (disbursed && approved && disbursed.amountYuan > approved.amountYuan) {
    throw new Error("disbursed amount exceeds the approved amount");
  }
  const endsWithReason = reaches("reject") || reaches("cancel");
  const reason: RejectReason | null = endsWithReason
    ? (options.reason ?? (reaches("cancel") ? "FIRM_DECLINED" : "OTHER"))
    : null;
  const reasonText = reason ? (options.reasonText ?? (reason === "OTHER" ? "其他原因" : null)) : null;

  const enterpriseUser = options.enterpriseUserId ?? null;
  const bankUser = options.bankUserId ?? null;
  const events: Row<Prisma.ApplicationEventCreateManyInput>[] = steps.map((step, i) => {
    const at = times[i];
    let data: Record<string, unknown> = {};
    let actorId = bankUser;
    switch (step) {
      case "submit":
        actorId = enterpriseUser;
        data = { amountYuan, termMonths };
        break;
      case "accept":
        if (i === 0) {
          actorId = enterpriseUser;
          data = { amountYuan, termMonths, offerId: options.offerId, demandId: options.demandId ?? null };
        }
        break;
      case "approve":
        data = { ...approved };
        break;
      case "disburse":
        data = { ...disbursed, disbursedAt: at.toISOString() };
        break;
      case "reject":
        data = reasonText ? { reason, text: reasonText } : { reason };
        break;
      case "withdraw":
        actorId = enterpriseUser;
        break;
      case "cancel":
        if (reason === "FIRM_DECLINED") actorId = enterpriseUser;
        data = reasonText ? { reason, text: reasonText } : { reason };
        break;
    }
    return {
      id: newId(),
      applicationId: id,
      actorId,
      fromState: i === 0 ? null : STEP_TO[steps[i - 1]],
      toState: STEP_TO[step],
      at,
      data: JSON.stringify(data),
    };
  });

  const state = STEP_TO[steps[steps.length - 1]];
  const terminal =
    state === "DISBURSED" || state === "REJECTED" || state === "WITHDRAWN" || state === "CANCELLED";
  const lastAt = times[times.length - 1];
  const acceptedAt = timeOf("accept");
  const rejectedAt = timeOf("reject");
  const firstResponseAt = bornFromOffer ? submittedAt : (acceptedAt ?? rejectedAt);

  const application: Row<Prisma.ApplicationCreateManyInput> = {
    id,
    number: options.number,
    enterpriseId: options.enterpriseId,
    productId: product.id,
    bankId: product.bankId,
    demandId: options.demandId ?? null,
    offerId: options.offerId ?? null,
    amountYuan,
    termMonths,
    purpose: options.purpose ?? "补充日常经营流动资金",
    state,
    version: steps.length - 1,
    whitelisted: options.whitelisted ?? false,
    submittedAt,
    firstResponseAt,
    acceptedAt,
    decidedAt: timeOf("approve") ?? rejectedAt,
    approvedAmountYuan: approved?.amountYuan ?? null,
    approvedRateBp: approved?.rateBp ?? null,
    approvedTermMonths: approved?.termMonths ?? null,
    rejectReason: reason,
    rejectText: reasonText,
    disbursedAt: timeOf("disburse"),
    disbursedAmountYuan: disbursed?.amountYuan ?? null,
    disbursedRateBp: disbursed?.rateBp ?? null,
    firstLoan: disbursed ? (options.firstLoan ?? false) : false,
    closedAt: terminal ? lastAt : null,
    createdAt: submittedAt,
    updatedAt: lastAt,
  };

  const authorization =
    options.grantAuthorization === false
      ? null
      : buildAuthorization({
          enterpriseId: options.enterpriseId,
          bankId: product.bankId,
          scope: "FULL",
          origin: "APPLICATION",
          applicationId: id,
          grantedAt: submittedAt,
          revokedAt: state === "REJECTED" || state === "WITHDRAWN" || state === "CANCELLED" ? lastAt : null,
        });

  return { application, events, authorization };
}

/**
 * An application in `state` with its events and authorisation. Looks up what is not given:
 * the product's bank and terms, the firm's and the bank's users, a fresh number, whether the
 * firm was whitelisted, and whether a disbursement is the firm's first loan (首贷).
 */
export async function createApplication(db: Client, options: ApplicationOptions): Promise<Application> {
  const state = options.state ?? "SUBMITTED";
  const product = await db.product.findUniqueOrThrow({ where: { id: options.productId } });
  const enterprise = await db.enterprise.findUniqueOrThrow({
    where: { id: options.enterpriseId },
    select: { hadBankLoan: true, whitelistedUntil: true },
  });
  const now = new Date();
  const submittedAt =
    options.submittedAt ?? (state === "SUBMITTED" ? now : new Date(now.getTime() - 14 * DAY_MS));
  const enterpriseUser =
    options.enterpriseUserId !== undefined
      ? options.enterpriseUserId
      : await enterpriseUserId(db, options.enterpriseId);
  const bankActs = stepsTo(options)
    .slice(1)
    .some((step) => step !== "withdraw");
  const bankUser =
    options.bankUserId !== undefined
      ? options.bankUserId
      : bankActs
        ? (await bankOfficerOf(db, product.bankId)).id
        : null;
  let firstLoan = options.firstLoan;
  if (firstLoan === undefined && state === "DISBURSED") {
    const earlier = await db.application.count({
      where: { enterpriseId: options.enterpriseId, state: "DISBURSED" },
    });
    firstLoan = earlier === 0 && !enterprise.hadBankLoan;
  }
  const plan = planApplication({
    ...options,
    number: options.number ?? (await nextApplicationNumber(db, submittedAt)),
    product,
    submittedAt,
    now,
    enterpriseUserId: enterpriseUser,
    bankUserId: bankUser,
    whitelisted:
      options.whitelisted ??
      (enterprise.whitelistedUntil !== null && enterprise.whitelistedUntil > submittedAt),
    firstLoan,
  });
  const { applicationId: _applicationId, ...authorization } = plan.authorization ?? { applicationId: null };
  // The indicator rollups move with the application, as in the portal (decision 020).
  const rollupBefore = await firmRollup(db, options.enterpriseId);
  const created = await db.application.create({
    data: {
      ...plan.application,
      events: { create: plan.events.map(({ applicationId: _id, ...event }) => event) },
      ...(plan.authorization
        ? {
            authorization: {
              create: authorization as Prisma.AuthorizationUncheckedCreateWithoutApplicationInput,
            },
          }
        : {}),
    },
  });
  // The portal never has a disbursed application without its loan (application-transition.server.ts).
  if (state === "DISBURSED" && options.loan !== false)
    await createLoan(db, { applicationId: created.id, ...(options.loan ?? {}) });
  await applyRollupDeltas(db, diffContributions(rollupBefore, await firmRollup(db, options.enterpriseId)));
  // what the government queues index, as the portal stores it (gov-queues.server.ts)
  const slaDueAt =
    state === "SUBMITTED" || state === "ACCEPTED"
      ? await refreshSlaDueAt(db, created.id, await queueRules(db))
      : null;
  if (state === "REJECTED") await refreshFollowUpRejectedAt(db, options.enterpriseId);
  return { ...created, slaDueAt };
}

// ---------------------------------------------------------------------------------------
// Demands and offers

export interface DemandOptions {
  enterpriseId: string;
  amountYuan?: number;
  termMonths?: number;
  purpose?: string;
  guaranteeTypes?: readonly GuaranteeType[] | string;
  rateCeilingBp?: number | null;
  /** default createdAt + 60 days (end of that Shanghai day) */
  validUntil?: Date;
  status?: "OPEN" | "CLOSED" | "FULFILLED";
  createdAt?: Date;
  updatedAt?: Date;
}

export function buildDemand(options: DemandOptions): Row<Prisma.DemandCreateManyInput> {
  const createdAt = options.createdAt ?? new Date();
  return {
    id: newId(),
    enterpriseId: options.enterpriseId,
    amountYuan: options.amountYuan ?? 1_000_000,
    termMonths: options.termMonths ?? 12,
    purpose: options.purpose ?? "采购原材料，补充流动资金",
    guaranteeTypes: list(options.guaranteeTypes ?? ["CREDIT"]),
    rateCeilingBp: options.rateCeilingBp === undefined ? 500 : options.rateCeilingBp,
    validUntil: options.validUntil ?? endOfShanghaiDay(addDays(shanghaiDate(createdAt), 60)),
    status: options.status ?? "OPEN",
    createdAt,
    updatedAt: options.updatedAt ?? createdAt,
  };
}

export async function createDemand(db: Client, options: DemandOptions): Promise<Demand> {
  const demand = await db.demand.create({ data: buildDemand(options) });
  // what the 回访 queue indexes, as the portal stores it (gov-queues.server.ts)
  await refreshNoOfferDueAt(db, demand.id, await queueRules(db));
  return (await db.demand.findUniqueOrThrow({ where: { id: demand.id } })) as Demand;
}

export interface OfferOptions {
  demandId: string;
  productId: string;
  /** default the product's bank */
  bankId?: string;
  /** default the bank's first officer */
  userId?: string;
  /** default the demand's amount, kept inside the product's range */
  amountYuan?: number;
  termMonths?: number;
  rateBp?: number;
  note?: string;
  status?: "PENDING" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
  createdAt?: Date;
  respondedAt?: Date | null;
}

export function buildOffer(
  options: OfferOptions & {
    bankId: string;
    userId: string;
    amountYuan: number;
    termMonths: number;
    rateBp: number;
  },
): Row<Prisma.OfferCreateManyInput> {
  const createdAt = options.createdAt ?? new Date();
  const status = options.status ?? "PENDING";
  return {
    id: newId(),
    demandId: options.demandId,
    bankId: options.bankId,
    productId: options.productId,
    userId: options.userId,
    amountYuan: options.amountYuan,
    termMonths: options.termMonths,
    rateBp: options.rateBp,
    note: options.note ?? "",
    status,
    createdAt,
    respondedAt:
      options.respondedAt !== undefined ? options.respondedAt : status === "PENDING" ? null : createdAt,
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export async function createOffer(db: Client, options: OfferOptions): Promise<Offer> {
  const product = await db.product.findUniqueOrThrow({ where: { id: options.productId } });
  const demand = await db.demand.findUniqueOrThrow({ where: { id: options.demandId } });
  const bankId = options.bankId ?? product.bankId;
  const userId = options.userId ?? (await bankOfficerOf(db, bankId)).id;
  const offer = await db.offer.create({
    data: buildOffer({
      ...options,
      bankId,
      userId,
      amountYuan:
        options.amountYuan ?? clamp(demand.amountYuan, product.minAmountYuan, product.maxAmountYuan),
      termMonths:
        options.termMonths ?? clamp(demand.termMonths, product.minTermMonths, product.maxTermMonths),
      rateBp: options.rateBp ?? product.minRateBp,
    }),
  });
  await db.demand.update({ where: { id: options.demandId }, data: { noOfferDueAt: null } });
  return offer;
}

// ---------------------------------------------------------------------------------------
// Whitelist

export type RecommendationStatus =
  "REQUESTED" | "PENDING" | "APPROVED" | "REJECTED" | "DECLINED" | "WITHDRAWN";

export interface RecommendationOptions {
  enterpriseId: string;
  /** default the firm's sub-district */
  subDistrictId?: string;
  /** default PENDING (proposed by the office, awaiting the bureau) */
  status?: RecommendationStatus;
  requestNote?: string | null;
  reason?: string | null;
  suggestedAmountYuan?: number | null;
  /** default: the office's first user (the firm's user for REQUESTED) */
  createdById?: string | null;
  /** default for APPROVED / REJECTED: the first bureau user; DECLINED: the office user */
  reviewedById?: string | null;
  reviewedAt?: Date | null;
  reviewNote?: string | null;
  batchId?: string | null;
  createdAt?: Date;
}

const OPEN_RECOMMENDATION: readonly RecommendationStatus[] = ["REQUESTED", "PENDING"];

export function buildRecommendation(
  options: RecommendationOptions & { subDistrictId: string },
): Row<Prisma.RecommendationCreateManyInput> {
  const status = options.status ?? "PENDING";
  const createdAt = options.createdAt ?? new Date();
  const reviewed = !OPEN_RECOMMENDATION.includes(status);
  const reviewedAt = options.reviewedAt !== undefined ? options.reviewedAt : reviewed ? createdAt : null;
  return {
    id: newId(),
    enterpriseId: options.enterpriseId,
    subDistrictId: options.subDistrictId,
    status,
    requestNote: options.requestNote ?? null,
    reason:
      options.reason !== undefined
        ? options.reason
        : status === "REQUESTED"
          ? null
          : "纳税信用良好，经营稳定，有融资需求",
    suggestedAmountYuan:
      options.suggestedAmountYuan !== undefined
        ? options.suggestedAmountYuan
        : status === "REQUESTED"
          ? null
          : 2_000_000,
    createdById: options.createdById ?? null,
    reviewedById: options.reviewedById ?? null,
    reviewedAt,
    reviewNote: options.reviewNote ?? null,
    batchId: options.batchId ?? null,
    openKey: OPEN_RECOMMENDATION.includes(status) ? options.enterpriseId : null,
    createdAt,
    updatedAt: reviewedAt ?? createdAt,
  };
}

export async function createRecommendation(
  db: Client,
  options: RecommendationOptions,
): Promise<Recommendation> {
  const status = options.status ?? "PENDING";
  const subDistrictId =
    options.subDistrictId ??
    (
      await db.enterprise.findUniqueOrThrow({
        where: { id: options.enterpriseId },
        select: { subDistrictId: true },
      })
    ).subDistrictId;
  const createdById =
    options.createdById !== undefined
      ? options.createdById
      : status === "REQUESTED"
        ? await enterpriseUserId(db, options.enterpriseId)
        : (await officeUserOf(db, subDistrictId)).id;
  const reviewedById =
    options.reviewedById !== undefined
      ? options.reviewedById
      : status === "APPROVED" || status === "REJECTED"
        ? (await bureauUser(db)).id
        : status === "DECLINED"
          ? (await officeUserOf(db, subDistrictId)).id
          : null;
  return db.recommendation.create({
    data: buildRecommendation({ ...options, status, subDistrictId, createdById, reviewedById }),
  });
}

export type WhitelistEntryStatus = "ACTIVE" | "SUSPENDED" | "REVOKED";

export interface WhitelistEntrySpec {
  enterpriseId: string;
  /** the firm's sub-district (needed when a recommendation is written for the entry) */
  subDistrictId: string;
  /** the APPROVED recommendation behind the entry; default: one is written, proposed by `proposedById` */
  recommendationId?: string;
  proposedById?: string | null;
  recommendedAt?: Date;
  requestNote?: string | null;
  reason?: string;
  suggestedAmountYuan?: number | null;
  status?: WhitelistEntryStatus;
  /** SUSPENDED / REVOKED: when and why (the event is written too) */
  statusChangedAt?: Date;
  statusReason?: string;
  /** actor of the status change: null for the automatic 联合惩戒 suspension */
  statusChangedById?: string | null;
}

export interface WhitelistBatchOptions {
  name?: string;
  /** default now */
  validFrom?: Date;
  /** default the end of the Shanghai day before validFrom + 1 year */
  validUntil?: Date;
  approvedById: string;
  createdAt?: Date;
  entries: readonly WhitelistEntrySpec[];
}

export interface WhitelistBatchRows {
  batch: Row<Prisma.WhitelistBatchCreateManyInput>;
  recommendations: Row<Prisma.RecommendationCreateManyInput>[];
  entries: Row<Prisma.WhitelistEntryCreateManyInput>[];
  events: Row<Prisma.WhitelistEventCreateManyInput>[];
  /** Enterprise.whitelistedUntil to set (ACTIVE entries only) */
  whitelisted: { enterpriseId: string; until: Date }[];
}

/** A batch with its entries, the APPROVED recommendations behind them and the entries' events. */
export function buildWhitelistBatch(options: WhitelistBatchOptions): WhitelistBatchRows {
  const validFrom = options.validFrom ?? new Date();
  const validUntil =
    options.validUntil ?? endOfShanghaiDay(addDays(shanghaiDate(addYears(validFrom, 1)), -1));
  const approvedAt = options.createdAt ?? validFrom;
  const batch: Row<Prisma.WhitelistBatchCreateManyInput> = {
    id: newId(),
    name: options.name ?? `测试批次${uniqueSuffix()}`,
    validFrom,
    validUntil,
    approvedById: options.approvedById,
    createdAt: approvedAt,
  };
  const rows: WhitelistBatchRows = { batch, recommendations: [], entries: [], events: [], whitelisted: [] };
  for (const spec of options.entries) {
    let recommendationId = spec.recommendationId;
    if (!recommendationId) {
      const recommendation = buildRecommendation({
        enterpriseId: spec.enterpriseId,
        subDistrictId: spec.subDistrictId,
        status: "APPROVED",
        requestNote: spec.requestNote ?? null,
        reason: spec.reason,
        suggestedAmountYuan: spec.suggestedAmountYuan,
        createdById: spec.proposedById ?? null,
        reviewedById: options.approvedById,
        reviewedAt: approvedAt,
        batchId: batch.id,
        createdAt: spec.recommendedAt ?? new Date(approvedAt.getTime() - 14 * DAY_MS),
      });
      rows.recommendations.push(recommendation);
      recommendationId = recommendation.id;
    }
    const status = spec.status ?? "ACTIVE";
    const entry: Row<Prisma.WhitelistEntryCreateManyInput> = {
      id: newId(),
      batchId: batch.id,
      enterpriseId: spec.enterpriseId,
      recommendationId,
      suggestedAmountYuan: spec.suggestedAmountYuan ?? null,
      status,
      approvedAt,
      statusChangedAt: status === "ACTIVE" ? null : (spec.statusChangedAt ?? approvedAt),
      statusReason: status === "ACTIVE" ? null : (spec.statusReason ?? ""),
    };
    rows.entries.push(entry);
    rows.events.push({
      id: newId(),
      entryId: entry.id,
      actorId: options.approvedById,
      kind: "APPROVED",
      reason: "",
      at: approvedAt,
    });
    if (status === "ACTIVE") {
      rows.whitelisted.push({ enterpriseId: spec.enterpriseId, until: validUntil });
    } else {
      rows.events.push({
        id: newId(),
        entryId: entry.id,
        actorId: spec.statusChangedById ?? null,
        kind: status,
        reason: entry.statusReason ?? "",
        at: entry.statusChangedAt as Date,
      });
    }
  }
  return rows;
}

/**
 * A whitelist batch: entries (given as firm ids or specs), their APPROVED recommendations and
 * events, and Enterprise.whitelistedUntil for the ACTIVE ones. Default approver: a bureau user.
 */
export async function createWhitelistBatch(
  db: Client,
  options: Omit<WhitelistBatchOptions, "approvedById" | "entries"> & {
    approvedById?: string;
    entries: readonly (string | (Omit<WhitelistEntrySpec, "subDistrictId"> & { subDistrictId?: string }))[];
  },
): Promise<{ batch: WhitelistBatch; entries: WhitelistEntry[] }> {
  const approvedById = options.approvedById ?? (await bureauUser(db)).id;
  const specs: WhitelistEntrySpec[] = [];
  for (const given of options.entries) {
    const spec = typeof given === "string" ? { enterpriseId: given } : given;
    const subDistrictId =
      spec.subDistrictId ??
      (
        await db.enterprise.findUniqueOrThrow({
          where: { id: spec.enterpriseId },
          select: { subDistrictId: true },
        })
      ).subDistrictId;
    const proposedById =
      spec.proposedById !== undefined || spec.recommendationId
        ? spec.proposedById
        : (await officeUserOf(db, subDistrictId)).id;
    specs.push({ ...spec, subDistrictId, proposedById });
  }
  const rows = buildWhitelistBatch({ ...options, approvedById, entries: specs });
  const batch = await db.whitelistBatch.create({ data: rows.batch });
  await db.recommendation.createMany({ data: rows.recommendations });
  await db.whitelistEntry.createMany({ data: rows.entries });
  await db.whitelistEvent.createMany({ data: rows.events });
  for (const { enterpriseId, until } of rows.whitelisted) {
    await db.enterprise.update({ where: { id: enterpriseId }, data: { whitelistedUntil: until } });
  }
  const entries = await db.whitelistEntry.findMany({ where: { batchId: batch.id }, orderBy: { id: "asc" } });
  return { batch, entries };
}

// ---------------------------------------------------------------------------------------
// Visits, objections, notifications

export interface VisitOptions {
  enterpriseId: string;
  /** default the first user of the firm's office */
  userId?: string;
  /** default the firm's sub-district */
  subDistrictId?: string;
  /** the day of the visit (00:00 Shanghai); default today */
  visitedOn?: Date;
  findings?: string;
  needYuan?: number | null;
  nextStep?: string;
  createdAt?: Date;
}

export function buildVisit(
  options: VisitOptions & { userId: string; subDistrictId: string },
): Row<Prisma.VisitCreateManyInput> {
  const visitedOn = options.visitedOn ?? startOfShanghaiDay(shanghaiDate(new Date()));
  return {
    id: newId(),
    enterpriseId: options.enterpriseId,
    subDistrictId: options.subDistrictId,
    userId: options.userId,
    visitedOn,
    findings: options.findings ?? "企业生产经营正常，订单充足，存在短期流动资金缺口。",
    needYuan: options.needYuan ?? null,
    nextStep: options.nextStep ?? "",
    createdAt: options.createdAt ?? new Date(visitedOn.getTime() + 17 * HOUR_MS),
  };
}

export async function createVisit(db: Client, options: VisitOptions): Promise<Visit> {
  const subDistrictId =
    options.subDistrictId ??
    (
      await db.enterprise.findUniqueOrThrow({
        where: { id: options.enterpriseId },
        select: { subDistrictId: true },
      })
    ).subDistrictId;
  const userId = options.userId ?? (await officeUserOf(db, subDistrictId)).id;
  const visit = await db.visit.create({ data: buildVisit({ ...options, subDistrictId, userId }) });
  await refreshFollowUpRejectedAt(db, options.enterpriseId);
  return visit;
}

export interface ObjectionOptions {
  enterpriseId: string;
  /** default the firm's first user */
  filedById?: string;
  /** a CreditProfile source; default penalties */
  source?: string;
  recordKey?: string;
  recordSummary?: string;
  reason?: string;
  attachmentNote?: string;
  status?: "OPEN" | "ACCEPTED" | "REJECTED";
  resolution?: "CORRECTED" | "REPAIRED" | null;
  responseText?: string | null;
  /** default for a handled objection: the first bureau user */
  handledById?: string | null;
  handledAt?: Date | null;
  createdAt?: Date;
  /** default the end of the day 20 calendar days after filing */
  dueAt?: Date;
}

export function buildObjection(
  options: ObjectionOptions & { filedById: string },
): Row<Prisma.ObjectionCreateManyInput> {
  const createdAt = options.createdAt ?? new Date();
  const status = options.status ?? "OPEN";
  const source = options.source ?? "penalties";
  const recordKey = options.recordKey ?? "郑东市监罚〔2025〕101号";
  const handled = status !== "OPEN";
  return {
    id: newId(),
    enterpriseId: options.enterpriseId,
    filedById: options.filedById,
    source,
    recordKey,
    recordSummary: options.recordSummary ?? `${recordKey} 行政处罚`,
    reason: options.reason ?? "该处罚已按期缴纳罚款并完成整改，申请信用修复。",
    attachmentNote: options.attachmentNote ?? "",
    status,
    resolution: status === "ACCEPTED" ? (options.resolution ?? "REPAIRED") : null,
    responseText:
      options.responseText ??
      (handled
        ? status === "ACCEPTED"
          ? "经核实，异议成立，已更新记录。"
          : "经核实，原记录准确，异议不成立。"
        : null),
    handledById: handled ? (options.handledById ?? null) : null,
    handledAt: handled ? (options.handledAt ?? createdAt) : null,
    dueAt: options.dueAt ?? endOfShanghaiDay(addDays(shanghaiDate(createdAt), 20)),
    openKey: status === "OPEN" ? `${options.enterpriseId}:${source}:${recordKey}` : null,
    createdAt,
  };
}

export async function createObjection(db: Client, options: ObjectionOptions): Promise<Objection> {
  const filedById =
    options.filedById ??
    (await enterpriseUserId(db, options.enterpriseId)) ??
    (await createUser(db, { role: "ENTERPRISE", enterpriseId: options.enterpriseId })).id;
  const status = options.status ?? "OPEN";
  const handledById =
    options.handledById !== undefined
      ? options.handledById
      : status === "OPEN"
        ? null
        : (await bureauUser(db)).id;
  // Default record: the firm's first cached penalty, when there is one.
  let record: Pick<ObjectionOptions, "source" | "recordKey" | "recordSummary"> = {};
  if (options.recordKey === undefined && (options.source ?? "penalties") === "penalties") {
    const cached = await db.creditProfile.findUnique({
      where: { enterpriseId_source: { enterpriseId: options.enterpriseId, source: "penalties" } },
      select: { data: true },
    });
    const penalty = cached
      ? (JSON.parse(cached.data) as CreditJson["sources"]["penalties"]).items[0]
      : undefined;
    if (penalty) {
      record = {
        recordKey: penalty.decisionNo,
        recordSummary: `${penalty.decidedOn} ${penalty.authority}：${penalty.reason}，罚款${penalty.amount}元`,
      };
    }
  }
  return db.objection.create({ data: buildObjection({ ...record, ...options, filedById, handledById }) });
}

export interface NotificationOptions {
  userId: string;
  /** catalogue key under notifications., e.g. application.APPROVED */
  kind?: string;
  params?: Record<string, string | number>;
  link?: string | null;
  readAt?: Date | null;
  createdAt?: Date;
}

export function buildNotification(options: NotificationOptions): Row<Prisma.NotificationCreateManyInput> {
  return {
    id: newId(),
    userId: options.userId,
    kind: options.kind ?? "application.SUBMITTED",
    params: JSON.stringify(options.params ?? {}),
    link: options.link ?? null,
    readAt: options.readAt ?? null,
    createdAt: options.createdAt ?? new Date(),
  };
}

export function createNotification(db: Client, options: NotificationOptions): Promise<Notification> {
  return db.notification.create({ data: buildNotification(options) });
}

// ---------------------------------------------------------------------------------------
// Loans (贷后): schedule, repayments and their effect, built with the servicing domain itself

/** How a borrower has paid so far (the seed's mix; tests give their own). */
export type RepaymentPattern =
  /** each instalment on its due date */
  | { kind: "ON_TIME" }
  /** each instalment `days` after its due date */
  | { kind: "LATE"; days: number }
  /** on time for the first `paidPeriods` periods, then nothing */
  | { kind: "STOPPED"; paidPeriods: number }
  /** on time, then the whole loan settled on `on` */
  | { kind: "SETTLED_EARLY"; on: string }
  | { kind: "NONE" };

export interface LoanOptions {
  applicationId: string;
  enterpriseId: string;
  bankId: string;
  productId: string;
  subDistrictId: string;
  /** the firm's section and size, the application's whitelist flag, the product's type (copied onto the loan) */
  sectionCode: string;
  size: string;
  whitelisted: boolean;
  productType: string;
  principalYuan: number;
  rateBp: number;
  termMonths: number;
  disbursedOn: string;
  method?: RepaymentMethod;
  firstLoan?: boolean;
  /** the repayments to apply, in date order (default none); `plannedRepayments` makes a history */
  repayments?: { paidOn: string; amountFen: bigint; reference?: string }[];
  reportedRiskClass?: RiskClass | null;
  renewsLoanId?: string | null;
  renewalKind?: "STANDARD" | "WITHOUT_PRINCIPAL_REPAYMENT" | null;
  /** reference prefix (unique per bank) for repayments without one */
  referencePrefix?: string;
  reportedById?: string | null;
}

export interface LoanRows {
  loan: Row<Prisma.LoanCreateManyInput>;
  periods: Row<Prisma.LoanPeriodCreateManyInput>[];
  repayments: Row<Prisma.RepaymentCreateManyInput>[];
}

/**
 * The repayments a borrower following `pattern` has made by `today`: each instalment's unpaid
 * amount on its pay day, oldest first — computed with the servicing rules, so they apply cleanly.
 */
export function plannedRepayments(
  terms: {
    principalFen: bigint;
    rateBp: number;
    termMonths: number;
    disbursedOn: string;
    method: RepaymentMethod;
  },
  pattern: RepaymentPattern,
  today: string,
): { paidOn: string; amountFen: bigint }[] {
  if (pattern.kind === "NONE") return [];
  let position: LoanPosition = {
    disbursedOn: terms.disbursedOn,
    rateBp: terms.rateBp,
    method: terms.method,
    periods: freshPeriods(buildSchedule(terms)),
  };
  const out: { paidOn: string; amountFen: bigint }[] = [];
  const pay = (paidOn: string, amountFen: bigint) => {
    const result = applyRepayment(position, { paidOn, amountFen });
    if (!result.ok) return false;
    position = { ...position, periods: result.periods };
    out.push({ paidOn, amountFen });
    return result.settled;
  };
  for (const period of [...position.periods]) {
    if (pattern.kind === "STOPPED" && period.seq > pattern.paidPeriods) break;
    const delay = pattern.kind === "LATE" ? pattern.days : 0;
    const paidOn = addDays(period.dueOn, delay);
    if (pattern.kind === "SETTLED_EARLY" && paidOn >= pattern.on) break;
    if (paidOn > today) break;
    const current = position.periods.find((p) => p.seq === period.seq);
    if (!current) break;
    const amount =
      current.principalFen + current.interestFen - current.paidPrincipalFen - current.paidInterestFen;
    if (amount > 0n && pay(paidOn, amount)) return out;
  }
  if (pattern.kind === "SETTLED_EARLY" && pattern.on <= today) {
    const quote = quoteSettlement(position, pattern.on);
    if (quote.settlementFen > 0n) pay(pattern.on, quote.settlementFen);
  }
  return out;
}

/** Rows of a loan, its schedule and its repayments applied in order. Pure: everything is given. */
export function buildLoan(options: LoanOptions): LoanRows {
  const method = options.method ?? "EQUAL_INSTALMENT";
  const principalFen = BigInt(options.principalYuan) * 100n;
  const terms = {
    principalFen,
    rateBp: options.rateBp,
    termMonths: options.termMonths,
    disbursedOn: options.disbursedOn,
    method,
  };
  const start: LoanPosition = {
    disbursedOn: options.disbursedOn,
    rateBp: options.rateBp,
    method,
    periods: freshPeriods(buildSchedule(terms)),
  };
  const loanId = newId();
  let position = start;
  let settledOn: string | null = null;
  const repayments: Row<Prisma.RepaymentCreateManyInput>[] = [];
  for (const [i, repayment] of (options.repayments ?? []).entries()) {
    const result = applyRepayment(position, repayment);
    if (!result.ok) throw new Error(`repayment ${i + 1} of loan ${options.applicationId}: ${result.error}`);
    position = { ...position, periods: result.periods };
    if (result.settled) settledOn = repayment.paidOn;
    repayments.push({
      id: newId(),
      loanId,
      bankId: options.bankId,
      reference: repayment.reference ?? `${options.referencePrefix ?? loanId.slice(-10)}-${i + 1}`,
      paidOn: startOfShanghaiDay(repayment.paidOn),
      amountFen: repayment.amountFen,
      principalFen: result.principalFen,
      interestFen: result.interestFen,
      kind: result.kind,
      allocation: JSON.stringify(
        result.allocation.map((a) => ({
          seq: a.seq,
          interestFen: a.interestFen.toString(),
          principalFen: a.principalFen.toString(),
        })),
      ),
      channel: "PORTAL",
      reportedById: options.reportedById ?? null,
      createdAt: shanghaiTime(repayment.paidOn, 16),
    });
  }
  const oldest = oldestUnpaidDueOn(position.periods);
  const sum = (pick: (r: Row<Prisma.RepaymentCreateManyInput>) => bigint | number | string) =>
    repayments.reduce((s, r) => s + BigInt(pick(r)), 0n);
  const loan: Row<Prisma.LoanCreateManyInput> = {
    id: loanId,
    applicationId: options.applicationId,
    enterpriseId: options.enterpriseId,
    bankId: options.bankId,
    productId: options.productId,
    subDistrictId: options.subDistrictId,
    sectionCode: options.sectionCode,
    size: options.size,
    whitelisted: options.whitelisted,
    productType: options.productType,
    principalFen,
    rateBp: options.rateBp,
    termMonths: options.termMonths,
    disbursedOn: startOfShanghaiDay(options.disbursedOn),
    maturityOn: startOfShanghaiDay(maturityOf(terms)),
    repaymentMethod: method,
    status: settledOn ? "SETTLED" : "ACTIVE",
    settledOn: settledOn ? startOfShanghaiDay(settledOn) : null,
    settledBy: settledOn ? "REPAID" : null,
    outstandingPrincipalFen: outstandingPrincipal(position.periods),
    paidPrincipalFen: sum((r) => r.principalFen),
    paidInterestFen: sum((r) => r.interestFen),
    oldestUnpaidDueOn: oldest ? startOfShanghaiDay(oldest) : null,
    reportedRiskClass: options.reportedRiskClass ?? null,
    reportedRiskClassAt: options.reportedRiskClass ? shanghaiTime(options.disbursedOn, 9) : null,
    firstLoan: options.firstLoan ?? false,
    renewsLoanId: options.renewsLoanId ?? null,
    renewalKind: options.renewalKind ?? null,
    version: repayments.length,
    createdAt: shanghaiTime(options.disbursedOn, 10),
  };
  const periods = position.periods.map((p) => ({
    id: newId(),
    loanId,
    seq: p.seq,
    dueOn: startOfShanghaiDay(p.dueOn),
    principalFen: p.principalFen,
    interestFen: p.interestFen,
    paidPrincipalFen: p.paidPrincipalFen,
    paidInterestFen: p.paidInterestFen,
    paidOffOn: p.paidOffOn ? startOfShanghaiDay(p.paidOffOn) : null,
  }));
  return { loan, periods, repayments };
}

export async function writeLoanRows(db: Client, rows: LoanRows): Promise<Loan> {
  const loan = await db.loan.create({ data: rows.loan });
  await db.loanPeriod.createMany({ data: rows.periods });
  if (rows.repayments.length) await db.repayment.createMany({ data: rows.repayments });
  return loan;
}

/**
 * The loan of a DISBURSED application (its amount, rate, term and date), with an optional
 * repayment history: `pattern` (relative to `today`, default the real today) or explicit
 * `repayments`.
 */
export async function createLoan(
  db: Client,
  options: {
    applicationId: string;
    method?: RepaymentMethod;
    pattern?: RepaymentPattern;
    today?: string;
  } & Partial<Pick<LoanOptions, "repayments" | "reportedRiskClass" | "renewsLoanId" | "renewalKind">>,
): Promise<Loan> {
  const application = await db.application.findUniqueOrThrow({
    where: { id: options.applicationId },
    select: {
      id: true,
      number: true,
      enterpriseId: true,
      bankId: true,
      productId: true,
      state: true,
      approvedTermMonths: true,
      disbursedAmountYuan: true,
      disbursedRateBp: true,
      disbursedAt: true,
      firstLoan: true,
    },
  });
  if (application.state !== "DISBURSED" || !application.disbursedAt)
    throw new Error(`application ${application.number} is not disbursed`);
  const method = options.method ?? "EQUAL_INSTALMENT";
  const disbursedOn = shanghaiDate(application.disbursedAt);
  const principalYuan = application.disbursedAmountYuan ?? 0;
  const rateBp = application.disbursedRateBp ?? 0;
  const termMonths = application.approvedTermMonths ?? 12;
  const repayments =
    options.repayments ??
    (options.pattern
      ? plannedRepayments(
          { principalFen: BigInt(principalYuan) * 100n, rateBp, termMonths, disbursedOn, method },
          options.pattern,
          options.today ?? shanghaiDate(new Date()),
        )
      : []);
  const rows = buildLoan({
    applicationId: application.id,
    enterpriseId: application.enterpriseId,
    bankId: application.bankId,
    productId: application.productId,
    ...(await loanCopiedFields(db, application.id)),
    principalYuan,
    rateBp,
    termMonths,
    disbursedOn,
    method,
    firstLoan: application.firstLoan,
    repayments,
    reportedRiskClass: options.reportedRiskClass,
    renewsLoanId: options.renewsLoanId,
    renewalKind: options.renewalKind,
    referencePrefix: `R${application.number}`,
  });
  return writeLoanRows(db, rows);
}

/**
 * A filing (备案) written by hand, for tests that skip the portal's checks: the filing row and its
 * loan's `filed` flag, as `fileLoan` writes them (the schema's Loan.filed).
 */
export async function createFiling(
  db: Db,
  data: Pick<Prisma.FilingUncheckedCreateInput, "loanId" | "bankId" | "ruleId" | "principalFen" | "filedAt">,
) {
  return db.$transaction(async (tx) => {
    const filing = await tx.filing.create({ data });
    await markLoanFiled(tx, data.loanId);
    return filing;
  });
}
