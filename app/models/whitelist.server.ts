import { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import {
  endOfShanghaiDay,
  shanghaiParts,
  startOfShanghaiDay,
  startOfShanghaiYear,
} from "~/domain/shanghai-time";

import type { BureauActor, GovActor } from "./actor";
import { emitWhitelistChange, emitWhitelistPublished } from "./bank-events.server";
import type { EntryStatus } from "./gov-codes";
import { notify } from "./notification.server";
import { countsByStatus } from "./status-counts.server";

type Tx = Prisma.TransactionClient;

/** Recommendations awaiting the bureau, from every office, oldest first. */
export async function listPendingReview(_actor: BureauActor) {
  return db.recommendation.findMany({
    where: { status: "PENDING" },
    select: {
      id: true,
      reason: true,
      suggestedAmountYuan: true,
      createdAt: true,
      requestNote: true,
      enterprise: {
        select: {
          id: true,
          name: true,
          uscc: true,
          size: true,
          taxGrade: true,
          publicRating: true,
          onDishonestyList: true,
          onRedList: true,
        },
      },
      subDistrict: { select: { name: true, nameEn: true } },
      createdBy: { select: { displayName: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
}

export type ApproveInput = { ids: string[]; batchName: string; validFrom: string; validUntil: string };
export type ApproveResult =
  | { ok: true; batchId: string; approved: number; skipped: number }
  | { ok: false; error: "BATCH_NAME_TAKEN" | "NOTHING_PENDING" };

class NothingPending extends Error {}

/** Enterprise.whitelistedUntil after an entry changed: the latest validUntil of its ACTIVE entries. */
async function refreshWhitelistedUntil(tx: Tx, enterpriseId: string) {
  const active = await tx.whitelistEntry.findMany({
    where: { enterpriseId, status: "ACTIVE" },
    select: { batch: { select: { validUntil: true } } },
  });
  const until = active.reduce<Date | null>(
    (latest, e) => (!latest || e.batch.validUntil > latest ? e.batch.validUntil : latest),
    null,
  );
  await tx.enterprise.update({ where: { id: enterpriseId }, data: { whitelistedUntil: until } });
}

/** Tells the firm and its office how the bureau decided on a recommendation. */
async function notifyReviewed(
  tx: Tx,
  recommendation: { enterpriseId: string; subDistrictId: string; enterprise: { name: string } },
  status: "APPROVED" | "REJECTED",
  params: Record<string, string>,
) {
  const message = {
    kind: `recommendation.${status}`,
    params: { enterprise: recommendation.enterprise.name, ...params },
  };
  await notify.enterprise(tx, recommendation.enterpriseId, { ...message, link: "/enterprise" });
  await notify.office(tx, recommendation.subDistrictId, {
    ...message,
    link: `/gov/recommendations?status=${status}`,
  });
}

/**
 * 推荐清单: the bureau approves selected PENDING recommendations into a new named batch. Each
 * recommendation is moved by a conditional update on status PENDING, so a double submit or
 * a second reviewer approves nothing twice; a firm that went on a dishonesty list meanwhile
 * is skipped (stays PENDING). The batch is created only when at least one entry is.
 */
export async function approveIntoBatch(
  actor: BureauActor,
  input: ApproveInput,
  now = new Date(),
): Promise<ApproveResult> {
  const validFrom = startOfShanghaiDay(input.validFrom);
  const validUntil = endOfShanghaiDay(input.validUntil);
  try {
    return await db.$transaction(async (tx) => {
      const batch = await tx.whitelistBatch.create({
        data: { name: input.batchName, validFrom, validUntil, approvedById: actor.id, createdAt: now },
        select: { id: true, name: true },
      });
      const candidates = await tx.recommendation.findMany({
        where: { id: { in: input.ids }, status: "PENDING", enterprise: { onDishonestyList: false } },
        select: {
          id: true,
          enterpriseId: true,
          subDistrictId: true,
          suggestedAmountYuan: true,
          enterprise: { select: { name: true } },
        },
      });
      const approved: typeof candidates = [];
      for (const recommendation of candidates) {
        const { count } = await tx.recommendation.updateMany({
          where: { id: recommendation.id, status: "PENDING" },
          data: {
            status: "APPROVED",
            batchId: batch.id,
            openKey: null,
            reviewedById: actor.id,
            reviewedAt: now,
          },
        });
        if (count !== 1) continue;
        const entry = await tx.whitelistEntry.create({
          data: {
            batchId: batch.id,
            enterpriseId: recommendation.enterpriseId,
            recommendationId: recommendation.id,
            suggestedAmountYuan: recommendation.suggestedAmountYuan,
            status: "ACTIVE",
            approvedAt: now,
          },
          select: { id: true },
        });
        await tx.whitelistEvent.create({
          data: { entryId: entry.id, actorId: actor.id, kind: "APPROVED", at: now },
        });
        approved.push(recommendation);
      }
      if (approved.length === 0) throw new NothingPending();
      for (const recommendation of approved) {
        await refreshWhitelistedUntil(tx, recommendation.enterpriseId);
        await notifyReviewed(tx, recommendation, "APPROVED", { batch: batch.name });
      }
      await notify.allBanks(tx, {
        kind: "whitelist.BATCH",
        params: { batch: batch.name, count: approved.length },
      });
      await emitWhitelistPublished(tx, { batchId: batch.id, now });
      return {
        ok: true as const,
        batchId: batch.id,
        approved: approved.length,
        skipped: input.ids.length - approved.length,
      };
    });
  } catch (error) {
    if (error instanceof NothingPending) return { ok: false, error: "NOTHING_PENDING" };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, error: "BATCH_NAME_TAKEN" };
    }
    throw error;
  }
}

/** The bureau rejects selected PENDING recommendations with a reason; firms and offices are told. */
export async function rejectRecommendations(
  actor: BureauActor,
  input: { ids: string[]; reason: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const candidates = await tx.recommendation.findMany({
      where: { id: { in: input.ids }, status: "PENDING" },
      select: { id: true, enterpriseId: true, subDistrictId: true, enterprise: { select: { name: true } } },
    });
    let rejected = 0;
    for (const recommendation of candidates) {
      const { count } = await tx.recommendation.updateMany({
        where: { id: recommendation.id, status: "PENDING" },
        data: {
          status: "REJECTED",
          openKey: null,
          reviewNote: input.reason,
          reviewedById: actor.id,
          reviewedAt: now,
        },
      });
      if (count !== 1) continue;
      rejected++;
      await notifyReviewed(tx, recommendation, "REJECTED", { reason: input.reason });
    }
    return { rejected };
  });
}

/** An office sees the entries of its sub-district's firms; the bureau sees all. */
function visibleEntriesWhere(actor: GovActor): Prisma.WhitelistEntryWhereInput {
  return actor.role === "GOV_OFFICE" ? { enterprise: { subDistrictId: actor.subDistrictId } } : {};
}

/** An entry and its firm, as the list and the entry page show them. */
const entrySelect = {
  id: true,
  status: true,
  statusReason: true,
  statusChangedAt: true,
  approvedAt: true,
  suggestedAmountYuan: true,
  enterprise: {
    select: {
      id: true,
      name: true,
      uscc: true,
      onDishonestyList: true,
      subDistrict: { select: { name: true, nameEn: true } },
    },
  },
} satisfies Prisma.WhitelistEntrySelect;

/** Whitelist entries of the firms the actor may see, filtered and paginated. */
export async function listEntries(
  actor: GovActor,
  {
    status,
    batchId,
    q,
    page,
    pageSize,
  }: {
    status?: EntryStatus | null;
    batchId?: string | null;
    q?: string | null;
    page: number;
    pageSize: number;
  },
) {
  const where: Prisma.WhitelistEntryWhereInput = {
    ...visibleEntriesWhere(actor),
    ...(status ? { status } : {}),
    ...(batchId ? { batchId } : {}),
    ...(q
      ? {
          AND: [
            {
              enterprise: {
                OR: [{ name: sqlDialect().contains(q) }, { uscc: { startsWith: q.toUpperCase() } }],
              },
            },
          ],
        }
      : {}),
  };
  const [total, entries, batches, counts] = await Promise.all([
    db.whitelistEntry.count({ where }),
    db.whitelistEntry.findMany({
      where,
      select: {
        ...entrySelect,
        batch: { select: { id: true, name: true, validUntil: true } },
      },
      // SUSPENDED entries need the bureau's decision: they come first.
      orderBy: [{ status: "desc" }, { approvedAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
    db.whitelistBatch.findMany({
      select: { id: true, name: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 100,
    }),
    db.whitelistEntry.groupBy({
      by: ["status"],
      where: visibleEntriesWhere(actor),
      _count: { _all: true },
    }),
  ]);
  return {
    total,
    entries,
    batches,
    counts: countsByStatus(counts),
  };
}

/** One entry with its events; null when the actor may not see the firm. */
export async function getEntry(actor: GovActor, id: string) {
  return db.whitelistEntry.findFirst({
    where: {
      id,
      ...visibleEntriesWhere(actor),
    },
    select: {
      ...entrySelect,
      batch: { select: { name: true, validFrom: true, validUntil: true } },
      recommendation: { select: { reason: true, createdBy: { select: { displayName: true } } } },
      events: {
        select: { id: true, kind: true, reason: true, at: true, actor: { select: { displayName: true } } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      },
    },
  });
}

export type EntryChangeResult = { ok: true } | { ok: false; error: "NOT_FOUND" | "STALE" | "STILL_LISTED" };

/**
 * Moves an entry to `to` when it is still in a state `where` allows (a conditional update: two
 * bureau users cannot both change it), records the event and tells the firm, its office and the
 * banks that see it, in one transaction.
 */
async function changeEntryStatus(
  actor: BureauActor,
  id: string,
  {
    where,
    to,
    reason,
    now,
  }: { where: Prisma.WhitelistEntryWhereInput; to: "REVOKED" | "RESTORED"; reason: string; now: Date },
): Promise<EntryChangeResult> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.whitelistEntry.updateMany({
      where: { ...where, id },
      data: { status: to === "REVOKED" ? "REVOKED" : "ACTIVE", statusChangedAt: now, statusReason: reason },
    });
    if (count !== 1) return { ok: false as const, error: "STALE" as const };
    const row = await tx.whitelistEntry.findUniqueOrThrow({
      where: { id },
      select: { enterpriseId: true, enterprise: { select: { name: true, subDistrictId: true } } },
    });
    await tx.whitelistEvent.create({
      data: { entryId: id, actorId: actor.id, kind: to, reason, at: now },
    });
    await refreshWhitelistedUntil(tx, row.enterpriseId);
    const message = { kind: `whitelist.${to}`, params: { enterprise: row.enterprise.name, reason } };
    await notify.enterprise(tx, row.enterpriseId, { ...message, link: "/enterprise" });
    await notify.office(tx, row.enterprise.subDistrictId, { ...message, link: `/gov/whitelist/${id}` });
    await notify.banksSeeing(tx, row.enterpriseId, message, now);
    const type = to === "REVOKED" ? "whitelist.revoked" : "whitelist.restored";
    await emitWhitelistChange(tx, { entryId: id, type, reason, now });
    return { ok: true as const };
  });
}

/** The bureau revokes an ACTIVE or SUSPENDED entry with a reason; everyone concerned is told. */
export async function revokeEntry(
  actor: BureauActor,
  id: string,
  reason: string,
  now = new Date(),
): Promise<EntryChangeResult> {
  const entry = await db.whitelistEntry.findUnique({ where: { id }, select: { id: true } });
  if (!entry) return { ok: false, error: "NOT_FOUND" };
  const where = { status: { in: ["ACTIVE", "SUSPENDED"] } };
  return changeEntryStatus(actor, id, { where, to: "REVOKED", reason, now });
}

/**
 * The bureau restores a SUSPENDED entry (联合惩戒 lifted) — only when the firm is no longer on
 * a dishonesty list; the check runs inside the conditional update.
 */
export async function restoreEntry(
  actor: BureauActor,
  id: string,
  reason: string,
  now = new Date(),
): Promise<EntryChangeResult> {
  const entry = await db.whitelistEntry.findUnique({
    where: { id },
    select: { status: true, enterprise: { select: { onDishonestyList: true } } },
  });
  if (!entry) return { ok: false, error: "NOT_FOUND" };
  if (entry.status !== "SUSPENDED") return { ok: false, error: "STALE" };
  if (entry.enterprise.onDishonestyList) return { ok: false, error: "STILL_LISTED" };
  const where = { status: "SUSPENDED", enterprise: { onDishonestyList: false } };
  return changeEntryStatus(actor, id, { where, to: "RESTORED", reason, now });
}

/** The Shanghai year and the number the next batch of that year would have. */
export async function nextBatchNumber(now = new Date()) {
  const year = shanghaiParts(now).year;
  const count = await db.whitelistBatch.count({ where: { createdAt: { gte: startOfShanghaiYear(now) } } });
  return { year, n: count + 1 };
}
