import { Prisma } from "@prisma/client";

import { db } from "~/db.server";

import type { EnterpriseActor } from "./actor";
import { notify } from "./notification.server";

/** The firm's whitelist standing: its entries, its recommendations, whether one is open. */
export async function getWhitelistStatus(actor: EnterpriseActor, now = new Date()) {
  const [enterprise, entries, recommendations] = await Promise.all([
    db.enterprise.findUnique({
      where: { id: actor.enterpriseId },
      select: {
        whitelistedUntil: true,
        onDishonestyList: true,
        subDistrict: { select: { name: true, nameEn: true } },
      },
    }),
    db.whitelistEntry.findMany({
      where: { enterpriseId: actor.enterpriseId },
      select: {
        id: true,
        status: true,
        approvedAt: true,
        statusChangedAt: true,
        statusReason: true,
        suggestedAmountYuan: true,
        batch: { select: { name: true, validFrom: true, validUntil: true } },
      },
      orderBy: [{ approvedAt: "desc" }, { id: "asc" }],
      take: 20,
    }),
    db.recommendation.findMany({
      where: { enterpriseId: actor.enterpriseId },
      select: {
        id: true,
        status: true,
        requestNote: true,
        reviewNote: true,
        createdAt: true,
        reviewedAt: true,
        updatedAt: true,
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 20,
    }),
  ]);
  if (!enterprise) return null;
  const whitelisted = enterprise.whitelistedUntil !== null && enterprise.whitelistedUntil > now;
  const open = recommendations.find((r) => r.status === "REQUESTED" || r.status === "PENDING") ?? null;
  return { enterprise, whitelisted, entries, recommendations, open };
}

export type RequestResult = { ok: true } | { ok: false; error: "ALREADY_OPEN" | "WHITELISTED" | "DISHONEST" };

/**
 * Asks the firm's sub-district office for a recommendation: a REQUESTED Recommendation whose
 * openKey (= enterpriseId) keeps one open at a time, and a message to the office.
 */
export async function requestRecommendation(
  actor: EnterpriseActor,
  note: string,
  now = new Date(),
): Promise<RequestResult> {
  const firm = await db.enterprise.findUniqueOrThrow({
    where: { id: actor.enterpriseId },
    select: { name: true, subDistrictId: true, whitelistedUntil: true, onDishonestyList: true },
  });
  if (firm.onDishonestyList) return { ok: false, error: "DISHONEST" };
  if (firm.whitelistedUntil && firm.whitelistedUntil > now) return { ok: false, error: "WHITELISTED" };
  try {
    await db.$transaction(async (tx) => {
      await tx.recommendation.create({
        data: {
          enterpriseId: actor.enterpriseId,
          subDistrictId: firm.subDistrictId,
          status: "REQUESTED",
          requestNote: note || null,
          createdById: actor.id,
          openKey: actor.enterpriseId,
          createdAt: now,
        },
      });
      await notify.office(tx, firm.subDistrictId, {
        kind: "recommendation.REQUESTED",
        params: { enterprise: firm.name },
        link: "/gov/recommendations",
      });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, error: "ALREADY_OPEN" };
    throw error;
  }
}
