import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";

import type { GovActor, OfficeActor } from "./actor";
import { visibleEnterprisesWhere } from "./enterprise.server";
import type { RecommendationStatus } from "./gov-codes";
import { notify } from "./notification.server";
import { countsByStatus } from "./status-counts.server";

/** The recommendations of the firms the actor may see (an office: its sub-district). */
function recommendationsWhere(actor: GovActor): Prisma.RecommendationWhereInput {
  return actor.role === "GOV_OFFICE" ? { subDistrictId: actor.subDistrictId } : {};
}

const listSelect = {
  id: true,
  status: true,
  requestNote: true,
  reason: true,
  suggestedAmountYuan: true,
  reviewNote: true,
  createdAt: true,
  reviewedAt: true,
  enterprise: { select: { id: true, name: true, uscc: true, onDishonestyList: true } },
  subDistrict: { select: { name: true, nameEn: true } },
  createdBy: { select: { displayName: true, role: true } },
  batch: { select: { name: true } },
} satisfies Prisma.RecommendationSelect;

export async function listRecommendations(
  actor: GovActor,
  { status, page, pageSize }: { status?: RecommendationStatus | null; page: number; pageSize: number },
) {
  const where: Prisma.RecommendationWhereInput = {
    ...recommendationsWhere(actor),
    ...(status ? { status } : {}),
  };
  const [total, items, counts] = await Promise.all([
    db.recommendation.count({ where }),
    db.recommendation.findMany({
      where,
      select: listSelect,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
    db.recommendation.groupBy({ by: ["status"], where: recommendationsWhere(actor), _count: { _all: true } }),
  ]);
  return {
    total,
    items,
    counts: countsByStatus(counts),
  };
}

export async function getRecommendation(actor: GovActor, id: string) {
  return db.recommendation.findFirst({
    where: { AND: [{ id }, recommendationsWhere(actor)] },
    select: { ...listSelect, subDistrictId: true, reviewedBy: { select: { displayName: true } } },
  });
}

export type RecommendResult =
  { ok: true; id: string } | { ok: false; error: "NOT_FOUND" | "DISHONEST" | "ALREADY_OPEN" | "WHITELISTED" };

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Checks a firm of the office's area for a recommendation; null when it may be recommended. */
async function recommendable(
  actor: OfficeActor,
  enterpriseId: string,
  now: Date,
): Promise<
  | { error: "NOT_FOUND" | "DISHONEST" | "WHITELISTED" }
  | { firm: { id: string; name: string; subDistrictId: string } }
> {
  const firm = await db.enterprise.findFirst({
    where: { AND: [{ id: enterpriseId }, visibleEnterprisesWhere(actor, now)] },
    select: { id: true, name: true, subDistrictId: true, onDishonestyList: true, whitelistedUntil: true },
  });
  if (!firm) return { error: "NOT_FOUND" as const };
  if (firm.onDishonestyList) return { error: "DISHONEST" as const };
  if (firm.whitelistedUntil && firm.whitelistedUntil > now) return { error: "WHITELISTED" as const };
  return { firm };
}

/**
 * 申报清单: the office proposes a firm of its sub-district (PENDING, awaiting the bureau).
 * One open recommendation per firm: openKey = enterpriseId is unique, so a second one (or a
 * double submit) fails with ALREADY_OPEN instead of writing a duplicate.
 */
export async function recommendFirm(
  actor: OfficeActor,
  input: { enterpriseId: string; reason: string; suggestedAmountYuan: number | null },
  now = new Date(),
): Promise<RecommendResult> {
  const check = await recommendable(actor, input.enterpriseId, now);
  if ("error" in check) return { ok: false, error: check.error };
  const { firm } = check;
  try {
    const created = await db.$transaction(async (tx) => {
      const recommendation = await tx.recommendation.create({
        data: {
          enterpriseId: firm.id,
          subDistrictId: firm.subDistrictId,
          status: "PENDING",
          reason: input.reason,
          suggestedAmountYuan: input.suggestedAmountYuan,
          createdById: actor.id,
          openKey: firm.id,
          createdAt: now,
        },
        select: { id: true },
      });
      await notify.bureau(tx, {
        kind: "recommendation.PENDING",
        params: { office: actor.organization?.zh ?? "", enterprise: firm.name },
        link: "/gov/review",
      });
      return recommendation;
    });
    return { ok: true, id: created.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "ALREADY_OPEN" };
    throw error;
  }
}

export type ActResult = { ok: true } | { ok: false; error: "NOT_FOUND" | "STALE" | "DISHONEST" };

/** A firm's request (REQUESTED) becomes the office's proposal (PENDING) with reason and amount. */
export async function acceptRequest(
  actor: OfficeActor,
  id: string,
  input: { reason: string; suggestedAmountYuan: number | null },
): Promise<ActResult> {
  const recommendation = await getRecommendation(actor, id);
  if (!recommendation) return { ok: false, error: "NOT_FOUND" };
  if (recommendation.status !== "REQUESTED") return { ok: false, error: "STALE" };
  if (recommendation.enterprise.onDishonestyList) return { ok: false, error: "DISHONEST" };
  return db.$transaction(async (tx) => {
    const { count } = await tx.recommendation.updateMany({
      where: { id, subDistrictId: actor.subDistrictId, status: "REQUESTED" },
      data: { status: "PENDING", reason: input.reason, suggestedAmountYuan: input.suggestedAmountYuan },
    });
    if (count !== 1) return { ok: false as const, error: "STALE" as const };
    await notify.bureau(tx, {
      kind: "recommendation.PENDING",
      params: { office: actor.organization?.zh ?? "", enterprise: recommendation.enterprise.name },
      link: "/gov/review",
    });
    return { ok: true as const };
  });
}

/** The office declines a firm's request with a note; the firm is told why. */
export async function declineRequest(
  actor: OfficeActor,
  id: string,
  note: string,
  now = new Date(),
): Promise<ActResult> {
  const recommendation = await getRecommendation(actor, id);
  if (!recommendation) return { ok: false, error: "NOT_FOUND" };
  return db.$transaction(async (tx) => {
    const { count } = await tx.recommendation.updateMany({
      where: { id, subDistrictId: actor.subDistrictId, status: "REQUESTED" },
      data: { status: "DECLINED", openKey: null, reviewNote: note, reviewedById: actor.id, reviewedAt: now },
    });
    if (count !== 1) return { ok: false as const, error: "STALE" as const };
    await notify.enterprise(tx, recommendation.enterprise.id, {
      kind: "recommendation.DECLINED",
      params: { enterprise: recommendation.enterprise.name, reason: note },
      link: "/enterprise",
    });
    return { ok: true as const };
  });
}

/** The office takes back its own proposal while the bureau has not decided. */
export async function withdrawRecommendation(
  actor: OfficeActor,
  id: string,
  now = new Date(),
): Promise<ActResult> {
  const { count } = await db.recommendation.updateMany({
    where: { id, subDistrictId: actor.subDistrictId, status: "PENDING" },
    data: { status: "WITHDRAWN", openKey: null, reviewedAt: now },
  });
  if (count === 1) return { ok: true };
  return (await getRecommendation(actor, id))
    ? { ok: false, error: "STALE" }
    : { ok: false, error: "NOT_FOUND" };
}
