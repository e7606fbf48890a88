import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { addDays, endOfShanghaiDay, shanghaiDate } from "~/domain/shanghai-time";

import type { EnterpriseActor } from "./actor";
import { objectableRecords } from "./credit-profile.server";
import { notify } from "./notification.server";
import { getSettings } from "./settings.server";

export type FileObjectionResult =
  { ok: true; id: string } | { ok: false; error: "NO_SUCH_RECORD" | "ALREADY_OPEN" };

/**
 * A firm's 异议 against one record of its own cached profile. The record is looked up in the
 * cache (never taken from the form), one open objection per record (openKey), answer due in
 * `objection.answerCalendarDays`; the bureau is told.
 */
export async function fileObjection(
  actor: EnterpriseActor,
  input: { source: string; recordKey: string; reason: string; attachmentNote: string },
  now = new Date(),
): Promise<FileObjectionResult> {
  const row = await db.creditProfile.findUnique({
    where: { enterpriseId_source: { enterpriseId: actor.enterpriseId, source: input.source } },
    select: { source: true, data: true },
  });
  const record = row
    ? objectableRecords([{ source: row.source, data: JSON.parse(row.data) as unknown }]).find(
        (r) => r.recordKey === input.recordKey,
      )
    : undefined;
  if (!record) return { ok: false, error: "NO_SUCH_RECORD" };
  const settings = await getSettings();
  const openKey = `${actor.enterpriseId}:${record.source}:${record.recordKey}`;
  try {
    const created = await db.$transaction(async (tx) => {
      const objection = await tx.objection.create({
        data: {
          enterpriseId: actor.enterpriseId,
          filedById: actor.id,
          source: record.source,
          recordKey: record.recordKey,
          recordSummary: record.recordSummary,
          reason: input.reason,
          attachmentNote: input.attachmentNote,
          dueAt: endOfShanghaiDay(addDays(shanghaiDate(now), settings["objection.answerCalendarDays"])),
          openKey,
          createdAt: now,
        },
        select: { id: true, enterprise: { select: { name: true } } },
      });
      await notify.bureau(tx, {
        kind: "objection.FILED",
        params: { enterprise: objection.enterprise.name },
        link: `/gov/objections/${objection.id}`,
      });
      return objection;
    });
    return { ok: true, id: created.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, error: "ALREADY_OPEN" };
    }
    throw error;
  }
}
