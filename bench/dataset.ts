/**
 * A city-scale dataset for the benchmark, in its own database, written with raw batched inserts
 * (Prisma would take many minutes): 100k firms over 8 sub-districts, 60 banks with 600 products,
 * 300k authorisations, 200k applications over two years with their events, 150k of them
 * disbursed loans with their schedules, repayments, filings and claims (./dataset-loans), 2M
 * access-log rows, demands, whitelist batches, and one user per bank,
 * office and the bureau (password BENCH_PASSWORD).
 *
 * Deterministic (seeded PRNG, fixed NOW); times are Shanghai office hours on weekdays. The
 * parameters are written next to the database (`<file>.json`) so a rerun reuses it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { hash } from "@node-rs/argon2";

import { GIVEN, REJECT_REASON_WEIGHTS, SURNAMES } from "../prisma/seed-catalog";
import { onServer, withDatabase } from "../scripts/postgres.js";
import { REFRESH_EVERY_AUTHORISED_UNTIL } from "../app/db/authorised-until";
import { usccCheckCharacter } from "../app/domain/uscc";
import { insertLoans, type DisbursedLoan } from "./dataset-loans";
import { postgresDriver, type BenchDriver, type Value } from "./driver";
import { BENCH_TIER } from "./paths";

/** The benchmark's "now": 2026-11-26 09:00 Asia/Shanghai, like the demo seed. */
export const NOW = new Date("2026-11-26T01:00:00Z");
export const BENCH_PASSWORD = "Bench@2026-city";

/** T2's counts; T1 has a tenth of each, with the same banks and products (bench/paths.ts). */
const T2 = {
  firms: 100_000,
  banks: 60,
  productsPerBank: 10,
  manualAuthorizations: 100_000,
  /** one FULL authorisation per application, so 300k authorisations in all */
  applications: 200_000,
  loans: 150_000,
  accessLogs: 2_000_000,
  demands: 30_000,
  whitelistEntries: 3_000,
};
const SAME_AT_EVERY_TIER = new Set(["banks", "productsPerBank"]);
export const SCALE: typeof T2 =
  BENCH_TIER === "T2"
    ? T2
    : (Object.fromEntries(
        Object.entries(T2).map(([name, n]) => [name, SAME_AT_EVERY_TIER.has(name) ? n : n / 10]),
      ) as typeof T2);
/** Bump when the generator changes: an existing dataset is then rebuilt. */
const GENERATOR_VERSION = 6;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
/** Applications are submitted over the two years before NOW. */
const WINDOW_DAYS = 730;
const PLATFORM_START = Date.parse("2023-11-01T01:00:00Z");

const SUB_DISTRICTS = [
  ["ruyihu", "如意湖街道办事处", "Ruyihu Sub-district Office", 18],
  ["boxuelu", "博学路街道办事处", "Boxuelu Sub-district Office", 12],
  ["longzihu", "龙子湖街道办事处", "Longzihu Sub-district Office", 15],
  ["shangdulu", "商都路街道办事处", "Shangdulu Sub-district Office", 14],
  ["longhu", "龙湖办事处", "Longhu Office", 10],
  ["jichenglu", "祭城路街道办事处", "Jichenglu Sub-district Office", 11],
  ["jinguanglu", "金光路街道办事处", "Jinguanglu Sub-district Office", 9],
  ["baisha", "白沙镇", "Baisha Town", 11],
] as const;
const BANK_NAMES = [
  ["ZZB", "郑州银行", "Bank of Zhengzhou"],
  ["ZZRCB", "郑州农商银行", "Zhengzhou Rural Commercial Bank"],
  ["ZYB", "中原银行", "Zhongyuan Bank"],
  ["CCB", "建设银行河南省分行", "China Construction Bank, Henan Branch"],
  ["ICBC", "工商银行河南省分行", "ICBC, Henan Branch"],
  ["CITIC", "中信银行郑州分行", "China CITIC Bank, Zhengzhou Branch"],
  ["HXB", "华夏银行郑州分行", "Hua Xia Bank, Zhengzhou Branch"],
  ["CEB", "光大银行郑州分行", "China Everbright Bank, Zhengzhou Branch"],
  ["CZB", "浙商银行郑州分行", "China Zheshang Bank, Zhengzhou Branch"],
  ["CIB", "兴业银行郑州分行", "Industrial Bank, Zhengzhou Branch"],
] as const;
const LPR = [
  ["2023-08", 345],
  ["2024-07", 335],
  ["2024-10", 310],
  ["2025-05", 300],
] as const;
/** [section, weight] — manufacturing, wholesale/retail, software and services dominate */
const SECTIONS = [
  ["C", 22],
  ["F", 9],
  ["G", 24],
  ["I", 12],
  ["M", 9],
  ["L", 4],
  ["H", 6],
  ["E", 4],
  ["A", 2],
  ["K", 2],
  ["R", 3],
  ["O", 3],
] as const;
const SIZES = [
  ["MICRO", 56],
  ["SMALL", 30],
  ["MEDIUM", 11],
  ["LARGE", 3],
] as const;
const TAX_GRADES = [
  ["A", 20],
  ["B", 38],
  ["M", 25],
  ["C", 10],
  ["D", 7],
] as const;
const RATINGS = [
  ["A", 25],
  ["B", 45],
  ["C", 22],
  ["D", 8],
] as const;
const TRADES =
  "科技 商贸 建材 食品 物流 电子 信息 机械 餐饮 文化 环保 医疗 服装 软件 新材料 智能 农业 建筑".split(" ");
/** [type, guarantee type, name] of a bank's ten products */
const PRODUCT_KINDS = [
  ["CREDIT", "CREDIT", "税e贷"],
  ["CREDIT", "CREDIT", "科创信用贷"],
  ["CREDIT", "CREDIT", "白名单信用贷"],
  ["CREDIT", "CREDIT", "小微快贷"],
  ["MORTGAGE", "MORTGAGE", "房抵经营贷"],
  ["PLEDGE", "IP_PLEDGE", "知识产权质押贷"],
  ["PLEDGE", "PLEDGE", "应收账款质押贷"],
  ["GUARANTEE", "GUARANTEE", "担保贷"],
  ["SUPPLY_CHAIN", "PLEDGE", "供应链订单贷"],
  ["CREDIT", "CREDIT", "首贷通"],
] as const;
/** [state, count]: at T2 150k loans, the rest ended otherwise or still in progress */
const STATES = [
  ["DISBURSED", SCALE.loans],
  ["REJECTED", Math.round(SCALE.applications * 0.12)],
  ["WITHDRAWN", Math.round(SCALE.applications * 0.03)],
  ["CANCELLED", Math.round(SCALE.applications * 0.02)],
  ["SUBMITTED", Math.round(SCALE.applications * 0.03)],
  ["ACCEPTED", Math.round(SCALE.applications * 0.025)],
  ["APPROVED", Math.round(SCALE.applications * 0.025)],
] as const;
const ACCESS_PURPOSES = [
  ["PRE_LOAN", 60],
  ["IN_LOAN", 20],
  ["POST_LOAN", 15],
  ["GOV_SUMMARY", 5],
] as const;

/**
 * The statistics after a load. PostgreSQL also vacuums: a production server's autovacuum has
 * marked a loaded table's pages all-visible long before a bench would run, and until then every
 * index-only scan reads the table's rows too (the past loan book at city scale: 1.2 s against
 * 0.6 s once vacuumed).
 */
export const ANALYZE = { sqlite: "ANALYZE", postgres: "VACUUM (ANALYZE)" } as const;

/** What identifies a dataset: a rebuild happens when any of it changes. */
export function datasetParameters(migrationsFolder = "prisma/migrations") {
  const migrations = readdirSync(path.resolve(migrationsFolder)).filter((name) => /^\d/.test(name));
  return { generator: GENERATOR_VERSION, now: NOW.toISOString(), scale: SCALE, migrations };
}

const metaFile = (file: string) => `${file}.json`;

/** The dataset in `file` was built with these parameters (and finished). */
export function datasetIsCurrent(file: string): boolean {
  if (!existsSync(file) || !existsSync(metaFile(file))) return false;
  try {
    return readFileSync(metaFile(file), "utf8") === JSON.stringify(datasetParameters());
  } catch {
    return false;
  }
}

/**
 * A dataset built with `stored` parameters differs from the wanted one only by migrations
 * committed since (the same generator, "now" and scale; its migrations a prefix of the committed
 * ones in `migrationsFolder`): then `prisma migrate deploy` brings it up to date, as it does a
 * production database, instead of a rebuild of the whole city. A migration that changes what the
 * rollups hold needs `--rebuild`.
 */
function onlyMigrationsBehind(stored: string | null, migrationsFolder?: string): boolean {
  if (stored === null) return false;
  try {
    const { migrations: had, ...built } = JSON.parse(stored) as ReturnType<typeof datasetParameters>;
    const { migrations, ...wanted } = datasetParameters(migrationsFolder);
    return (
      JSON.stringify(built) === JSON.stringify(wanted) &&
      had.length < migrations.length &&
      had.every((name, i) => migrations[i] === name)
    );
  } catch {
    return false;
  }
}

const storedParameters = (file: string) =>
  existsSync(file) && existsSync(metaFile(file)) ? readFileSync(metaFile(file), "utf8") : null;

function migrateDeploy(url: string) {
  const migrate = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(migrate.stderr || migrate.stdout);
}

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const firmId = (i: number) => `ent${pad(i, 6)}`;
/** A valid 统一社会信用代码 (GB 32100: the credit platform refuses others), unique per firm. */
export const firmUscc = (i: number) => {
  const first17 = `91410100${pad(i, 9)}`;
  return `${first17}${usccCheckCharacter(first17)}`;
};
export const bankId = (b: number) => `bank${pad(b, 2)}`;
export const subDistrictId = (s: number) => `sd${s}`;
export const bankUserId = (b: number) => `u-bank${pad(b, 2)}`;
export const BUREAU_USER_ID = "u-bureau";
export const bankUsername = (b: number) => `bench-bank${pad(b, 2)}`;
export const BUREAU_USERNAME = "bench-bureau";
const officeUserId = (s: number) => `u-office${s}`;
const productId = (b: number, k: number) => `prod${pad(b, 2)}${k}`;
const appId = (i: number) => `app${pad(i, 6)}`;

type Step = "submit" | "accept" | "approve" | "disburse" | "reject" | "withdraw" | "cancel";
const STEP_TO: Record<Step, string> = {
  submit: "SUBMITTED",
  accept: "ACCEPTED",
  approve: "APPROVED",
  disburse: "DISBURSED",
  reject: "REJECTED",
  withdraw: "WITHDRAWN",
  cancel: "CANCELLED",
};

interface AppPlan {
  i: number;
  firm: number;
  bank: number;
  product: number;
  steps: Step[];
  times: number[];
  amount: number;
  term: number;
  approved: number | null;
  rate: number | null;
  reason: string | null;
  whitelisted: boolean;
  firstLoan: boolean;
}

export async function buildDataset(driver: BenchDriver, log: (line: string) => void) {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const random = prng(20261126);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const weighted = <T>(table: readonly (readonly [T, number, ...unknown[]])[]) => {
    const total = table.reduce((sum, row) => sum + row[1], 0);
    return () => {
      let r = random() * total;
      for (const row of table) {
        r -= row[1];
        if (r < 0) return row[0];
      }
      return table[table.length - 1][0];
    };
  };
  const nowMs = NOW.getTime();
  const windowStart = nowMs - WINDOW_DAYS * DAY;
  /** a weekday at office hours (09:00–17:59 Shanghai) on or after `ms`'s Shanghai day */
  const officeHours = (ms: number) => {
    let dayStart = Math.floor((ms + SHANGHAI) / DAY) * DAY - SHANGHAI;
    for (;;) {
      const weekday = new Date(dayStart + SHANGHAI).getUTCDay();
      if (weekday !== 0 && weekday !== 6) break;
      dayStart += DAY;
    }
    return dayStart + 9 * HOUR + Math.floor(random() * 9 * HOUR);
  };
  const later = (ms: number, minDays: number, maxDays: number) =>
    Math.max(ms + HOUR, officeHours(ms + int(minDays, maxDays) * DAY));

  const step = (label: string, total: number) => {
    let last = 0;
    return (done: number) => {
      if (done - last >= 100_000 || done === total) {
        last = done;
        log(`  ${label}: ${done.toLocaleString("en")}/${total.toLocaleString("en")} (${elapsed()})`);
      }
    };
  };
  const insert = async (table: string, columns: string[], rows: Iterable<Value[]>, total: number) =>
    driver.insert(table, columns, rows, step(table, total));

  // ---------------------------------------------------------------- organisations and users
  const stamp = new Date(PLATFORM_START);
  await insert(
    "SubDistrict",
    ["id", "code", "name", "nameEn", "kind", "sortOrder", "createdAt", "updatedAt"],
    SUB_DISTRICTS.map(([code, name, nameEn], s) => [
      subDistrictId(s),
      code,
      name,
      nameEn,
      code === "baisha" ? "TOWN" : "OFFICE",
      s,
      stamp,
      stamp,
    ]),
    SUB_DISTRICTS.length,
  );
  const bankRows = Array.from({ length: SCALE.banks }, (_, b) => {
    const known = BANK_NAMES[b];
    return known
      ? [bankId(b), known[0], known[1], known[2]]
      : [bankId(b), `B${pad(b, 2)}`, `城市商业银行${pad(b, 2)}`, `City Commercial Bank ${pad(b, 2)}`];
  });
  await insert(
    "Bank",
    ["id", "code", "name", "nameEn", "createdAt", "updatedAt"],
    bankRows.map((row) => [...row, stamp, stamp]),
    SCALE.banks,
  );
  const passwordHash = await hash(BENCH_PASSWORD);
  const users: Value[][] = [
    [BUREAU_USER_ID, BUREAU_USERNAME, "郑东新区经济发展局", "GOV_BUREAU", null, null],
    ...bankRows.map((row, b) => [
      bankUserId(b),
      bankUsername(b),
      `${row[2]}客户经理`,
      "BANK",
      bankId(b),
      null,
    ]),
    ...SUB_DISTRICTS.map(([, name], s) => [
      officeUserId(s),
      `bench-office${s}`,
      `${name}专员`,
      "GOV_OFFICE",
      null,
      subDistrictId(s),
    ]),
  ];
  await insert(
    "User",
    [
      "id",
      "username",
      "displayName",
      "role",
      "bankId",
      "subDistrictId",
      "locale",
      "passwordChangedAt",
      "createdAt",
      "updatedAt",
    ],
    users.map((row) => [...row, "zh-CN", stamp, stamp, stamp]),
    users.length,
  );
  await insert(
    "Password",
    ["userId", "hash"],
    users.map((row) => [row[0], passwordHash]),
    users.length,
  );
  await insert(
    "LprRate",
    ["id", "effectiveOn", "rateBp", "createdAt"],
    LPR.map(([month, rate]) => [`lpr${month}`, new Date(`${month}-20T00:00:00+08:00`), rate, stamp]),
    LPR.length,
  );

  // ---------------------------------------------------------------- products
  const products: { minAmount: number; maxAmount: number; minRate: number; maxRate: number }[] = [];
  await insert(
    "Product",
    [
      "id",
      "bankId",
      "name",
      "type",
      "guaranteeType",
      "minAmountYuan",
      "maxAmountYuan",
      "minTermMonths",
      "maxTermMonths",
      "minRateBp",
      "maxRateBp",
      "eligibleSizes",
      "eligibleSections",
      "minTaxGrade",
      "whitelistOnly",
      "description",
      "status",
      "publishedAt",
      "createdAt",
      "updatedAt",
    ],
    (function* () {
      for (let b = 0; b < SCALE.banks; b++) {
        for (let k = 0; k < SCALE.productsPerBank; k++) {
          const [type, guarantee, name] = PRODUCT_KINDS[k % PRODUCT_KINDS.length];
          const secured = guarantee !== "CREDIT";
          const minAmount = (secured ? 50 : 10) * 10_000;
          const maxAmount = (secured ? int(10, 30) * 100 : int(2, 10) * 100) * 10_000;
          const minRate = (secured ? 300 : 330) + int(0, 6) * 5;
          const maxRate = minRate + int(10, 40) * 5;
          products.push({ minAmount, maxAmount, minRate, maxRate });
          const published = new Date(PLATFORM_START + int(0, 200) * DAY);
          yield [
            productId(b, k),
            bankId(b),
            `${String(bankRows[b][2]).replace(/(河南省|郑州)?分行$/, "")}${name}`,
            type,
            guarantee,
            minAmount,
            maxAmount,
            6,
            secured ? 60 : 36,
            minRate,
            maxRate,
            k === 3 ? "SMALL,MICRO" : "MEDIUM,SMALL,MICRO",
            k === 1 ? "C,I,M" : "",
            k === 0 ? "B" : null,
            k === 2,
            `${name}：面向郑东新区中小微企业的${secured ? "担保类" : "信用类"}贷款产品。`,
            k === 9 && b % 7 === 0 ? "DRAFT" : "PUBLISHED",
            published,
            published,
            published,
          ];
        }
      }
    })(),
    SCALE.banks * SCALE.productsPerBank,
  );

  // ---------------------------------------------------------------- firms and the whitelist
  const firmVerified = new Float64Array(SCALE.firms);
  const firmSubDistrict = new Uint8Array(SCALE.firms);
  const firmHadLoan = new Uint8Array(SCALE.firms);
  const firmLarge = new Uint8Array(SCALE.firms);
  const firmSection: string[] = new Array(SCALE.firms);
  const firmSize: string[] = new Array(SCALE.firms);
  const whitelistedFrom = new Float64Array(SCALE.firms);
  const whitelistedUntil = new Float64Array(SCALE.firms);
  for (let i = 0; i < SCALE.firms; i++) {
    // more firms registered as the programme grew: density rises towards NOW
    firmVerified[i] = officeHours(PLATFORM_START + Math.sqrt(random()) * (nowMs - 2 * DAY - PLATFORM_START));
    firmHadLoan[i] = random() < 0.45 ? 1 : 0;
  }
  // 8 quarterly batches of the bureau's 推荐清单; each entry came from an office's recommendation
  const batches = Array.from({ length: 8 }, (_, n) => {
    const createdAt = officeHours(Date.parse("2025-01-10T01:00:00Z") + n * 91 * DAY);
    return {
      id: `wb${n}`,
      name: `${new Date(createdAt).getUTCFullYear()}年第${(n % 4) + 1}批推荐清单`,
      createdAt,
    };
  });
  const entries: { firm: number; batch: number }[] = [];
  const taken = new Set<number>();
  while (entries.length < SCALE.whitelistEntries) {
    const firm = Math.floor(random() * SCALE.firms);
    const batch = Math.floor(random() * batches.length);
    if (taken.has(firm) || firmVerified[firm] >= batches[batch].createdAt) continue;
    taken.add(firm);
    entries.push({ firm, batch });
    whitelistedFrom[firm] = batches[batch].createdAt;
    whitelistedUntil[firm] = batches[batch].createdAt + 365 * DAY;
  }

  const subDistrictOf = weighted(SUB_DISTRICTS.map(([, , , weight], s) => [s, weight] as const));
  const sectionOf = weighted(SECTIONS);
  const sizeOf = weighted(SIZES);
  const taxGradeOf = weighted(TAX_GRADES);
  const ratingOf = weighted(RATINGS);
  await insert(
    "Enterprise",
    [
      "id",
      "uscc",
      "name",
      "legalRepresentative",
      "address",
      "establishedOn",
      "registeredCapitalWan",
      "contactName",
      "contactMobile",
      "sectionCode",
      "subDistrictId",
      "employees",
      "revenueWan",
      "totalAssetsWan",
      "size",
      "hadBankLoan",
      "verifiedAt",
      "taxGrade",
      "publicRating",
      "onDishonestyList",
      "onRedList",
      "creditRefreshedAt",
      "whitelistedUntil",
      "createdAt",
      "updatedAt",
    ],
    (function* () {
      for (let i = 0; i < SCALE.firms; i++) {
        const s = subDistrictOf();
        firmSubDistrict[i] = s;
        const size = sizeOf();
        firmLarge[i] = size === "LARGE" ? 1 : 0;
        firmSize[i] = size;
        const scale = size === "MICRO" ? 1 : size === "SMALL" ? 8 : size === "MEDIUM" ? 60 : 400;
        const verified = new Date(firmVerified[i]);
        const person = () => `${SURNAMES[int(0, SURNAMES.length - 1)]}${GIVEN[int(0, GIVEN.length - 1)]}`;
        yield [
          firmId(i),
          firmUscc(i),
          `郑州${TRADES[i % TRADES.length]}${SUB_DISTRICTS[s][1].slice(0, 2)}${i}有限公司`,
          person(),
          `郑州市郑东新区${SUB_DISTRICTS[s][1].slice(0, 3)}${int(1, 300)}号`,
          new Date(firmVerified[i] - int(200, 6000) * DAY),
          String(int(1, 200) * 10 * Math.max(1, scale / 8)),
          person(),
          `13${pad(int(0, 999_999_999), 9)}`,
          (firmSection[i] = sectionOf()),
          subDistrictId(s),
          Math.max(1, Math.round(scale * int(3, 12))),
          scale * int(20, 300),
          scale * int(30, 500),
          size,
          firmHadLoan[i] === 1,
          verified,
          taxGradeOf(),
          ratingOf(),
          random() < 0.02,
          random() < 0.06,
          verified,
          whitelistedUntil[i] ? new Date(whitelistedUntil[i]) : null,
          verified,
          verified,
        ];
      }
    })(),
    SCALE.firms,
  );
  await insert(
    "WhitelistBatch",
    ["id", "name", "validFrom", "validUntil", "approvedById", "createdAt"],
    batches.map((batch) => [
      batch.id,
      batch.name,
      new Date(batch.createdAt),
      new Date(batch.createdAt + 365 * DAY),
      BUREAU_USER_ID,
      new Date(batch.createdAt),
    ]),
    batches.length,
  );
  await insert(
    "Recommendation",
    [
      "id",
      "enterpriseId",
      "subDistrictId",
      "status",
      "reason",
      "createdById",
      "reviewedById",
      "reviewedAt",
      "batchId",
      "createdAt",
      "updatedAt",
    ],
    entries.map(({ firm, batch }, n) => {
      const created = new Date(batches[batch].createdAt - int(10, 40) * DAY);
      const reviewed = new Date(batches[batch].createdAt);
      return [
        `rec${n}`,
        firmId(firm),
        subDistrictId(firmSubDistrict[firm]),
        "APPROVED",
        "纳税信用良好，经营稳定，有融资需求",
        officeUserId(firmSubDistrict[firm]),
        BUREAU_USER_ID,
        reviewed,
        batches[batch].id,
        created,
        reviewed,
      ];
    }),
    entries.length,
  );
  await insert(
    "WhitelistEntry",
    ["id", "batchId", "enterpriseId", "recommendationId", "status", "approvedAt"],
    entries.map(({ firm, batch }, n) => [
      `wle${n}`,
      batches[batch].id,
      firmId(firm),
      `rec${n}`,
      "ACTIVE",
      new Date(batches[batch].createdAt),
    ]),
    entries.length,
  );

  // ---------------------------------------------------------------- demands, manual authorisations
  await insert(
    "Demand",
    [
      "id",
      "enterpriseId",
      "amountYuan",
      "termMonths",
      "purpose",
      "guaranteeTypes",
      "rateCeilingBp",
      "validUntil",
      "status",
      "createdAt",
      "updatedAt",
    ],
    (function* () {
      for (let n = 0; n < SCALE.demands; n++) {
        const firm = Math.floor(random() * SCALE.firms);
        const created = Math.max(
          firmVerified[firm] + HOUR,
          officeHours(windowStart + random() * WINDOW_DAYS * DAY),
        );
        const validUntil = created + 90 * DAY;
        const open = validUntil > nowMs;
        yield [
          `dem${n}`,
          firmId(firm),
          int(10, 500) * 10_000,
          [6, 12, 24, 36][int(0, 3)],
          ["补充流动资金", "采购原材料", "设备更新", "支付工资"][int(0, 3)],
          random() < 0.6 ? "CREDIT" : "CREDIT,MORTGAGE,GUARANTEE",
          random() < 0.5 ? int(70, 110) * 5 : null,
          new Date(validUntil),
          open ? "OPEN" : random() < 0.3 ? "FULFILLED" : "CLOSED",
          new Date(created),
          new Date(created),
        ];
      }
    })(),
    SCALE.demands,
  );
  const authColumns = [
    "id",
    "enterpriseId",
    "bankId",
    "scope",
    "origin",
    "applicationId",
    "grantedAt",
    "expiresAt",
    "revokedAt",
  ];
  await insert(
    "Authorization",
    authColumns,
    (function* () {
      for (let n = 0; n < SCALE.manualAuthorizations; n++) {
        const firm = Math.floor(random() * SCALE.firms);
        const granted = Math.min(
          Math.max(firmVerified[firm] + HOUR, nowMs - int(1, 540) * DAY),
          nowMs - HOUR,
        );
        const months = [3, 6, 12][int(0, 2)];
        yield [
          `am${n}`,
          firmId(firm),
          random() < 0.3 ? null : bankId(Math.floor(random() * SCALE.banks)),
          random() < 0.7 ? "FULL" : "BASIC",
          "MANUAL",
          null,
          new Date(granted),
          new Date(granted + months * 30 * DAY),
          // a revocation is an act of the past, as in the portal
          random() < 0.05 && granted + 20 * DAY < nowMs ? new Date(granted + 20 * DAY) : null,
        ];
      }
    })(),
    SCALE.manualAuthorizations,
  );

  // ---------------------------------------------------------------- applications (planned first: 首贷 needs each firm's first loan)
  log(`  planning ${SCALE.applications.toLocaleString("en")} applications (${elapsed()})`);
  const states: string[] = [];
  for (const [state, count] of STATES) for (let n = 0; n < count; n++) states.push(state);
  for (let n = states.length - 1; n > 0; n--) {
    const m = Math.floor(random() * (n + 1));
    [states[n], states[m]] = [states[m], states[n]];
  }
  // 42% of the firms ever apply; a few of them apply again and again
  const borrowers = Array.from({ length: Math.floor(SCALE.firms * 0.42) }, () =>
    Math.floor(random() * SCALE.firms),
  );
  const bankOf = weighted(Array.from({ length: SCALE.banks }, (_, b) => [b, 1 / (b + 1) ** 0.7] as const));
  const reasonOf = weighted(
    Object.entries(REJECT_REASON_WEIGHTS).filter(([reason]) => reason !== "FIRM_DECLINED") as [
      string,
      number,
    ][],
  );
  const plans: AppPlan[] = [];
  for (let i = 0; i < SCALE.applications; i++) {
    const state = states[i];
    const inFlight = state === "SUBMITTED" || state === "ACCEPTED" || state === "APPROVED";
    let firm = 0;
    let submitted = 0;
    for (let attempt = 0; ; attempt++) {
      firm = borrowers[Math.floor(borrowers.length * random() ** 1.6)];
      const from = inFlight ? nowMs - 25 * DAY : windowStart;
      const to = inFlight ? nowMs - DAY : nowMs - 30 * DAY;
      submitted = officeHours(from + random() * (to - from));
      if (submitted > firmVerified[firm] || attempt > 20) break;
    }
    submitted = Math.max(submitted, firmVerified[firm] + HOUR);
    const bank = bankOf();
    const k = Math.floor(random() * 9);
    const product = products[bank * SCALE.productsPerBank + k];
    const amount = Math.min(
      product.maxAmount,
      Math.max(product.minAmount, Math.round(10 ** (5 + random() * 1.7) / 10_000) * 10_000),
    );
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
      case "REJECTED":
        steps = random() < 0.4 ? ["submit", "reject"] : ["submit", "accept", "reject"];
        break;
      case "WITHDRAWN":
        steps = ["submit", "withdraw"];
        break;
      default:
        steps = ["submit", "accept", "approve", "cancel"];
    }
    const times = [submitted];
    for (const s of steps.slice(1)) {
      const previous = times[times.length - 1];
      const at =
        s === "accept"
          ? later(previous, 0, random() < 0.85 ? 3 : 8)
          : s === "approve"
            ? later(previous, 1, 12)
            : s === "disburse"
              ? later(previous, 1, 8)
              : later(previous, 1, 6);
      times.push(Math.min(at, nowMs - HOUR));
    }
    const approved = steps.includes("approve")
      ? Math.max(product.minAmount, Math.round((amount * (0.6 + random() * 0.4)) / 10_000) * 10_000)
      : null;
    const whitelisted =
      whitelistedFrom[firm] > 0 && whitelistedFrom[firm] <= submitted && whitelistedUntil[firm] > submitted;
    plans.push({
      i,
      firm,
      bank,
      product: bank * SCALE.productsPerBank + k,
      steps,
      times,
      amount,
      term: [6, 12, 12, 24, 36][int(0, 4)],
      approved,
      rate:
        approved === null
          ? null
          : product.minRate + 5 * int(0, (product.maxRate - product.minRate) / 5) - (whitelisted ? 20 : 0),
      reason: state === "REJECTED" ? reasonOf() : state === "CANCELLED" ? "FIRM_DECLINED" : null,
      whitelisted,
      firstLoan: false,
    });
  }
  // 首贷户: a firm's earliest disbursed application (ties: the smaller id), unless it declared a loan
  const firstOf = new Map<number, AppPlan>();
  for (const plan of plans) {
    if (plan.steps[plan.steps.length - 1] !== "disburse") continue;
    const known = firstOf.get(plan.firm);
    if (!known || plan.times[3] < known.times[3]) firstOf.set(plan.firm, plan);
  }
  for (const [firm, plan] of firstOf) plan.firstLoan = firmHadLoan[firm] === 0;

  const numbers = new Map<string, number>();
  const at = (plan: AppPlan, s: Step) => {
    const index = plan.steps.indexOf(s);
    return index < 0 ? null : new Date(plan.times[index]);
  };
  await insert(
    "Application",
    [
      "id",
      "number",
      "enterpriseId",
      "productId",
      "bankId",
      "amountYuan",
      "termMonths",
      "purpose",
      "state",
      "version",
      "whitelisted",
      "submittedAt",
      "firstResponseAt",
      "acceptedAt",
      "decidedAt",
      "approvedAmountYuan",
      "approvedRateBp",
      "approvedTermMonths",
      "rejectReason",
      "rejectText",
      "disbursedAt",
      "disbursedAmountYuan",
      "disbursedRateBp",
      "firstLoan",
      "closedAt",
      "createdAt",
      "updatedAt",
    ],
    (function* () {
      for (const plan of plans) {
        const last = plan.steps[plan.steps.length - 1];
        const submitted = new Date(plan.times[0]);
        const day = new Date(plan.times[0] + SHANGHAI).toISOString().slice(0, 10).replaceAll("-", "");
        const n = (numbers.get(day) ?? 0) + 1;
        numbers.set(day, n);
        const disbursed = at(plan, "disburse");
        const terminal = ["disburse", "reject", "withdraw", "cancel"].includes(last);
        const lastAt = new Date(plan.times[plan.times.length - 1]);
        yield [
          appId(plan.i),
          `XYD-${day}-${pad(n, 4)}`,
          firmId(plan.firm),
          productId(plan.bank, plan.product % SCALE.productsPerBank),
          bankId(plan.bank),
          plan.amount,
          plan.term,
          "补充日常经营流动资金",
          STEP_TO[last],
          plan.steps.length - 1,
          plan.whitelisted,
          submitted,
          at(plan, "accept") ?? at(plan, "reject"),
          at(plan, "accept"),
          at(plan, "approve") ?? at(plan, "reject"),
          plan.approved,
          plan.rate,
          plan.approved === null ? null : plan.term,
          plan.reason,
          plan.reason === "OTHER" ? "近6个月结算流水不足" : null,
          disbursed,
          disbursed ? plan.approved : null,
          disbursed ? plan.rate : null,
          plan.firstLoan,
          terminal ? lastAt : null,
          submitted,
          lastAt,
        ];
      }
    })(),
    SCALE.applications,
  );
  const eventCount = plans.reduce((sum, plan) => sum + plan.steps.length, 0);
  await insert(
    "ApplicationEvent",
    ["id", "applicationId", "actorId", "fromState", "toState", "at", "data"],
    (function* () {
      let n = 0;
      for (const plan of plans) {
        for (let k = 0; k < plan.steps.length; k++) {
          const s = plan.steps[k];
          const data =
            s === "submit"
              ? { amountYuan: plan.amount, termMonths: plan.term }
              : s === "approve"
                ? { amountYuan: plan.approved, rateBp: plan.rate, termMonths: plan.term }
                : s === "disburse"
                  ? {
                      amountYuan: plan.approved,
                      rateBp: plan.rate,
                      disbursedAt: new Date(plan.times[k]).toISOString(),
                    }
                  : plan.reason && (s === "reject" || s === "cancel")
                    ? { reason: plan.reason }
                    : {};
          yield [
            `ev${n++}`,
            appId(plan.i),
            s === "submit" || s === "withdraw" || s === "cancel" ? null : bankUserId(plan.bank),
            k === 0 ? null : STEP_TO[plan.steps[k - 1]],
            STEP_TO[s],
            new Date(plan.times[k]),
            JSON.stringify(data),
          ];
        }
      }
    })(),
    eventCount,
  );
  await insert(
    "Authorization",
    authColumns,
    (function* () {
      for (const plan of plans) {
        const last = plan.steps[plan.steps.length - 1];
        const ended = last === "reject" || last === "withdraw" || last === "cancel";
        yield [
          `aa${pad(plan.i, 6)}`,
          firmId(plan.firm),
          bankId(plan.bank),
          "FULL",
          "APPLICATION",
          appId(plan.i),
          new Date(plan.times[0]),
          new Date(plan.times[0] + 365 * DAY),
          ended ? new Date(plan.times[plan.times.length - 1]) : null,
        ];
      }
    })(),
    SCALE.applications,
  );

  // ---------------------------------------------------------------- loans, schedules, repayments, the pool
  log(`  loans: schedules of ${SCALE.loans.toLocaleString("en")} disbursements (${elapsed()})`);
  const disbursed: DisbursedLoan[] = [];
  for (const plan of plans) {
    const k = plan.steps.indexOf("disburse");
    if (k < 0 || plan.approved === null || plan.rate === null) continue;
    const [productType, guarantee] =
      PRODUCT_KINDS[(plan.product % SCALE.productsPerBank) % PRODUCT_KINDS.length];
    disbursed.push({
      applicationId: appId(plan.i),
      enterpriseId: firmId(plan.firm),
      bankId: bankId(plan.bank),
      productId: productId(plan.bank, plan.product % SCALE.productsPerBank),
      subDistrictId: subDistrictId(firmSubDistrict[plan.firm]),
      sectionCode: firmSection[plan.firm],
      size: firmSize[plan.firm],
      whitelisted: plan.whitelisted,
      productType,
      bankUserId: bankUserId(plan.bank),
      principalYuan: plan.approved,
      rateBp: plan.rate,
      termMonths: plan.term,
      disbursedAt: plan.times[k],
      firstLoan: plan.firstLoan,
      qualifies:
        (guarantee === "CREDIT" || guarantee === "GUARANTEE") &&
        firmLarge[plan.firm] === 0 &&
        plan.approved <= 10_000_000,
    });
  }
  const loanCounts = await insertLoans(disbursed, {
    insert,
    write: (table, columns, rows) => driver.insert(table, columns, rows),
    random,
    now: NOW,
    log,
  });
  log(
    `  loans: ${loanCounts.loans.toLocaleString("en")} loans, ${loanCounts.periods.toLocaleString("en")} periods, ` +
      `${loanCounts.repayments.toLocaleString("en")} repayments, ${loanCounts.filings.toLocaleString("en")} filings, ` +
      `${loanCounts.claims.toLocaleString("en")} claims (${elapsed()})`,
  );

  // ---------------------------------------------------------------- access log: mostly the banks' pre-loan checks
  const purposeOf = weighted(ACCESS_PURPOSES);
  await insert(
    "AccessLog",
    ["id", "enterpriseId", "bankId", "userId", "scope", "purpose", "at"],
    (function* () {
      for (let n = 0; n < SCALE.accessLogs; n++) {
        const plan = plans[Math.floor(random() * plans.length)];
        const purpose = purposeOf();
        const government = purpose === "GOV_SUMMARY";
        const when = government ? plan.times[0] + int(1, 200) * DAY : plan.times[0] + int(0, 400) * HOUR;
        yield [
          `al${n}`,
          firmId(plan.firm),
          government ? null : bankId(plan.bank),
          government ? officeUserId(firmSubDistrict[plan.firm]) : bankUserId(plan.bank),
          government ? "BASIC" : "FULL",
          purpose,
          new Date(Math.min(when, nowMs - HOUR)),
        ];
      }
    })(),
    SCALE.accessLogs,
  );
  log(`  each firm's authorisedUntil (${elapsed()})`);
  await driver.exec(REFRESH_EVERY_AUTHORISED_UNTIL);
  log(`  ANALYZE (${elapsed()})`);
  await driver.exec(ANALYZE[driver.dialect]);
  return { seconds: (Date.now() - started) / 1000, applications: plans.length, events: eventCount };
}

/**
 * Builds the dataset into `file` unless it is already there with the same parameters (or
 * `force`): a fresh file, the committed migrations, then the rows.
 */
export async function ensureDataset(
  file: string,
  { force, log, open }: { force: boolean; log: (line: string) => void; open: (file: string) => BenchDriver },
) {
  if (!force && datasetIsCurrent(file)) {
    log(`» reusing ${file} (same parameters; --rebuild to build it again)`);
    return null;
  }
  if (!force && onlyMigrationsBehind(storedParameters(file))) {
    log(`» applying the migrations committed since ${file} was built (--rebuild to build it again)`);
    migrateDeploy(`file:${file}`);
    const driver = open(file);
    try {
      await driver.exec("ANALYZE");
    } finally {
      await driver.close();
    }
    writeFileSync(metaFile(file), JSON.stringify(datasetParameters()));
    return null;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", ".json"]) rmSync(file + suffix, { force: true });
  log(`» building the city dataset in ${file}…`);
  migrateDeploy(`file:${file}`);
  const driver = open(file);
  try {
    const built = await buildDataset(driver, log);
    writeFileSync(metaFile(file), JSON.stringify(datasetParameters()));
    return built;
  } finally {
    await driver.close();
  }
}

const PG_MIGRATIONS = "prisma/postgresql/migrations";

/**
 * The same dataset (the same generator, the same rows) in the database `url` names, built unless
 * it holds a `_bench_dataset` row with the same parameters (or `force`): the database dropped and
 * created again (bytewise collation, as README asks of production), the PostgreSQL migrations,
 * the rows, ANALYZE, then the parameters row last — an interrupted build is never reused.
 */
export async function ensurePostgresDataset(
  url: string,
  { force, log }: { force: boolean; log: (line: string) => void },
) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad bench database name ${name}`);
  const wanted = JSON.stringify(datasetParameters(PG_MIGRATIONS));
  const server = withDatabase(url, "postgres");
  const stored = await onServer(url, async (client) => {
    const { rows } = await client.query(`SELECT params FROM "_bench_dataset"`);
    return (rows as { params: string }[])[0]?.params ?? null;
  }).catch(() => null);
  if (!force && stored === wanted) {
    log(`» reusing the PostgreSQL database ${name} (same parameters; --rebuild to build it again)`);
    return null;
  }
  if (!force && onlyMigrationsBehind(stored, PG_MIGRATIONS)) {
    log(`» applying the migrations committed since ${name} was built (--rebuild to build it again)`);
    migrateDeploy(url);
    const driver = postgresDriver(url, { building: true });
    try {
      // in key order, as a rebuild leaves them: a dataset built before the rebuild clustered them
      // has them scattered (decision 020)
      await driver.exec(`CLUSTER "IndicatorRollup" USING "IndicatorRollup_pkey"`);
      await driver.exec(ANALYZE.postgres);
      await driver.all(`UPDATE "_bench_dataset" SET params = ?`, [wanted]);
    } finally {
      await driver.close();
    }
    return null;
  }
  log(`» building the city dataset in the PostgreSQL database ${name}…`);
  await onServer(server, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(
      `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
  });
  migrateDeploy(url);
  const driver = postgresDriver(url, { building: true });
  try {
    const built = await buildDataset(driver, log);
    await driver.exec(`CREATE TABLE "_bench_dataset" (params text NOT NULL)`);
    await driver.all(`INSERT INTO "_bench_dataset" (params) VALUES (?)`, [wanted]);
    return built;
  } finally {
    await driver.close();
  }
}

/** The dataset's bureau user as the app's models take an actor. */
export const BENCH_BUREAU = {
  id: BUREAU_USER_ID,
  username: BUREAU_USERNAME,
  displayName: "bench",
  role: "GOV_BUREAU" as const,
  enterpriseId: null,
  bankId: null,
  subDistrictId: null,
  organization: null,
};
