/**
 * 贷后预警: what changed for the worse between two credit profiles of a firm (SPEC "Early warning
 * and renewals"). Pure: the model reads the cached profile and the platform's answer, this module
 * says which changes they differ by; the model raises one CreditAlert per change and bank.
 *
 * Every change carries a `key` made only of the platform's data (a penalty's decision number, a
 * listing's list and date, the new grade…), so the same change seen twice — a run cut off and
 * resumed, the firm's own refresh racing the nightly one — has the same key, and the alert table's
 * unique (firm, key, bank) keeps it to one alert.
 */
import { TAX_GRADES } from "./credit-grades";

export const CREDIT_CHANGE_KINDS = [
  "PENALTY",
  "DISHONESTY",
  "ENFORCEMENT",
  "TAX_DOWNGRADE",
  "SOCIAL_INSURANCE_ARREARS",
  "ABNORMAL_OPERATIONS",
  "REGISTRY_STATUS",
] as const;
export type CreditChangeKind = (typeof CREDIT_CHANGE_KINDS)[number];

/** Social-insurance arrears from this many months on are a warning sign (SPEC). */
export const ARREARS_ALERT_MONTHS = 3;

type Entry = { listName: string; authority: string; listedOn: string; reason: string };
type Penalty = { decisionNo: string; authority: string; decidedOn: string; reason: string; amount: number };

/**
 * The parts of a profile that can raise an alert. A part is null when unknown (the source was
 * never fetched, or the platform does not send it); unknown reads as "nothing" — no listing, no
 * case, no arrears — except the tax grade, which is compared only when both are known, and the
 * registry status, unknown meaning 存续 (only active firms can register).
 */
export type CreditSnapshot = {
  penalties: Penalty[] | null;
  dishonestyList: Entry[] | null;
  enforcementCases: number | null;
  tax: { grade: string; year: number } | null;
  socialInsurance: { arrearsMonths: number; updatedAt: string } | null;
  abnormalOperations: Entry[] | null;
  registryStatus: string | null;
};

export type ChangeDetail = Record<string, string | number>;

export type CreditChange = {
  kind: CreditChangeKind;
  /** the change's identity in the platform's data; unique per firm */
  key: string;
  /** what a bank is told (and the firm shown) */
  detail: ChangeDetail;
  /** BASIC: a bank that may see the firm's basic information is told; FULL: only one that may see its credit details */
  scope: "BASIC" | "FULL";
  /** the CreditProfile source and record the firm can object to (objectableRecords); null: not objectable */
  source: string;
  recordKey: string | null;
};

const ACTIVE_STATUS = "存续";

export function dishonestyRecordKey(entry: Pick<Entry, "listName" | "listedOn">) {
  return `${entry.listName}:${entry.listedOn}`;
}

export function abnormalRecordKey(entry: Pick<Entry, "authority" | "listedOn">) {
  return `${entry.listedOn}:${entry.authority}`;
}

function taxRank(grade: string) {
  const rank = (TAX_GRADES as readonly string[]).indexOf(grade);
  return rank < 0 ? null : rank;
}

/**
 * The changes for the worse from `before` to `after`, in a fixed order (kinds as listed, items in
 * the platform's order). `before` null means there was no profile yet (the first fetch, at
 * registration): nothing is new to anyone then.
 */
export function diffCreditProfiles(before: CreditSnapshot | null, after: CreditSnapshot): CreditChange[] {
  if (!before) return [];
  const changes: CreditChange[] = [];

  const knownPenalties = new Set((before.penalties ?? []).map((p) => p.decisionNo));
  for (const p of after.penalties ?? []) {
    if (knownPenalties.has(p.decisionNo)) continue;
    knownPenalties.add(p.decisionNo);
    changes.push({
      kind: "PENALTY",
      key: `penalty:${p.decisionNo}`,
      detail: {
        decisionNo: p.decisionNo,
        authority: p.authority,
        decidedOn: p.decidedOn,
        reason: p.reason,
        amount: p.amount,
      },
      scope: "FULL",
      source: "penalties",
      recordKey: p.decisionNo,
    });
  }

  const knownListings = new Set((before.dishonestyList ?? []).map(dishonestyRecordKey));
  for (const e of after.dishonestyList ?? []) {
    const recordKey = dishonestyRecordKey(e);
    if (knownListings.has(recordKey)) continue;
    knownListings.add(recordKey);
    changes.push({
      kind: "DISHONESTY",
      key: `dishonesty:${recordKey}`,
      detail: { listName: e.listName, authority: e.authority, listedOn: e.listedOn, reason: e.reason },
      scope: "FULL",
      source: "dishonestyList",
      recordKey,
    });
  }

  const casesBefore = before.enforcementCases ?? 0;
  const casesAfter = after.enforcementCases ?? 0;
  if (casesAfter > casesBefore) {
    changes.push({
      kind: "ENFORCEMENT",
      // the n-th case: a firm whose count goes up again raises a new alert
      key: `enforcement:${casesAfter}`,
      detail: { from: casesBefore, to: casesAfter },
      scope: "FULL",
      source: "judicial",
      recordKey: "judicial",
    });
  }

  if (before.tax && after.tax) {
    const from = taxRank(before.tax.grade);
    const to = taxRank(after.tax.grade);
    if (from !== null && to !== null && to > from) {
      changes.push({
        kind: "TAX_DOWNGRADE",
        key: `tax:${after.tax.year}:${after.tax.grade}`,
        detail: { from: before.tax.grade, to: after.tax.grade, year: after.tax.year },
        scope: "FULL",
        source: "tax",
        recordKey: `tax:${after.tax.year}`,
      });
    }
  }

  const arrearsBefore = before.socialInsurance?.arrearsMonths ?? 0;
  const arrearsAfter = after.socialInsurance?.arrearsMonths ?? 0;
  if (arrearsAfter >= ARREARS_ALERT_MONTHS && arrearsBefore < ARREARS_ALERT_MONTHS) {
    changes.push({
      kind: "SOCIAL_INSURANCE_ARREARS",
      // once per month of the platform's data: arrears that are paid and fall due again later alert again
      key: `arrears:${after.socialInsurance!.updatedAt.slice(0, 7)}`,
      detail: { months: arrearsAfter },
      scope: "FULL",
      source: "socialInsurance",
      recordKey: "socialInsurance",
    });
  }

  const knownAbnormal = new Set((before.abnormalOperations ?? []).map(abnormalRecordKey));
  for (const e of after.abnormalOperations ?? []) {
    const recordKey = abnormalRecordKey(e);
    if (knownAbnormal.has(recordKey)) continue;
    knownAbnormal.add(recordKey);
    changes.push({
      kind: "ABNORMAL_OPERATIONS",
      key: `abnormal:${recordKey}`,
      detail: { authority: e.authority, listedOn: e.listedOn, reason: e.reason },
      scope: "FULL",
      source: "abnormalOperations",
      recordKey,
    });
  }

  const statusBefore = before.registryStatus ?? ACTIVE_STATUS;
  const statusAfter = after.registryStatus ?? statusBefore;
  if (statusAfter !== statusBefore && statusAfter !== ACTIVE_STATUS) {
    changes.push({
      kind: "REGISTRY_STATUS",
      key: `status:${statusAfter}`,
      detail: { from: statusBefore, to: statusAfter },
      // the registry status is basic information: every bank that may see the firm is told
      scope: "BASIC",
      source: "registry",
      recordKey: null,
    });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------
// Reading snapshots from stored or fetched source data (shapes as the platform sends them;
// anything unreadable is unknown, never an error: a bad cached row must not stop a refresh)

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function items(value: unknown): Record<string, unknown>[] | null {
  const list = record(value)?.items;
  return Array.isArray(list) ? list.flatMap((item) => (record(item) ? [record(item)!] : [])) : null;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

function entries(value: unknown): Entry[] | null {
  return (
    items(value)?.map((e) => ({
      listName: str(e.listName),
      authority: str(e.authority),
      listedOn: str(e.listedOn),
      reason: str(e.reason),
    })) ?? null
  );
}

/**
 * A snapshot from source data keyed by source name (the CreditProfile rows, or a platform answer's
 * `sources`) and the registry status.
 */
export function creditSnapshotOf(
  sources: Record<string, unknown>,
  registryStatus: string | null,
): CreditSnapshot {
  const tax = record(sources.tax);
  const social = record(sources.socialInsurance);
  const judicial = record(sources.judicial);
  const taxGrade = str(tax?.grade);
  const taxYear = num(tax?.year);
  const arrears = num(social?.arrearsMonths);
  return {
    penalties:
      items(sources.penalties)?.map((p) => ({
        decisionNo: str(p.decisionNo),
        authority: str(p.authority),
        decidedOn: str(p.decidedOn),
        reason: str(p.reason),
        amount: num(p.amount) ?? 0,
      })) ?? null,
    dishonestyList: entries(sources.dishonestyList),
    enforcementCases: num(judicial?.enforcementCases),
    tax: taxGrade && taxYear !== null ? { grade: taxGrade, year: taxYear } : null,
    socialInsurance: arrears !== null ? { arrearsMonths: arrears, updatedAt: str(social?.updatedAt) } : null,
    abnormalOperations: entries(sources.abnormalOperations),
    registryStatus,
  };
}
