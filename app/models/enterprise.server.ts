import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { shanghaiDate } from "~/domain/shanghai-time";

import { rollupTotalsSince } from "./indicator-rollup.server";

import type { Actor, GovActor } from "./actor";

/** Basic information: what any party allowed to see a firm at all may see. */
export const enterpriseBasicSelect = {
  id: true,
  uscc: true,
  name: true,
  sectionCode: true,
  divisionCode: true,
  size: true,
  whitelistedUntil: true,
  subDistrict: { select: { id: true, name: true, nameEn: true } },
} satisfies Prisma.EnterpriseSelect;

/**
 * The firms an actor may see at all (SPEC access rules): its own firm; for a bank, firms
 * with a live authorisation for this bank or for all banks, and its borrowers until their loan is
 * settled (a lender keeps FULL access, SPEC "Early warning"); for an office, its sub-district; for
 * the bureau, every firm. Turned around for recipients in banksSeeingFirms (webhook-event.server)
 * and notify.banksSeeing: change them together.
 */
export function visibleEnterprisesWhere(actor: Actor, now = new Date()): Prisma.EnterpriseWhereInput {
  switch (actor.role) {
    case "ENTERPRISE":
      return { id: actor.enterpriseId ?? "" };
    case "BANK":
      return {
        OR: [
          {
            authorizations: {
              some: {
                revokedAt: null,
                expiresAt: { gt: now },
                OR: [{ bankId: actor.bankId ?? "" }, { bankId: null }],
              },
            },
          },
          { loans: { some: { bankId: actor.bankId ?? "", status: "ACTIVE" } } },
        ],
      };
    case "GOV_OFFICE":
      return { subDistrictId: actor.subDistrictId ?? "" };
    case "GOV_BUREAU":
      return {};
  }
}

/** Counts for a government home page, scoped to the office's sub-district or the district. */
export async function getGovSummary(actor: GovActor, now = new Date()) {
  const firmWhere = visibleEnterprisesWhere(actor, now);
  // the year's applications and disbursements from the indicator rollups (the same definitions:
  // submitted / disbursed on or after 1 January, Shanghai, by the firm's sub-district)
  const yearStart = `${shanghaiDate(now).slice(0, 4)}-01-01`;
  const [firms, whitelisted, year, newest] = await Promise.all([
    db.enterprise.count({ where: firmWhere }),
    db.enterprise.count({ where: { ...firmWhere, whitelistedUntil: { gt: now } } }),
    rollupTotalsSince(yearStart, {
      subDistrictId: actor.role === "GOV_OFFICE" ? (actor.subDistrictId ?? "") : null,
    }),
    db.enterprise.findMany({
      where: firmWhere,
      select: { ...enterpriseBasicSelect, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 8,
    }),
  ]);
  return {
    firms,
    whitelisted,
    applications: year.applications,
    disbursedYuan: year.disbursedYuan,
    newest,
  };
}

/** The id of a firm the actor may see, by its USCC; null when there is none or it is not visible. */
export async function findVisibleEnterpriseId(actor: Actor, uscc: string, now = new Date()) {
  const row = await db.enterprise.findFirst({
    where: { uscc, ...visibleEnterprisesWhere(actor, now) },
    select: { id: true },
  });
  return row?.id ?? null;
}
