/**
 * Deterministic data of the mock 市公共信用信息平台 (municipal public credit platform).
 * Pure functions, no msw: the handlers in ./credit-platform wrap them in HTTP.
 *
 * THE CONTRACT (shared with app/services/credit-platform.server.ts, whose zod schemas
 * are the authority; tests/unit/credit-platform.test.ts checks this generator against them)
 *
 *   GET /v1/enterprises/{uscc}            Authorization: Bearer <token>
 *   200 {
 *     "uscc": "91410100MAXYD0011L",         // 18 characters, as asked
 *     "name": "郑州华信科技有限公司",
 *     "status": "存续" | "注销" | "吊销",
 *     "establishedOn": "2016-03-08",         // YYYY-MM-DD
 *     "registeredCapital": 500,              // 万元, a number
 *     "legalRepresentative": "王建国",
 *     "address": "郑州市郑东新区众意路88号创新大厦12层1203号"
 *   }
 *
 *   GET /v1/enterprises/{uscc}/credit     Authorization: Bearer <token>
 *   200 {
 *     "updatedAt": "2026-11-26T08:00:00Z",  // ISO 8601 UTC: the newest source's updatedAt
 *     "sources": {                          // every source carries its own updatedAt
 *       "tax":             { "grade": "A"|"B"|"M"|"C"|"D", "year": 2025, "taxPaid": 123456, "updatedAt" },
 *       "socialInsurance": { "insuredEmployees": 42, "arrearsMonths": 0, "updatedAt" },
 *       "housingFund":     { "contributors": 30, "updatedAt" },
 *       "utilities":       { "waterArrears": 0, "powerArrears": 1200, "gasArrears": 0, "updatedAt" },
 *       "licenses":        { "items": [{ "name", "licenseNo", "authority", "validFrom", "validTo" }], "updatedAt" },
 *       "penalties":       { "items": [{ "decisionNo", "authority", "decidedOn", "reason", "amount", "repaired" }], "updatedAt" },
 *       "redList":         { "items": [{ "listName", "authority", "listedOn", "reason" }], "updatedAt" },
 *       "dishonestyList":  { "items": [{ "listName", "authority", "listedOn", "reason" }], "updatedAt" },
 *       "judicial":        { "enforcementCases": 0, "updatedAt" },
 *       "ip":              { "patents": 3, "trademarks": 2, "updatedAt" },
 *       "publicRating":    { "grade": "A"|"B"|"C"|"D", "updatedAt" },
 *       "abnormalOperations": { "items": [{ "listName", "authority", "listedOn", "reason" }], "updatedAt" }
 *     }
 *   }
 *
 *   - `abnormalOperations` (经营异常名录, from the market regulator) is optional: a platform that
 *     does not send it is read as "not known", not as "not listed".
 *
 *   - List-valued sources are wrapped as { items, updatedAt } so that they, too, carry a date.
 *   - Money (taxPaid, penalty amount, the three arrears) is an integer number of 元.
 *     registeredCapital alone is in 万元 (as the registry publishes it).
 *   - Dates of events are YYYY-MM-DD; `updatedAt` values are ISO 8601 date-times.
 *   - Every dishonestyList entry is a 严重失信主体名单 listing (联合惩戒 applies to all of them).
 *   - `repaired: false` means the penalty record is still in force (未修复).
 *   - Errors: 400 invalid USCC, 401 missing/invalid bearer token, 404 unknown firm, 429 with
 *     Retry-After (seconds), 5xx. Error bodies are { "error": code, "message": text }.
 *
 * THE MOCK'S RULES
 *   - A valid USCC whose area code (positions 3–8) starts with "41" is a Henan firm with
 *     data generated from a PRNG seeded by the code: the same code always yields the same firm.
 *     4101xx codes are Zhengzhou firms (410100 and unlisted 4101xx: 郑东新区).
 *   - Every other valid code is unknown (404); an invalid code is a 400.
 *   - Ordinary firms are all 存续; about 3% are on a dishonesty list, about 8% on a red list.
 *   - SPECIAL_USCCS (below) are fixed demo cases; DEMO_REGISTRATION_USCCS are clean firms
 *     to try registration with.
 *   - CHANGING_USCCS (below) are firms whose data changes from one fetch to the next (贷后预警).
 *   - Event dates (penalties, list entries, licences) lie in 2018-01-01 … 2026-06-30 and never
 *     after `now`. What moves with `now`: the updatedAt values, the tax year (now − 1), and so
 *     which firms are too new to be graded (tax grade M, never on a red list).
 */
import {
  isValidUscc,
  normalizeUscc,
  usccAreaCode,
  usccCheckCharacter,
  USCC_ALPHABET,
} from "../app/domain/uscc";

// ---------------------------------------------------------------------------------------
// Contract types (the generator's view; the client derives its own from zod)

export type RegistryStatus = "存续" | "注销" | "吊销";
export type TaxGrade = "A" | "B" | "M" | "C" | "D";
export type PublicRatingGrade = "A" | "B" | "C" | "D";

export interface RegistrationJson {
  uscc: string;
  name: string;
  status: RegistryStatus;
  establishedOn: string;
  registeredCapital: number;
  legalRepresentative: string;
  address: string;
}

export interface LicenseItem {
  name: string;
  licenseNo: string;
  authority: string;
  validFrom: string;
  validTo: string;
}

export interface PenaltyItem {
  decisionNo: string;
  authority: string;
  decidedOn: string;
  reason: string;
  amount: number;
  repaired: boolean;
}

export interface ListEntry {
  listName: string;
  authority: string;
  listedOn: string;
  reason: string;
}

export interface CreditJson {
  updatedAt: string;
  sources: {
    tax: { grade: TaxGrade; year: number; taxPaid: number; updatedAt: string };
    socialInsurance: { insuredEmployees: number; arrearsMonths: number; updatedAt: string };
    housingFund: { contributors: number; updatedAt: string };
    utilities: { waterArrears: number; powerArrears: number; gasArrears: number; updatedAt: string };
    licenses: { items: LicenseItem[]; updatedAt: string };
    penalties: { items: PenaltyItem[]; updatedAt: string };
    redList: { items: ListEntry[]; updatedAt: string };
    dishonestyList: { items: ListEntry[]; updatedAt: string };
    judicial: { enforcementCases: number; updatedAt: string };
    ip: { patents: number; trademarks: number; updatedAt: string };
    publicRating: { grade: PublicRatingGrade; updatedAt: string };
    abnormalOperations: { items: ListEntry[]; updatedAt: string };
  };
}

// ---------------------------------------------------------------------------------------
// Fixed codes

export type SpecialKind =
  "deregistered" | "revoked" | "dishonest" | "redList" | "unpaidPenalties" | "creditOutage";

export interface SpecialUscc {
  uscc: string;
  kind: SpecialKind;
  note: string;
}

/**
 * Demo cases, all valid Zhengzhou codes "91410100MAXYD" + 4 digits + check character
 * (XYD: 信易贷). Check characters computed with usccCheckCharacter; a test re-checks them.
 */
const ENFORCEMENT_DEBTOR = "91410100MAXYD0031N";
const TAX_OFFENDER = "91410100MAXYD0032R";

export const SPECIAL_USCCS: readonly SpecialUscc[] = [
  { uscc: "91410100MAXYD0011L", kind: "deregistered", note: "注销 (deregistered): registration is refused" },
  { uscc: "91410100MAXYD0012P", kind: "deregistered", note: "注销 (deregistered): registration is refused" },
  {
    uscc: "91410100MAXYD0021M",
    kind: "revoked",
    note: "吊销 (licence revoked): registration is refused; rating D",
  },
  {
    uscc: "91410100MAXYD0022Q",
    kind: "revoked",
    note: "吊销 (licence revoked): registration is refused; rating D",
  },
  {
    uscc: ENFORCEMENT_DEBTOR,
    kind: "dishonest",
    note: "存续, on the 失信被执行人名单 (严重失信), 3 enforcement cases: ineligible everywhere",
  },
  {
    uscc: TAX_OFFENDER,
    kind: "dishonest",
    note: "存续, on the 重大税收违法失信主体名单 (严重失信), tax grade D: ineligible everywhere",
  },
  {
    uscc: "91410100MAXYD0041P",
    kind: "redList",
    note: "存续, on two red lists (A级纳税人, 守合同重信用), tax grade A, public rating A, no penalties",
  },
  {
    uscc: "91410100MAXYD0051Q",
    kind: "unpaidPenalties",
    note: "存续, two unrepaired penalties (one of 80 000 元), tax grade C, public rating C",
  },
  {
    uscc: "91410100MAXYD0061R",
    kind: "creditOutage",
    note: "存续; registration works, but /credit always answers 500 (platform outage demo)",
  },
];

/**
 * Ordinary 存续 firms with no dishonesty listing, to try registration with (README).
 * A test checks that each is valid, Henan, 存续 and clean.
 */
export const DEMO_REGISTRATION_USCCS: readonly string[] = [
  "91410100MAXYD1001T", // 郑州金诺人力资源服务有限公司, 郑东新区: tax B, rating B, clean
  "91410100MAXYD1007D", // 河南永升建筑工程有限公司, 郑东新区, 3500万: tax A, rating B
  "91410100MAXYD10031", // 郑州嘉禾环保科技有限公司, 郑东新区: tax B, rating B
  "91410100MAXYD1012Y", // 郑州开元供应链管理有限责任公司, est. 2025-10: new firm, tax M (in 2026)
  "91410105MAXYD1004C", // 郑州锦程环保科技有限公司, 金水区: tax A, some power arrears
  "91410172MAXYD1005G", // 郑州永升餐饮管理有限公司, 高新区: tax B, rating B
];

/**
 * Firms whose data CHANGES from one fetch to the next, so that anyone can watch a credit alert
 * being raised (README, "The mock credit platform"). `step` is how many times this process has
 * served the firm's credit record (its registration, for the 吊销 one): mocks/credit-platform.ts
 * counts. Step 0 — what the seed stores — is clean in the respect that will change; every later
 * step changes it (again). A restart of the portal starts the count again.
 */
export type ChangeKind =
  "newPenalty" | "dishonesty" | "enforcement" | "taxDrop" | "arrears" | "abnormal" | "revocation";

export const CHANGING_USCCS: readonly { uscc: string; kind: ChangeKind; note: string }[] = [
  { uscc: "91410100MAXYD0071T", kind: "newPenalty", note: "one more unrepaired penalty at every fetch" },
  { uscc: "91410100MAXYD0072X", kind: "dishonesty", note: "put on the 失信被执行人名单 at the first fetch" },
  { uscc: "91410100MAXYD00731", kind: "enforcement", note: "one more enforcement case at every fetch" },
  { uscc: "91410100MAXYD00744", kind: "taxDrop", note: "tax grade A, then B, C, D at the next fetches" },
  {
    uscc: "91410100MAXYD00757",
    kind: "arrears",
    note: "no social-insurance arrears, then 3 months at the first fetch (4, 5… after)",
  },
  { uscc: "91410100MAXYD0076A", kind: "abnormal", note: "put on the 经营异常名录 at the first fetch" },
  { uscc: "91410100MAXYD0077D", kind: "revocation", note: "存续, then 吊销 at the next registration fetch" },
];

export function changeKindOf(uscc: string): ChangeKind | null {
  const code = normalizeUscc(uscc);
  return CHANGING_USCCS.find((c) => c.uscc === code)?.kind ?? null;
}

/** A recent date for events of the changing firms: fixed (so a listing keeps its key), never after `now`. */
const CHANGE_EVENT_DAY = "2026-11-27";
const MARKET_REGULATOR = "郑州市郑东新区市场监督管理局";

/**
 * The /credit answer of a Henan firm, or null when unknown. Deterministic for a given
 * (uscc, now, step); across different `now` only the updatedAt values and the tax year move;
 * `step` moves only the CHANGING_USCCS (above).
 * (The outage special still has data here: returning 500 is the handler's job.)
 */
export function creditRecord(uscc: string, now: Date = new Date(), step = 0): CreditJson | null {
  const record = generatedCreditRecord(uscc, now);
  const kind = changeKindOf(uscc);
  if (!record || !kind) return record;
  const s = record.sources;
  const today = fromDay(Math.floor(now.getTime() / DAY_MS) + (now.getUTCHours() >= 16 ? 1 : 0));
  const eventDay = today < CHANGE_EVENT_DAY ? today : CHANGE_EVENT_DAY;
  const changedAt = isoDateTime(now.getTime());
  // Step 0 is clean in the respect that changes (whatever the generator drew).
  switch (kind) {
    case "newPenalty": {
      const year = eventDay.slice(0, 4);
      const added = Array.from({ length: step }, (_, i) => ({
        decisionNo: `郑东市监罚〔${year}〕${901 + i}号`,
        authority: MARKET_REGULATOR,
        decidedOn: fromDay(toDay(eventDay) - (step - 1 - i)),
        reason: "未按规定公示年度报告，责令改正并处罚款",
        amount: 3000 * (i + 1),
        repaired: false,
      }));
      s.penalties = {
        items: [...s.penalties.items, ...added],
        updatedAt: step ? changedAt : s.penalties.updatedAt,
      };
      break;
    }
    case "dishonesty":
      s.dishonestyList = step
        ? {
            items: [
              {
                listName: DISHONESTY_LISTS[0].listName,
                authority: "郑州市中级人民法院",
                listedOn: eventDay,
                reason: "有履行能力而拒不履行生效法律文书确定的给付义务",
              },
            ],
            updatedAt: changedAt,
          }
        : { items: [], updatedAt: s.dishonestyList.updatedAt };
      s.judicial = { enforcementCases: step ? 1 : 0, updatedAt: step ? changedAt : s.judicial.updatedAt };
      break;
    case "enforcement":
      s.judicial = { enforcementCases: step, updatedAt: step ? changedAt : s.judicial.updatedAt };
      break;
    case "taxDrop":
      s.tax = {
        ...s.tax,
        grade: (["A", "B", "C", "D"] as const)[Math.min(step, 3)],
        updatedAt: step ? changedAt : s.tax.updatedAt,
      };
      break;
    case "arrears":
      s.socialInsurance = {
        ...s.socialInsurance,
        arrearsMonths: step ? 2 + step : 0,
        updatedAt: step ? changedAt : s.socialInsurance.updatedAt,
      };
      break;
    case "abnormal":
      s.abnormalOperations = step
        ? {
            items: [
              {
                listName: "经营异常名录",
                authority: MARKET_REGULATOR,
                listedOn: eventDay,
                reason: "通过登记的住所或者经营场所无法联系",
              },
            ],
            updatedAt: changedAt,
          }
        : s.abnormalOperations;
      break;
    case "revocation":
      break;
  }
  record.updatedAt = Object.values(s)
    .map((source) => source.updatedAt)
    .sort()
    .at(-1)!;
  return record;
}

export function specialKindOf(uscc: string): SpecialKind | null {
  const code = normalizeUscc(uscc);
  return SPECIAL_USCCS.find((s) => s.uscc === code)?.kind ?? null;
}

/** A valid code whose area code starts with 41 (河南): the mock knows it. */
export function isHenanUscc(uscc: string): boolean {
  const code = normalizeUscc(uscc);
  return isValidUscc(code) && usccAreaCode(code).startsWith("41");
}

/**
 * n distinct valid Zhengzhou (410100) codes, "91410100MA" + 7 characters + check, drawn from a
 * PRNG seeded by `seed`; never one of the special or demo-registration codes.
 */
export function exampleUsccs(n: number, seed: number | string = 1): string[] {
  const rng = new Rng(hashString(`examples:${seed}`));
  const reserved = new Set<string>([
    ...SPECIAL_USCCS.map((s) => s.uscc),
    ...CHANGING_USCCS.map((c) => c.uscc),
    ...DEMO_REGISTRATION_USCCS,
  ]);
  const out: string[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    let body = "91410100MA";
    for (let i = 0; i < 7; i++) body += USCC_ALPHABET[rng.int(0, USCC_ALPHABET.length - 1)];
    const code = body + usccCheckCharacter(body);
    if (seen.has(code) || reserved.has(code)) continue;
    seen.add(code);
    out.push(code);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Generators

/**
 * The registry record of a Henan firm, or null when the code is invalid or not Henan. `step`
 * moves only the 吊销 one of CHANGING_USCCS.
 */
export function registryRecord(uscc: string, step = 0): RegistrationJson | null {
  const firm = firmOf(uscc);
  if (!firm) return null;
  return {
    uscc: firm.uscc,
    name: firm.name,
    status: changeKindOf(firm.uscc) === "revocation" && step >= 1 ? "吊销" : firm.status,
    establishedOn: firm.establishedOn,
    registeredCapital: firm.registeredCapital,
    legalRepresentative: firm.legalRepresentative,
    address: firm.address,
  };
}

/** The generator behind creditRecord (without the changing firms' steps). */
function generatedCreditRecord(uscc: string, now: Date): CreditJson | null {
  const firm = firmOf(uscc);
  if (!firm) return null;
  const special = specialKindOf(firm.uscc);
  const nowDay = Math.floor(now.getTime() / DAY_MS);
  const eventsEnd = Math.min(nowDay, toDay(EVENTS_END));
  const eventsStart = Math.max(firm.establishedDay, toDay(EVENTS_START));
  const seedOf = (part: string) => hashString(`${firm.uscc}:${part}`);

  // Which lists the firm is on decides much of the rest.
  const flags = new Rng(seedOf("flags"));
  let dishonest = flags.chance(0.03);
  let red = !dishonest && flags.chance(0.08);
  if (special) {
    dishonest = special === "dishonest";
    red = special === "redList";
  }
  const taxYear = now.getUTCFullYear() - 1;
  const newFirm = firm.establishedDay >= toDay(`${taxYear}-01-01`);
  // A red-list firm has an A tax grade, which a firm too new to be graded cannot have.
  if (newFirm && special !== "redList") red = false;
  // The kind of dishonesty listing (index into DISHONESTY_LISTS).
  let dishonestyKind = flags.int(0, DISHONESTY_LISTS.length - 1);
  if (firm.uscc === ENFORCEMENT_DEBTOR) dishonestyKind = 0;
  if (firm.uscc === TAX_OFFENDER) dishonestyKind = 1;
  const canHaveEvents = eventsEnd >= eventsStart;

  // Dishonesty list
  const dishonestyItems: ListEntry[] = [];
  if (dishonest && canHaveEvents) {
    const r = new Rng(seedOf("dishonesty"));
    const list = DISHONESTY_LISTS[dishonestyKind];
    dishonestyItems.push({
      listName: list.listName,
      authority: list.authority(firm),
      listedOn: fromDay(r.int(eventsStart, eventsEnd)),
      reason: r.pick(list.reasons),
    });
  }
  const onEnforcementList = dishonestyItems.some((d) => d.listName === DISHONESTY_LISTS[0].listName);
  const onTaxList = dishonestyItems.some((d) => d.listName === DISHONESTY_LISTS[1].listName);

  // Tax
  const taxRng = new Rng(seedOf("tax"));
  let grade: TaxGrade = taxRng.weighted<TaxGrade>([
    ["A", 35],
    ["B", 42],
    ["M", 6],
    ["C", 12],
    ["D", 5],
  ]);
  if (newFirm) grade = "M";
  if (red) grade = "A";
  if (dishonest) grade = onTaxList ? "D" : taxRng.pick<TaxGrade>(["C", "D"]);
  if (special === "unpaidPenalties") grade = "C";
  if (firm.status === "吊销") grade = "D";

  // Social insurance, housing fund: staff roughly follows capital.
  const staffRng = new Rng(seedOf("staff"));
  const maxStaff = Math.min(300, 5 + Math.round(firm.registeredCapital / 8));
  const insuredEmployees = newFirm
    ? staffRng.int(1, 8)
    : Math.max(1, Math.round(Math.exp(staffRng.next() * Math.log(maxStaff))));
  let arrearsMonths = staffRng.chance(0.08) ? staffRng.int(1, 6) : 0;
  if (red) arrearsMonths = 0;
  const contributors = staffRng.chance(0.6)
    ? Math.max(1, Math.round(insuredEmployees * (0.3 + 0.7 * staffRng.next())))
    : 0;
  const perHead = grade === "M" ? staffRng.int(0, 3000) : staffRng.int(4000, 45000);
  const taxPaid = insuredEmployees * perHead;

  // Utilities
  const util = new Rng(seedOf("utilities"));
  // Draw unconditionally, then clear: a red-list firm (which can change with `now`) must not
  // shift the other draws.
  const arrears = (p: number, min: number, max: number) => {
    const amount = util.chance(p) ? util.int(min, max) : 0;
    return red ? 0 : amount;
  };
  const waterArrears = arrears(0.05, 100, 5000);
  const powerArrears = arrears(0.05, 500, 50000);
  const gasArrears = arrears(0.03, 200, 8000);

  // Licences (administrative permits of the industry)
  const licRng = new Rng(seedOf("licenses"));
  const licenses: LicenseItem[] = [];
  for (const lic of firm.industry.licenses) {
    if (!licRng.chance(0.8)) continue;
    const from = Math.max(firm.establishedDay, licRng.int(toDay("2021-01-01"), toDay(EVENTS_END)));
    if (from > nowDay) continue;
    const validFrom = fromDay(from);
    licenses.push({
      name: lic.name,
      licenseNo: `${lic.prefix}${usccAreaCode(firm.uscc)}${validFrom.slice(0, 4)}${String(licRng.int(0, 999999)).padStart(6, "0")}`,
      authority: lic.authority(firm),
      validFrom,
      validTo: `${Number(validFrom.slice(0, 4)) + 5}${validFrom.slice(4)}`,
    });
  }

  // Penalties
  const penRng = new Rng(seedOf("penalties"));
  const penalties: PenaltyItem[] = [];
  let penaltyCount = penRng.chance(0.18) ? penRng.int(1, 3) : 0;
  if (red) penaltyCount = 0;
  if (dishonest) penaltyCount = Math.max(1, penaltyCount);
  if (special === "unpaidPenalties" || special === "revoked") penaltyCount = 2;
  if (canHaveEvents) {
    const serials = new Map<string, number>();
    // A revoked firm's revocation is its last penalty.
    const revokedOn =
      firm.status === "吊销" ? penRng.int(Math.max(eventsStart, eventsEnd - 900), eventsEnd) : null;
    for (let i = 0; i < penaltyCount; i++) {
      const revocation = revokedOn !== null && i === 0;
      const kind = revocation ? PENALTY_KINDS[0] : penRng.pick(PENALTY_KINDS);
      const day = revocation ? revokedOn : penRng.int(eventsStart, revokedOn ?? eventsEnd);
      const year = fromDay(day).slice(0, 4);
      const serialKey = `${kind.abbr}${year}`;
      const serial = (serials.get(serialKey) ?? penRng.int(10, 900)) + penRng.int(1, 40);
      serials.set(serialKey, serial);
      let amount = penRng.int(kind.min / 100, kind.max / 100) * 100;
      let repaired = penRng.chance(0.6);
      let reason = penRng.pick(kind.reasons);
      if (dishonest && i === 0) repaired = false;
      if (special === "unpaidPenalties") {
        repaired = false;
        if (i === 0) amount = 80_000;
      }
      if (revocation) {
        reason = "开业后自行停业连续六个月以上，吊销营业执照";
        amount = 0;
        repaired = false;
      }
      penalties.push({
        decisionNo: `${firm.locality.abbr}${kind.abbr}罚〔${year}〕${serial}号`,
        authority: kind.authority(firm.locality.name),
        decidedOn: fromDay(day),
        reason,
        amount,
        repaired,
      });
    }
    penalties.sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
  }

  // Red lists
  const redRng = new Rng(seedOf("redList"));
  const redItems: ListEntry[] = [];
  if (red && canHaveEvents) {
    redItems.push({
      listName: "纳税信用A级纳税人名单",
      authority: "国家税务总局河南省税务局",
      listedOn: `${taxYear}-04-${String(redRng.int(10, 28)).padStart(2, "0")}`,
      reason: `${taxYear - 1}年度纳税信用评价为A级`,
    });
    const extra = special === "redList" ? RED_LISTS[0] : redRng.chance(0.5) ? redRng.pick(RED_LISTS) : null;
    if (extra) {
      redItems.push({
        listName: extra.listName,
        authority: extra.authority(firm),
        listedOn: fromDay(redRng.int(eventsStart, eventsEnd)),
        reason: extra.reason,
      });
    }
  }
  const redItemsInPast = redItems.filter((r) => toDay(r.listedOn) <= nowDay);

  // Judicial
  const judRng = new Rng(seedOf("judicial"));
  let enforcementCases = judRng.chance(0.06) && !red ? judRng.int(1, 2) : 0;
  if (onEnforcementList) enforcementCases = firm.uscc === ENFORCEMENT_DEBTOR ? 3 : judRng.int(2, 5);

  // Intellectual property
  const ipRng = new Rng(seedOf("ip"));
  const patents = firm.industry.tech
    ? Math.floor(Math.exp(ipRng.next() * Math.log(41))) - 1
    : ipRng.chance(0.2)
      ? ipRng.int(1, 3)
      : 0;
  const trademarks = ipRng.int(0, firm.industry.tech ? 12 : 6);

  // Public rating: an explainable score, then a grade.
  const ratingRng = new Rng(seedOf("publicRating"));
  let score = 80 + ratingRng.int(-5, 5);
  score += { A: 10, B: 4, M: 0, C: -15, D: -30 }[grade];
  score -= 10 * penalties.filter((p) => !p.repaired).length;
  score -= arrearsMonths > 0 ? 8 : 0;
  score -= waterArrears + powerArrears + gasArrears > 0 ? 5 : 0;
  score -= 10 * enforcementCases;
  score += redItemsInPast.length > 0 ? 10 : 0;
  let rating: PublicRatingGrade = score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : "D";
  if (dishonest || firm.status === "吊销") rating = "D";
  if (special === "redList") rating = "A";
  if (special === "unpaidPenalties") rating = "C";

  // Freshness of each source: hours before `now`.
  const lagRng = new Rng(seedOf("updatedAt"));
  const at = (minHours: number, maxHours: number) =>
    isoDateTime(now.getTime() - lagRng.int(minHours, maxHours) * HOUR_MS - lagRng.int(0, 59) * 60_000);
  const sources: CreditJson["sources"] = {
    tax: { grade, year: taxYear, taxPaid, updatedAt: at(24, 24 * 60) },
    socialInsurance: { insuredEmployees, arrearsMonths, updatedAt: at(24, 24 * 35) },
    housingFund: { contributors, updatedAt: at(24, 24 * 35) },
    utilities: { waterArrears, powerArrears, gasArrears, updatedAt: at(24, 24 * 30) },
    licenses: { items: licenses, updatedAt: at(24, 24 * 20) },
    penalties: { items: penalties, updatedAt: at(1, 72) },
    redList: { items: redItemsInPast, updatedAt: at(1, 72) },
    dishonestyList: { items: dishonestyItems, updatedAt: at(1, 48) },
    judicial: { enforcementCases, updatedAt: at(1, 72) },
    ip: { patents, trademarks, updatedAt: at(24, 24 * 90) },
    publicRating: { grade: rating, updatedAt: at(24, 24 * 30) },
    // No ordinary firm is listed (the changing ones are, see creditRecordAt); drawn from no PRNG
    // so that adding the source moved no other value.
    abnormalOperations: { items: [], updatedAt: isoDateTime(now.getTime() - 30 * HOUR_MS) },
  };
  const updatedAt = Object.values(sources)
    .map((s) => s.updatedAt)
    .sort()
    .at(-1)!;
  return { updatedAt, sources };
}

// ---------------------------------------------------------------------------------------
// The firm behind a code

interface Locality {
  /** Prefix of local authorities, e.g. 郑州市郑东新区 */
  name: string;
  /** Abbreviation in decision numbers, e.g. 郑东 */
  abbr: string;
  city: string;
}

interface Industry {
  word: string;
  tech: boolean;
  licenses: { name: string; prefix: string; authority: (f: Firm) => string }[];
}

interface Firm extends RegistrationJson {
  establishedDay: number;
  industry: Industry;
  locality: Locality;
}

function firmOf(uscc: string): Firm | null {
  const code = normalizeUscc(uscc);
  if (!isHenanUscc(code)) return null;
  const area = usccAreaCode(code);
  const r = new Rng(hashString(`${code}:registry`));

  const city = HENAN_CITIES[area.slice(0, 4)] ?? null;
  const isZhengzhou = area.startsWith("4101");
  const district = isZhengzhou ? (ZHENGZHOU_DISTRICTS[area] ?? "郑东新区") : null;
  const locality: Locality = city
    ? {
        name: `${city}${district ?? ""}`,
        abbr: district ? (DISTRICT_ABBREVIATIONS[district] ?? district.slice(0, 2)) : city[0],
        city,
      }
    : { name: "河南省", abbr: "豫", city: "河南省" };

  const industry = r.pick(INDUSTRIES);
  const namePrefix = r.chance(0.2) || !city ? "河南" : city.replace(/市$/, "");
  const suffix = r.weighted<string>([
    ["有限公司", 85],
    ["有限责任公司", 10],
    ["股份有限公司", 5],
  ]);
  const name = `${namePrefix}${r.pick(TRADE_NAMES)}${industry.word}${suffix}`;
  const legalRepresentative =
    r.pick(SURNAMES) + (r.chance(0.7) ? r.pick(GIVEN_1) + r.pick(GIVEN_2) : r.pick(GIVEN_2));

  const establishedDay = r.int(toDay("1995-01-01"), toDay("2025-12-31"));
  const rawCapital = Math.exp(Math.log(10) + r.next() * (Math.log(5000) - Math.log(10)));
  const registeredCapital = Math.min(5000, Math.max(10, niceCapital(rawCapital)));

  let address: string;
  if (district === "郑东新区") {
    address = `郑州市郑东新区${r.pick(ZHENGDONG_ROADS)}${r.int(1, 299)}号`;
    if (r.chance(0.6))
      address += `${r.pick(BUILDINGS)}${r.int(2, 32)}层${r.int(1, 30) + 100 * r.int(1, 9)}号`;
  } else if (city) {
    address = `${city}${district ?? ""}${r.pick(GENERIC_ROADS)}${r.int(1, 399)}号`;
    if (r.chance(0.4)) address += `${r.int(1, 20)}号楼${r.int(1, 28)}层`;
    if (!isZhengzhou) address = `河南省${address}`;
  } else {
    address = `河南省${r.pick(GENERIC_ROADS)}${r.int(1, 399)}号`;
  }

  let status: RegistryStatus = "存续";
  const special = specialKindOf(code);
  if (special === "deregistered") status = "注销";
  if (special === "revoked") status = "吊销";

  return {
    uscc: code,
    name,
    status,
    establishedOn: fromDay(establishedDay),
    registeredCapital,
    legalRepresentative,
    address,
    establishedDay,
    industry,
    locality,
  };
}

function niceCapital(v: number): number {
  if (v < 50) return Math.round(v / 5) * 5;
  if (v < 500) return Math.round(v / 10) * 10;
  if (v < 2000) return Math.round(v / 100) * 100;
  return Math.round(v / 500) * 500;
}

// ---------------------------------------------------------------------------------------
// Word lists

function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

const HENAN_CITIES: Record<string, string> = {
  "4101": "郑州市",
  "4102": "开封市",
  "4103": "洛阳市",
  "4104": "平顶山市",
  "4105": "安阳市",
  "4106": "鹤壁市",
  "4107": "新乡市",
  "4108": "焦作市",
  "4109": "濮阳市",
  "4110": "许昌市",
  "4111": "漯河市",
  "4112": "三门峡市",
  "4113": "南阳市",
  "4114": "商丘市",
  "4115": "信阳市",
  "4116": "周口市",
  "4117": "驻马店市",
  "4190": "济源市",
};

const ZHENGZHOU_DISTRICTS: Record<string, string> = {
  "410102": "中原区",
  "410103": "二七区",
  "410104": "管城回族区",
  "410105": "金水区",
  "410106": "上街区",
  "410108": "惠济区",
  "410122": "中牟县",
  "410171": "经济技术开发区",
  "410172": "高新技术产业开发区",
  "410173": "航空港经济综合实验区",
  "410181": "巩义市",
  "410182": "荥阳市",
  "410183": "新密市",
  "410184": "新郑市",
  "410185": "登封市",
};

/** Abbreviations used in decision numbers where the first two characters will not do. */
const DISTRICT_ABBREVIATIONS: Record<string, string> = {
  郑东新区: "郑东",
  管城回族区: "管城",
  经济技术开发区: "郑经开",
  高新技术产业开发区: "郑高新",
  航空港经济综合实验区: "郑港",
};

const ZHENGDONG_ROADS = words(`
  商务外环路 商务内环路 金水东路 农业东路 众意路 心怡路 商鼎路 如意东路 平安大道 东风南路
  姚砦路 黄河东路 龙子湖北路 博学路 明理路 七里河南路 郑开大道 商都路 金光路 祭城路 正光路
  康平路 熊儿河路 尚贤街 通泰路 民生路 龙湖中环路 白沙大道
`);

const GENERIC_ROADS = words(`
  建设路 中原路 文化路 花园路 经三路 纬五路 大学路 航海路 嵩山路 淮河路 南阳路 紫荆山路
  人民路 解放路 工业路 长江路 黄河路 迎宾大道
`);

const BUILDINGS = words(`
  创新大厦 金融广场 国际商务中心 智慧岛大厦 科技园 总部港 财富中心 置地广场 创业大厦 数字大厦
`);

const TRADE_NAMES = words(`
  中原 华信 宏达 鼎盛 博远 汇通 金穗 东旭 嘉禾 瑞丰 天润 豫泰 恒昌 锦程 万和 新峰 正弘
  同创 百川 德润 启航 众诚 华瑞 永升 中鼎 康达 盛世 立信 佳美 尚品 润泽 远洋 信达 恒通
  裕隆 明泰 开元 云帆 智远 东方 金诺 海纳 龙湖 绿源 天瑞 豫商 安泰 中科 宇航 双汇 星辰
  晨曦 巨能 昊天 宏图 利民 益康 华夏 凯瑞 诺信
`);

const SURNAMES = words(`
  王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩
  唐 冯 于 董 程 曹 袁 邓 许 傅 沈 曾 彭 吕 苏 卢 蒋 蔡 贾 丁 魏 薛 叶
`);

const GIVEN_1 = words(`
  建 志 国 文 海 晓 春 永 红 明 雪 丽 振 宏 俊 秀 玉 佳 子 新 德 立 思 雨
`);

const GIVEN_2 = words(`
  军 伟 强 磊 洋 勇 杰 涛 明 超 华 平 刚 芳 敏 静 丽 艳 娜 霞 鹏 飞 斌 宇 浩
  凯 琳 婷 峰 辉
`);

const city = (f: Firm) => f.locality.city;

const INDUSTRIES: Industry[] = [
  { word: "科技", tech: true, licenses: [] },
  {
    word: "信息技术",
    tech: true,
    licenses: [{ name: "增值电信业务经营许可证", prefix: "豫B2-", authority: () => "河南省通信管理局" }],
  },
  { word: "软件", tech: true, licenses: [] },
  {
    word: "商贸",
    tech: false,
    licenses: [{ name: "食品经营许可证", prefix: "JY", authority: (f) => `${city(f)}市场监督管理局` }],
  },
  {
    word: "食品",
    tech: false,
    licenses: [
      { name: "食品生产许可证", prefix: "SC", authority: () => "河南省市场监督管理局" },
      { name: "食品经营许可证", prefix: "JY", authority: (f) => `${city(f)}市场监督管理局` },
    ],
  },
  {
    word: "建筑工程",
    tech: false,
    licenses: [
      { name: "建筑业企业资质证书", prefix: "D", authority: (f) => `${city(f)}城乡建设局` },
      { name: "安全生产许可证", prefix: "(豫)JZ安许证字", authority: () => "河南省住房和城乡建设厅" },
    ],
  },
  {
    word: "装饰工程",
    tech: false,
    licenses: [{ name: "建筑业企业资质证书", prefix: "D", authority: (f) => `${city(f)}城乡建设局` }],
  },
  {
    word: "机械制造",
    tech: true,
    licenses: [{ name: "排污许可证", prefix: "PW", authority: (f) => `${city(f)}生态环境局` }],
  },
  {
    word: "新材料",
    tech: true,
    licenses: [{ name: "排污许可证", prefix: "PW", authority: (f) => `${city(f)}生态环境局` }],
  },
  {
    word: "物流",
    tech: false,
    licenses: [
      { name: "道路运输经营许可证", prefix: "豫交运管许可郑字", authority: (f) => `${city(f)}交通运输局` },
    ],
  },
  {
    word: "餐饮管理",
    tech: false,
    licenses: [{ name: "食品经营许可证", prefix: "JY", authority: (f) => `${city(f)}市场监督管理局` }],
  },
  {
    word: "医疗器械",
    tech: true,
    licenses: [
      {
        name: "医疗器械经营许可证",
        prefix: "豫食药监械经营许",
        authority: (f) => `${city(f)}市场监督管理局`,
      },
    ],
  },
  {
    word: "环保科技",
    tech: true,
    licenses: [{ name: "排污许可证", prefix: "PW", authority: (f) => `${city(f)}生态环境局` }],
  },
  {
    word: "文化传媒",
    tech: false,
    licenses: [
      { name: "广播电视节目制作经营许可证", prefix: "(豫)字第", authority: () => "河南省广播电视局" },
    ],
  },
  {
    word: "农业开发",
    tech: false,
    licenses: [
      { name: "农作物种子生产经营许可证", prefix: "D(豫)农种许字", authority: (f) => `${city(f)}农业农村局` },
    ],
  },
  { word: "建材", tech: false, licenses: [] },
  { word: "供应链管理", tech: false, licenses: [] },
  { word: "电子", tech: true, licenses: [] },
  { word: "智能装备", tech: true, licenses: [] },
  {
    word: "人力资源服务",
    tech: false,
    licenses: [
      { name: "人力资源服务许可证", prefix: "HR", authority: (f) => `${city(f)}人力资源和社会保障局` },
    ],
  },
];

const PENALTY_KINDS: {
  abbr: string;
  authority: (locality: string) => string;
  min: number;
  max: number;
  reasons: string[];
}[] = [
  {
    abbr: "市监",
    authority: (l) => `${l}市场监督管理局`,
    min: 500,
    max: 50_000,
    reasons: ["未按规定公示年度报告", "发布虚假广告", "未按规定明码标价", "销售不符合食品安全标准的食品"],
  },
  {
    abbr: "税",
    authority: (l) => `国家税务总局${l}税务局`,
    min: 200,
    max: 20_000,
    reasons: ["未按期办理纳税申报", "未按规定开具发票", "未按规定保管账簿"],
  },
  {
    abbr: "环",
    authority: (l) => `${l}生态环境局`,
    min: 10_000,
    max: 200_000,
    reasons: ["建设项目未批先建", "大气污染物超标排放", "未按规定设置危险废物识别标志"],
  },
  {
    abbr: "应急",
    authority: (l) => `${l}应急管理局`,
    min: 1_000,
    max: 50_000,
    reasons: ["未按规定开展安全生产教育和培训", "未建立事故隐患排查治理制度"],
  },
  {
    abbr: "城管",
    authority: (l) => `${l}城市管理局`,
    min: 200,
    max: 10_000,
    reasons: ["未经许可设置户外广告", "建筑垃圾未按规定处置"],
  },
];

const RED_LISTS: { listName: string; authority: (f: Firm) => string; reason: string }[] = [
  {
    listName: "守合同重信用企业",
    authority: () => "河南省市场监督管理局",
    reason: "连续两年公示为守合同重信用企业",
  },
  { listName: "海关高级认证企业", authority: () => "郑州海关", reason: "通过海关高级认证（AEO）" },
  {
    listName: "劳动保障守法诚信示范单位",
    authority: (f) => `${city(f)}人力资源和社会保障局`,
    reason: "劳动保障守法诚信等级评价为A级",
  },
];

// Index 0 and 1 are referred to by position above.
const DISHONESTY_LISTS: { listName: string; authority: (f: Firm) => string; reasons: string[] }[] = [
  {
    listName: "失信被执行人名单",
    authority: (f) => `${city(f)}中级人民法院`,
    reasons: ["有履行能力而拒不履行生效法律文书确定的义务", "以虚假诉讼、虚假仲裁等方法规避执行"],
  },
  {
    listName: "重大税收违法失信主体名单",
    authority: (f) => `国家税务总局${city(f)}税务局`,
    reasons: ["虚开增值税专用发票", "逃避缴纳税款数额较大"],
  },
  {
    listName: "拖欠农民工工资失信联合惩戒对象名单",
    authority: (f) => `${city(f)}人力资源和社会保障局`,
    reasons: ["拖欠农民工工资数额较大，经责令限期支付逾期未支付"],
  },
  {
    listName: "严重违法失信主体名单",
    authority: () => "河南省市场监督管理局",
    reasons: ["被列入经营异常名录届满3年仍未履行相关义务", "提交虚假材料取得公司登记"],
  },
];

// ---------------------------------------------------------------------------------------
// PRNG and dates

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const EVENTS_START = "2018-01-01";
const EVENTS_END = "2026-06-30";

function toDay(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** FNV-1a, 32 bits. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for fake data. */
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
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(entries: readonly [T, number][]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [value, w] of entries) {
      if ((x -= w) < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
}
