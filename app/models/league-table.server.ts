import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import {
  decisionDeadline,
  firstResponseDeadline,
  slaStatus,
  type ApplicationState,
} from "~/domain/application-machine";

import type { GovActor } from "./actor";
import type { LeagueColumn } from "./gov-codes";
import type { Sort } from "./gov-query";
import { getCalendar, getSettings, slaSettingsOf } from "./settings.server";

export type LeagueRow = {
  bankId: string;
  name: string;
  nameEn: string;
  received: number;
  /** median working days from submission to first response; null when none answered */
  medianResponseDays: number | null;
  overdue: number;
  /** approved ÷ (approved + rejected) in ‰ (integer), null when nothing was decided */
  approvalRate: number | null;
  /** disbursed with a CREDIT product ÷ all disbursed, in ‰, null when nothing was disbursed */
  creditShare: number | null;
  disbursedYuan: number;
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const permille = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) : null);

/**
 * The bank league table for [from, to): applications received, median first response in
 * working days, applications whose SLA was (or is) missed, approval rate of decisions made in
 * the period, credit-loan share and amount of loans disbursed in the period. The bureau sees the
 * district; an office sees the applications of its own sub-district's firms only.
 */
export async function getLeagueTable(
  actor: GovActor,
  { from, to, sort }: { from: Date; to: Date; sort: Sort<LeagueColumn> },
  now = new Date(),
): Promise<LeagueRow[]> {
  const scope: Prisma.ApplicationWhereInput =
    actor.role === "GOV_OFFICE" ? { enterprise: { subDistrictId: actor.subDistrictId } } : {};
  const [banks, received, decided, disbursed, calendar, settings] = await Promise.all([
    db.bank.findMany({
      select: { id: true, name: true, nameEn: true, active: true },
      orderBy: [{ code: "asc" }],
    }),
    db.application.findMany({
      where: { ...scope, submittedAt: { gte: from, lt: to } },
      select: {
        bankId: true,
        state: true,
        submittedAt: true,
        firstResponseAt: true,
        acceptedAt: true,
        decidedAt: true,
        whitelisted: true,
      },
    }),
    db.application.findMany({
      where: { ...scope, decidedAt: { gte: from, lt: to } },
      select: { bankId: true, approvedAmountYuan: true, rejectReason: true },
    }),
    db.application.findMany({
      where: { ...scope, state: "DISBURSED", disbursedAt: { gte: from, lt: to } },
      select: { bankId: true, disbursedAmountYuan: true, product: { select: { guaranteeType: true } } },
    }),
    getCalendar(),
    getSettings(),
  ]);
  const sla = slaSettingsOf(settings);
  const rows = new Map<
    string,
    LeagueRow & { responses: number[]; approved: number; rejected: number; creditYuan: number }
  >();
  for (const bank of banks) {
    rows.set(bank.id, {
      bankId: bank.id,
      name: bank.name,
      nameEn: bank.nameEn,
      received: 0,
      medianResponseDays: null,
      overdue: 0,
      approvalRate: null,
      creditShare: null,
      disbursedYuan: 0,
      responses: [],
      approved: 0,
      rejected: 0,
      creditYuan: 0,
    });
  }
  for (const a of received) {
    const row = rows.get(a.bankId);
    if (!row) continue;
    row.received++;
    if (a.firstResponseAt) row.responses.push(calendar.workingDaysBetween(a.submittedAt, a.firstResponseAt));
    const firstLate = a.firstResponseAt
      ? a.firstResponseAt > firstResponseDeadline(a.submittedAt, calendar, sla)
      : false;
    const decisionLate =
      a.acceptedAt && a.decidedAt ? a.decidedAt > decisionDeadline(a, calendar, sla).deadline : false;
    const runningLate =
      slaStatus({ ...a, state: a.state as ApplicationState }, now, calendar, sla)?.overdue ?? false;
    if (firstLate || decisionLate || runningLate) row.overdue++;
  }
  for (const a of decided) {
    const row = rows.get(a.bankId);
    if (!row) continue;
    if (a.approvedAmountYuan !== null) row.approved++;
    else if (a.rejectReason !== null) row.rejected++;
  }
  for (const a of disbursed) {
    const row = rows.get(a.bankId);
    if (!row) continue;
    const amount = a.disbursedAmountYuan ?? 0;
    row.disbursedYuan += amount;
    if (a.product.guaranteeType === "CREDIT") row.creditYuan += amount;
  }
  const table: LeagueRow[] = [...rows.values()]
    .filter(
      (row) => row.received > 0 || row.disbursedYuan > 0 || banks.find((b) => b.id === row.bankId)?.active,
    )
    .map(({ responses, approved, rejected, creditYuan, ...row }) => ({
      ...row,
      medianResponseDays: median(responses),
      approvalRate: permille(approved, approved + rejected),
      creditShare: permille(creditYuan, row.disbursedYuan),
    }));
  const direction = sort.dir === "asc" ? 1 : -1;
  return table.sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    // Banks without a figure go last whatever the direction.
    if (x === null && y === null) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * direction || a.name.localeCompare(b.name);
  });
}
