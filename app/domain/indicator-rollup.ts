/**
 * Indicator rollups (issue 15, docs/decisions/020-indicator-rollups.md): what one firm's
 * applications contribute to the rollup slots the dashboard sums, as a pure function of the
 * firm and its applications. The write path takes the firm's contribution before and after an
 * event and applies the difference; the rebuild and the verify commands sum it over every firm.
 * One function for all three keeps them equal by construction, and the property tests compare
 * the report read from the rollups with the report computed from the base tables in SQL.
 *
 * The definitions are those of app/models/indicator-facts.server.ts (the base-table SQL):
 * - RESPONSE, by Shanghai submission day: every application; outcome ANSWERED with lagDays =
 *   calendar days to the first response ('' and 0: none yet), pending = still SUBMITTED,
 *   fromOffer = born from an offer.
 * - DECISION, by decision day: approved (approvedAmountYuan set) or REJECTED, with the outcome.
 * - LOAN, by disbursement day: DISBURSED applications; lagDays = calendar days from the
 *   submission day (a histogram bucket: the submission day is day − lagDays), sums of amount,
 *   amount × rate, credit and inclusive amounts, and 首贷 (the firm declared no earlier loan and
 *   no other disbursed application of it came before: same instant, the smaller id first).
 * The borrower key of a response or decision is FIRST when the firm had declared no loan and
 * none of its applications was disbursed before the submission; that of a loan is the stored
 * Application.firstLoan flag. A back-dated disbursement therefore changes the contributions of
 * the firm's other applications too — the reason the unit of recomputation is the firm.
 *
 * Cubes: the same facts kept at several levels of detail. Cube 0 keeps every dimension; the
 * others keep one (or none), so the common unfiltered views sum a few rows per day.
 */
import { daysBetween, shanghaiDate } from "./shanghai-time";

export const ROLLUP_DIMENSIONS = [
  "subDistrictId",
  "bankId",
  "sectionCode",
  "size",
  "whitelisted",
  "productType",
  "borrower",
] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** The cubes by number: the dimensions each keeps. The reader takes the smallest that covers the query. */
export const ROLLUP_CUBES: readonly (readonly RollupDimension[])[] = [
  ROLLUP_DIMENSIONS,
  [],
  ["subDistrictId"],
  ["bankId"],
  ["sectionCode"],
  ["size"],
  ["productType"],
  ["borrower"],
];

/** The smallest cube keeping every dimension in `needed` (cube 0 keeps all). */
export function cubeFor(needed: readonly RollupDimension[]): number {
  let best = 0;
  for (let cube = 1; cube < ROLLUP_CUBES.length; cube++) {
    const dims = ROLLUP_CUBES[cube];
    if (needed.every((dim) => dims.includes(dim)) && dims.length < ROLLUP_CUBES[best].length) best = cube;
  }
  return best;
}

export type RollupKind = "RESPONSE" | "DECISION" | "LOAN";

export interface RollupFirm {
  hadBankLoan: boolean;
  subDistrictId: string;
  sectionCode: string;
  size: string;
}

export interface RollupApplication {
  id: string;
  bankId: string;
  productType: string;
  guaranteeType: string;
  whitelisted: boolean;
  state: string;
  offerId: string | null;
  submittedAt: Date;
  firstResponseAt: Date | null;
  decidedAt: Date | null;
  approvedAmountYuan: number | null;
  rejectReason: string | null;
  disbursedAt: Date | null;
  disbursedAmountYuan: number | null;
  disbursedRateBp: number | null;
  firstLoan: boolean;
}

export interface RollupRow extends Record<RollupDimension, string> {
  slot: string;
  kind: RollupKind;
  cube: number;
  day: string;
  lagDays: number;
  pending: boolean;
  fromOffer: boolean;
  outcome: string;
  n: number;
  amountYuan: number;
  amountRate: number;
  creditYuan: number;
  inclusiveYuan: number;
  firstLoans: number;
}

const VALUES = ["n", "amountYuan", "amountRate", "creditYuan", "inclusiveYuan", "firstLoans"] as const;

type Fact = Omit<RollupRow, "slot" | "cube" | RollupDimension> & { dims: Record<RollupDimension, string> };

export function slotOf(row: Omit<RollupRow, "slot" | (typeof VALUES)[number]>): string {
  return `${row.kind}|${row.cube}|${row.day}|${row.subDistrictId}|${row.bankId}|${row.sectionCode}|${row.size}|${row.whitelisted}|${row.productType}|${row.borrower}|${row.lagDays}|${row.pending ? 1 : 0}|${row.fromOffer ? 1 : 0}|${row.outcome}`;
}

/**
 * The bounds of the slots of one kind and cube from `fromDay` to `toDay` (inclusive) in the byte
 * order of their keys: `lower <= slot < upper`. The key begins kind|cube|day|, and "}" sorts after
 * "|", so every slot of `toDay` is below `upper`. (On SQLite the table is clustered on the key:
 * the period is one contiguous range.)
 */
export function slotRange(kind: RollupKind, cube: number, fromDay: string, toDay: string) {
  return { lower: `${kind}|${cube}|${fromDay}`, upper: `${kind}|${cube}|${toDay}}` };
}

/** Adds `row` (its values times `sign`) into `into`, keyed by slot. */
export function addRow(into: Map<string, RollupRow>, row: RollupRow, sign = 1) {
  const found = into.get(row.slot);
  if (!found) {
    const copy = { ...row };
    for (const value of VALUES) copy[value] = row[value] * sign;
    into.set(row.slot, copy);
    return;
  }
  for (const value of VALUES) found[value] += row[value] * sign;
}

/** For each cube, whether it keeps each dimension (in ROLLUP_DIMENSIONS order). */
const KEEPS = ROLLUP_CUBES.map((dims) => ROLLUP_DIMENSIONS.map((dim) => dims.includes(dim)));

/**
 * Adds a fact into every cube's slot. The hot loop of the write path, the rebuild and the verify
 * (a firm's contribution is computed twice a transition, every firm's by a rebuild): one object
 * of one shape per cube and no intermediate copies.
 */
function project(fact: Fact, into: Map<string, RollupRow>) {
  const d = fact.dims;
  for (let cube = 0; cube < KEEPS.length; cube++) {
    const keep = KEEPS[cube];
    const row: RollupRow = {
      slot: "",
      kind: fact.kind,
      cube,
      day: fact.day,
      subDistrictId: keep[0] ? d.subDistrictId : "",
      bankId: keep[1] ? d.bankId : "",
      sectionCode: keep[2] ? d.sectionCode : "",
      size: keep[3] ? d.size : "",
      whitelisted: keep[4] ? d.whitelisted : "",
      productType: keep[5] ? d.productType : "",
      borrower: keep[6] ? d.borrower : "",
      lagDays: fact.lagDays,
      pending: fact.pending,
      fromOffer: fact.fromOffer,
      outcome: fact.outcome,
      n: fact.n,
      amountYuan: fact.amountYuan,
      amountRate: fact.amountRate,
      creditYuan: fact.creditYuan,
      inclusiveYuan: fact.inclusiveYuan,
      firstLoans: fact.firstLoans,
    };
    row.slot = slotOf(row);
    const found = into.get(row.slot);
    if (!found) into.set(row.slot, row);
    else for (const value of VALUES) found[value] += row[value];
  }
}

const ZERO = { amountYuan: 0, amountRate: 0, creditYuan: 0, inclusiveYuan: 0, firstLoans: 0 };

/** Every slot a firm's applications contribute to, in every cube. */
export function firmContributions(
  firm: RollupFirm,
  applications: readonly RollupApplication[],
  into: Map<string, RollupRow> = new Map(),
): Map<string, RollupRow> {
  const disbursed = applications.filter((a) => a.state === "DISBURSED" && a.disbursedAt !== null);
  for (const a of applications) {
    const submitDay = shanghaiDate(a.submittedAt);
    const firstAtSubmission =
      !firm.hadBankLoan && !disbursed.some((b) => b.disbursedAt!.getTime() < a.submittedAt.getTime());
    const dims = (borrower: boolean): Record<RollupDimension, string> => ({
      subDistrictId: firm.subDistrictId,
      bankId: a.bankId,
      sectionCode: firm.sectionCode,
      size: firm.size,
      whitelisted: a.whitelisted ? "Y" : "N",
      productType: a.productType,
      borrower: borrower ? "FIRST" : "REPEAT",
    });
    project(
      {
        kind: "RESPONSE",
        day: submitDay,
        dims: dims(firstAtSubmission),
        lagDays: a.firstResponseAt ? daysBetween(submitDay, shanghaiDate(a.firstResponseAt)) : 0,
        pending: a.state === "SUBMITTED",
        fromOffer: a.offerId !== null,
        outcome: a.firstResponseAt ? "ANSWERED" : "",
        n: 1,
        ...ZERO,
      },
      into,
    );
    if (a.decidedAt && (a.approvedAmountYuan !== null || a.state === "REJECTED")) {
      project(
        {
          kind: "DECISION",
          day: shanghaiDate(a.decidedAt),
          dims: dims(firstAtSubmission),
          lagDays: 0,
          pending: false,
          fromOffer: false,
          outcome: a.approvedAmountYuan !== null ? "APPROVED" : (a.rejectReason ?? "OTHER"),
          n: 1,
          ...ZERO,
        },
        into,
      );
    }
    if (a.state === "DISBURSED" && a.disbursedAt) {
      const at = a.disbursedAt.getTime();
      const disburseDay = shanghaiDate(a.disbursedAt);
      const amount = a.disbursedAmountYuan ?? 0;
      const first =
        !firm.hadBankLoan &&
        !disbursed.some((b) => {
          const bt = b.disbursedAt!.getTime();
          return bt < at || (bt === at && b.id < a.id);
        });
      project(
        {
          kind: "LOAN",
          day: disburseDay,
          dims: dims(a.firstLoan),
          lagDays: daysBetween(submitDay, disburseDay),
          pending: false,
          fromOffer: false,
          outcome: "",
          n: 1,
          amountYuan: amount,
          amountRate: a.disbursedRateBp === null ? 0 : amount * a.disbursedRateBp,
          creditYuan: a.guaranteeType === "CREDIT" ? amount : 0,
          inclusiveYuan: firm.size === "MICRO" || firm.size === "SMALL" ? amount : 0,
          firstLoans: first ? 1 : 0,
        },
        into,
      );
    }
  }
  return into;
}

/** The Application columns a contribution reads (RollupApplication's, and the product and firm ids). */
export const READ_COLUMNS: ReadonlySet<string> = new Set<string>([
  "id",
  "bankId",
  "whitelisted",
  "state",
  "offerId",
  "submittedAt",
  "firstResponseAt",
  "decidedAt",
  "approvedAmountYuan",
  "rejectReason",
  "disbursedAt",
  "disbursedAmountYuan",
  "disbursedRateBp",
  "firstLoan",
  "productId",
  "enterpriseId",
]);

/**
 * The firm's applications after `updates` (id → the data of a Prisma update), from those before:
 * the columns the contribution reads take their new plain values; the others do not matter.
 * null when the updates cannot be applied here (an application not among them, a changed product
 * or firm, a value that is an operation rather than a value): the caller cannot follow them.
 */
export function applyUpdates(
  before: readonly RollupApplication[],
  updates: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): RollupApplication[] | null {
  const after = before.map((application) => ({ ...application }));
  for (const [id, fields] of updates) {
    const application = after.find((a) => a.id === id);
    if (!application) return null;
    for (const [column, value] of Object.entries(fields)) {
      if (value === undefined || !READ_COLUMNS.has(column)) continue;
      if (column === "id" || column === "productId" || column === "enterpriseId") return null;
      const plain =
        value === null || value instanceof Date || ["string", "number", "boolean"].includes(typeof value);
      if (!plain) return null;
      (application as unknown as Record<string, unknown>)[column] = value;
    }
  }
  return after;
}

const isZero = (row: RollupRow) => VALUES.every((value) => row[value] === 0);

/** after − before, slot by slot, without the slots that did not change. */
export function diffContributions(
  before: Map<string, RollupRow>,
  after: Map<string, RollupRow>,
): RollupRow[] {
  const delta = new Map<string, RollupRow>();
  for (const row of after.values()) addRow(delta, row);
  for (const row of before.values()) addRow(delta, row, -1);
  return [...delta.values()].filter((row) => !isZero(row));
}

/** Slot-by-slot differences between two sets of rows (zero rows count as absent). */
export function compareRollups(
  expected: Map<string, RollupRow>,
  actual: Map<string, RollupRow>,
): { slot: string; expected: RollupRow | null; actual: RollupRow | null }[] {
  const problems: { slot: string; expected: RollupRow | null; actual: RollupRow | null }[] = [];
  const live = (row: RollupRow | undefined) => (row && !isZero(row) ? row : null);
  const slots = new Set([...expected.keys(), ...actual.keys()]);
  for (const slot of slots) {
    const e = live(expected.get(slot));
    const a = live(actual.get(slot));
    if (!e && !a) continue;
    if (!e || !a || VALUES.some((value) => e[value] !== a[value]))
      problems.push({ slot, expected: e, actual: a });
  }
  return problems;
}
