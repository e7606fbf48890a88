import { db } from "~/db.server";

import type { EnterpriseActor } from "./actor";
import { listNotifications } from "./notification.server";

/** The fields of the firm's profile whose presence makes it "complete" for banks. */
const COMPLETENESS_FIELDS = [
  "contactName",
  "contactMobile",
  "divisionOrNotNeeded",
  "creditProfile",
  "authorization",
  "commitment",
] as const;

/** Everything the firm's home shows, in one round of queries. */
export async function getEnterpriseHome(actor: EnterpriseActor, now = new Date()) {
  const id = actor.enterpriseId;
  const [
    enterprise,
    liveAuthorizations,
    openDemands,
    inFlight,
    notifications,
    commitments,
    openRecommendation,
  ] = await Promise.all([
    db.enterprise.findUnique({
      where: { id },
      select: {
        id: true,
        uscc: true,
        name: true,
        legalRepresentative: true,
        contactName: true,
        contactMobile: true,
        sectionCode: true,
        divisionCode: true,
        size: true,
        taxGrade: true,
        publicRating: true,
        onDishonestyList: true,
        creditRefreshedAt: true,
        creditRefreshError: true,
        whitelistedUntil: true,
        subDistrict: { select: { name: true, nameEn: true } },
      },
    }),
    db.authorization.findMany({
      where: { enterpriseId: id, revokedAt: null, expiresAt: { gt: now } },
      select: {
        id: true,
        scope: true,
        expiresAt: true,
        origin: true,
        bank: { select: { name: true, nameEn: true } },
      },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: 5,
    }),
    db.demand.findMany({
      where: { enterpriseId: id, status: "OPEN" },
      select: {
        id: true,
        amountYuan: true,
        termMonths: true,
        validUntil: true,
        _count: { select: { offers: { where: { status: "PENDING" } } } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 5,
    }),
    db.application.findMany({
      where: { enterpriseId: id, state: { in: ["SUBMITTED", "ACCEPTED", "APPROVED"] } },
      select: {
        id: true,
        number: true,
        state: true,
        amountYuan: true,
        submittedAt: true,
        product: { select: { name: true } },
        bank: { select: { name: true, nameEn: true } },
      },
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      take: 10,
    }),
    listNotifications(actor, 5),
    db.commitment.count({ where: { enterpriseId: id } }),
    db.recommendation.findFirst({ where: { openKey: id }, select: { status: true, createdAt: true } }),
  ]);
  if (!enterprise) return null;
  const allAuthorizations = liveAuthorizations.length;
  const checks: Record<(typeof COMPLETENESS_FIELDS)[number], boolean> = {
    contactName: Boolean(enterprise.contactName),
    contactMobile: Boolean(enterprise.contactMobile),
    divisionOrNotNeeded:
      !["F", "G", "I", "K"].includes(enterprise.sectionCode) || Boolean(enterprise.divisionCode),
    creditProfile: enterprise.creditRefreshedAt !== null,
    authorization: allAuthorizations > 0,
    commitment: commitments > 0,
  };
  const done = Object.values(checks).filter(Boolean).length;
  return {
    enterprise,
    completeness: { percent: Math.round((done / COMPLETENESS_FIELDS.length) * 100), checks },
    liveAuthorizations,
    openDemands: openDemands.map(({ _count, ...d }) => ({ ...d, pendingOffers: _count.offers })),
    inFlight,
    notifications,
    whitelisted: enterprise.whitelistedUntil !== null && enterprise.whitelistedUntil > now,
    openRecommendation,
  };
}
