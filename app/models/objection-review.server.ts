import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";

import type { BureauActor } from "./actor";
import type { OBJECTION_RESOLUTIONS, ObjectionStatus } from "./gov-codes";
import { notify } from "./notification.server";
import { countsByStatus } from "./status-counts.server";

const listSelect = {
  id: true,
  source: true,
  recordKey: true,
  recordSummary: true,
  status: true,
  resolution: true,
  dueAt: true,
  createdAt: true,
  handledAt: true,
  enterprise: { select: { id: true, name: true, uscc: true } },
} satisfies Prisma.ObjectionSelect;

/**
 * The bureau's 异议 queue. OPEN objections by due date (the 20-day rule), handled ones most
 * recent first.
 */
export async function listObjections(
  _actor: BureauActor,
  { status, page, pageSize }: { status: ObjectionStatus; page: number; pageSize: number },
) {
  const where: Prisma.ObjectionWhereInput = { status };
  const orderBy: Prisma.ObjectionOrderByWithRelationInput[] =
    status === "OPEN" ? [{ dueAt: "asc" }, { id: "asc" }] : [{ handledAt: "desc" }, { id: "asc" }];
  const [total, items, counts] = await Promise.all([
    db.objection.count({ where }),
    db.objection.findMany({
      where,
      select: listSelect,
      orderBy,
      ...pageWindow(page, pageSize),
    }),
    db.objection.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    total,
    items,
    counts: countsByStatus(counts),
  };
}

export async function getObjection(_actor: BureauActor, id: string) {
  return db.objection.findUnique({
    where: { id },
    select: {
      ...listSelect,
      reason: true,
      attachmentNote: true,
      responseText: true,
      filedBy: { select: { displayName: true } },
      handledBy: { select: { displayName: true } },
    },
  });
}

export type AnswerResult = { ok: true } | { ok: false; error: "NOT_FOUND" | "STALE" };

export type Answer =
  | { decision: "accept"; resolution: (typeof OBJECTION_RESOLUTIONS)[number]; responseText: string }
  | { decision: "reject"; responseText: string };

/**
 * Answers an OPEN objection (conditional update on status OPEN: two reviewers, one answer).
 * Accepted → the record shows as 更正/已修复 in the firm's profile; the firm is told either way.
 */
export async function answerObjection(
  actor: BureauActor,
  id: string,
  answer: Answer,
  now = new Date(),
): Promise<AnswerResult> {
  const objection = await db.objection.findUnique({ where: { id }, select: { enterpriseId: true } });
  if (!objection) return { ok: false, error: "NOT_FOUND" };
  return db.$transaction(async (tx) => {
    const { count } = await tx.objection.updateMany({
      where: { id, status: "OPEN" },
      data: {
        status: answer.decision === "accept" ? "ACCEPTED" : "REJECTED",
        resolution: answer.decision === "accept" ? answer.resolution : null,
        responseText: answer.responseText,
        handledById: actor.id,
        handledAt: now,
        openKey: null,
      },
    });
    if (count !== 1) return { ok: false as const, error: "STALE" as const };
    await notify.enterprise(
      tx,
      objection.enterpriseId,
      answer.decision === "accept"
        ? { kind: "objection.ACCEPTED", params: {}, link: "/enterprise/credit" }
        : { kind: "objection.REJECTED", params: { reason: answer.responseText }, link: "/enterprise/credit" },
    );
    return { ok: true as const };
  });
}

/** Open objections and how many are past their due date (for the home page). */
export async function countOpenObjections(now = new Date()) {
  const [open, overdue] = await Promise.all([
    db.objection.count({ where: { status: "OPEN" } }),
    db.objection.count({ where: { status: "OPEN", dueAt: { lt: now } } }),
  ]);
  return { open, overdue };
}
