/**
 * The invitation funnel as an indicator: invited → registered → authorised → applied →
 * disbursed, with the median days between steps, per inviting office and for the actor's whole
 * scope (the district for the bureau, its own sub-district for an office). Invitations count in
 * the period they were made; the later steps count whenever they happened.
 */
import { db } from "~/db.server";
import {
  FUNNEL_STEPS,
  conversionPermille,
  funnelOf,
  type FunnelFacts,
  type FunnelFigures,
} from "~/domain/funnel";
import { addDays, startOfShanghaiDay } from "~/domain/shanghai-time";

import type { GovActor } from "./actor";

/** Enterprise ids per query: far below SQLite's bound-parameter limit. */
const CHUNK = 500;

export type FunnelRow = { key: string; name: string; nameEn: string; figures: FunnelFigures };
export type FunnelReport = { fromDay: string; toDay: string; total: FunnelFigures; rows: FunnelRow[] };

async function firstTimes(enterpriseIds: string[]) {
  const authorised = new Map<string, Date>();
  const applied = new Map<string, Date>();
  const disbursed = new Map<string, Date>();
  for (let i = 0; i < enterpriseIds.length; i += CHUNK) {
    const ids = enterpriseIds.slice(i, i + CHUNK);
    const [grants, applications] = await Promise.all([
      db.authorization.groupBy({
        by: ["enterpriseId"],
        where: { enterpriseId: { in: ids } },
        _min: { grantedAt: true },
      }),
      db.application.groupBy({
        by: ["enterpriseId"],
        where: { enterpriseId: { in: ids } },
        _min: { submittedAt: true, disbursedAt: true },
      }),
    ]);
    for (const row of grants) if (row._min.grantedAt) authorised.set(row.enterpriseId, row._min.grantedAt);
    for (const row of applications) {
      if (row._min.submittedAt) applied.set(row.enterpriseId, row._min.submittedAt);
      if (row._min.disbursedAt) disbursed.set(row.enterpriseId, row._min.disbursedAt);
    }
  }
  return { authorised, applied, disbursed };
}

/** The funnel of the invitations made from `fromDay` to `toDay` (Shanghai days, inclusive). */
export async function getInvitationFunnel(
  actor: GovActor,
  { fromDay, toDay }: { fromDay: string; toDay: string },
): Promise<FunnelReport> {
  const [invitations, offices] = await Promise.all([
    db.invitation.findMany({
      where: {
        ...(actor.role === "GOV_OFFICE" ? { subDistrictId: actor.subDistrictId } : {}),
        createdAt: { gte: startOfShanghaiDay(fromDay), lt: startOfShanghaiDay(addDays(toDay, 1)) },
      },
      select: { subDistrictId: true, createdAt: true, registeredAt: true, enterpriseId: true },
    }),
    db.subDistrict.findMany({
      where: actor.role === "GOV_OFFICE" ? { id: actor.subDistrictId } : {},
      select: { id: true, name: true, nameEn: true, active: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
  ]);
  const { authorised, applied, disbursed } = await firstTimes(
    invitations.flatMap((row) => (row.enterpriseId ? [row.enterpriseId] : [])),
  );
  const factsBy = new Map<string, FunnelFacts[]>();
  for (const row of invitations) {
    const firm = row.enterpriseId;
    const facts: FunnelFacts = {
      invitedAt: row.createdAt,
      registeredAt: firm ? row.registeredAt : null,
      authorisedAt: firm ? (authorised.get(firm) ?? null) : null,
      appliedAt: firm ? (applied.get(firm) ?? null) : null,
      disbursedAt: firm ? (disbursed.get(firm) ?? null) : null,
    };
    factsBy.set(row.subDistrictId, [...(factsBy.get(row.subDistrictId) ?? []), facts]);
  }
  const rows = offices
    // an inactive office shows only when it still has invitations of the period
    .filter((office) => office.active || factsBy.has(office.id))
    .map((office) => ({
      key: office.id,
      name: office.name,
      nameEn: office.nameEn,
      figures: funnelOf(factsBy.get(office.id) ?? []),
    }));
  return { fromDay, toDay, total: funnelOf([...factsBy.values()].flat()), rows };
}

/** The funnel as a sheet: a header, one row per office, the total last (the exports). */
export function funnelSheet(
  report: FunnelReport,
  texts: {
    office: string;
    total: string;
    steps: Record<string, string>;
    medianDays: string;
    conversion: string;
  },
  locale: "zh-CN" | "en",
): (string | number | null)[][] {
  const header = [
    texts.office,
    ...FUNNEL_STEPS.map((step) => texts.steps[step]),
    ...FUNNEL_STEPS.slice(1).map((step) => `${texts.steps[step]} ${texts.medianDays}`),
    ...FUNNEL_STEPS.slice(1).map((step) => `${texts.steps[step]} ${texts.conversion} (%)`),
  ];
  const line = (label: string, figures: FunnelFigures) => [
    label,
    ...FUNNEL_STEPS.map((step) => figures.counts[step]),
    ...FUNNEL_STEPS.slice(1).map((step) => figures.medianDays[step]),
    ...FUNNEL_STEPS.slice(1).map((step) => {
      const permille = conversionPermille(figures, step);
      return permille === null ? null : permille / 10;
    }),
  ];
  return [
    header,
    ...report.rows.map((row) => line(locale === "en" ? row.nameEn : row.name, row.figures)),
    line(texts.total, report.total),
  ];
}
