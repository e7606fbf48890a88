/**
 * 培训: the training sessions the bureau runs for banks, offices and firms (the work plan's
 * 加强培训). The bureau records them (audited); the league table shows each bank's and each
 * office's last session.
 */
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import type { TrainingAudience } from "~/domain/outreach";
import { shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";

import type { AuditedActor, BureauActor, GovActor } from "./actor";
import { recordAudit } from "./audit.server";
import { createOnce } from "./form-key.server";

export type TrainingInput = {
  /** YYYY-MM-DD */
  heldOn: string;
  topic: string;
  audienceRole: TrainingAudience;
  bankId: string | null;
  subDistrictId: string | null;
  organisation: string;
  attendees: number;
  materialsUrl: string | null;
};

export type TrainingRecorded =
  { ok: true; row: { id: string } } | { ok: false; error: "KEY_TAKEN" | "BANK_REQUIRED" | "OFFICE_REQUIRED" };

/**
 * Records a session. A bank's session names the bank and an office's the office (so that the
 * league table can date them); a firms' session may name the area its firms came from.
 */
export async function recordTraining(
  actor: AuditedActor<BureauActor>,
  input: TrainingInput,
  formKey: string | null = null,
): Promise<TrainingRecorded> {
  const bankId = input.audienceRole === "BANK" ? input.bankId : null;
  const subDistrictId =
    input.audienceRole === "GOV_OFFICE" || input.audienceRole === "ENTERPRISE" ? input.subDistrictId : null;
  if (input.audienceRole === "BANK") {
    const bank = bankId ? await db.bank.findUnique({ where: { id: bankId }, select: { id: true } }) : null;
    if (!bank) return { ok: false, error: "BANK_REQUIRED" };
  }
  if (input.audienceRole === "GOV_OFFICE" || subDistrictId) {
    const office = subDistrictId
      ? await db.subDistrict.findUnique({ where: { id: subDistrictId }, select: { id: true } })
      : null;
    if (!office) return { ok: false, error: "OFFICE_REQUIRED" };
  }
  const select = { id: true } as const;
  return createOnce(
    formKey,
    () =>
      db.$transaction(async (tx) => {
        const row = await tx.trainingSession.create({
          data: {
            heldOn: startOfShanghaiDay(input.heldOn),
            topic: input.topic,
            audienceRole: input.audienceRole,
            bankId,
            subDistrictId,
            organisation: input.organisation,
            attendees: input.attendees,
            materialsUrl: input.materialsUrl,
            createdById: actor.id,
            formKey,
          },
          select,
        });
        await recordAudit(
          {
            actorId: actor.id,
            action: "training.create",
            targetType: "TrainingSession",
            targetId: row.id,
            ip: actor.ip,
            detail: { heldOn: input.heldOn, audience: input.audienceRole, attendees: input.attendees },
          },
          tx,
        );
        return row;
      }),
    (key) => db.trainingSession.findFirst({ where: { formKey: key, createdById: actor.id }, select }),
  );
}

/** Sessions, newest first (the government reads them; only the bureau records). */
export async function listTrainings(
  _actor: GovActor,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const [total, sessions] = await Promise.all([
    db.trainingSession.count(),
    db.trainingSession.findMany({
      select: {
        id: true,
        heldOn: true,
        topic: true,
        audienceRole: true,
        organisation: true,
        attendees: true,
        materialsUrl: true,
        bank: { select: { name: true, nameEn: true } },
        subDistrict: { select: { name: true, nameEn: true } },
      },
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { total, sessions };
}

/**
 * The last training day (YYYY-MM-DD) of each bank and each office, keyed by their ids — the
 * keys of the league table's rows when it is broken down by bank or by sub-district.
 */
export async function lastTrainingDays(): Promise<Record<string, string>> {
  const [banks, offices] = await Promise.all([
    db.trainingSession.groupBy({
      by: ["bankId"],
      where: { audienceRole: "BANK", bankId: { not: null } },
      _max: { heldOn: true },
    }),
    db.trainingSession.groupBy({
      by: ["subDistrictId"],
      where: { audienceRole: "GOV_OFFICE", subDistrictId: { not: null } },
      _max: { heldOn: true },
    }),
  ]);
  const days: Record<string, string> = {};
  for (const row of banks)
    if (row.bankId && row._max.heldOn) days[row.bankId] = shanghaiDate(row._max.heldOn);
  for (const row of offices)
    if (row.subDistrictId && row._max.heldOn) days[row.subDistrictId] = shanghaiDate(row._max.heldOn);
  return days;
}
