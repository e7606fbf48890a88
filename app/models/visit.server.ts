import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import { startOfShanghaiDay } from "~/domain/shanghai-time";

import type { GovActor, OfficeActor } from "./actor";
import { visibleEnterprisesWhere } from "./enterprise.server";
import { createOnce } from "./form-key.server";
import { refreshFollowUpRejectedAt } from "./gov-queues.server";
import { visitRowSelect } from "./selects.server";

export type VisitInput = {
  enterpriseId: string;
  visitedOn: string;
  findings: string;
  needYuan: number | null;
  nextStep: string;
};

/**
 * 走访: an office logs a visit to a firm of its own sub-district. Null when the firm is not
 * the office's (the caller answers 403; nothing is written).
 */
export async function logVisit(actor: OfficeActor, input: VisitInput, formKey: string | null = null) {
  const firm = await db.enterprise.findFirst({
    where: { AND: [{ id: input.enterpriseId }, visibleEnterprisesWhere(actor)] },
    select: { id: true, subDistrictId: true },
  });
  if (!firm) return null;
  const select = { id: true, enterpriseId: true } as const;
  const visit = await createOnce(
    formKey,
    () =>
      db.visit.create({
        data: {
          enterpriseId: firm.id,
          subDistrictId: firm.subDistrictId,
          userId: actor.id,
          visitedOn: startOfShanghaiDay(input.visitedOn),
          findings: input.findings,
          needYuan: input.needYuan,
          nextStep: input.nextStep,
          formKey,
        },
        select,
      }),
    (key) => db.visit.findFirst({ where: { formKey: key, userId: actor.id }, select }),
  );
  // the visit may be the follow-up of a rejection (gov-queues.server.ts)
  await refreshFollowUpRejectedAt(db, firm.id);
  return visit;
}

/** Visits of the firms the actor may see (one firm when `enterpriseId` is given), newest first. */
export async function listVisits(
  actor: GovActor,
  { enterpriseId, page, pageSize }: { enterpriseId?: string | null; page: number; pageSize: number },
) {
  const where: Prisma.VisitWhereInput = {
    enterprise: visibleEnterprisesWhere(actor),
    ...(enterpriseId ? { enterpriseId } : {}),
  };
  const [total, visits] = await Promise.all([
    db.visit.count({ where }),
    db.visit.findMany({
      where,
      select: {
        ...visitRowSelect,
        createdAt: true,
        // the invitation the firm registered through (企业引导), for the link on the visit
        enterprise: { select: { id: true, name: true, invitations: { select: { id: true }, take: 1 } } },
        subDistrict: { select: { name: true, nameEn: true } },
      },
      orderBy: [{ visitedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { total, visits };
}
