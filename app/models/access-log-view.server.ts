import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";

import type { EnterpriseActor } from "./actor";

/**
 * 查询记录 as the firm sees it: every view of its profile by anyone but itself (its own
 * SELF rows are left out), newest first, one page.
 */
export async function listOwnAccessLog(
  actor: EnterpriseActor,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const where = { enterpriseId: actor.enterpriseId, purpose: { not: "SELF" }, user: { enterpriseId: null } };
  const [total, items] = await Promise.all([
    db.accessLog.count({ where }),
    db.accessLog.findMany({
      where,
      select: {
        id: true,
        at: true,
        scope: true,
        purpose: true,
        channel: true,
        bank: { select: { name: true, nameEn: true } },
        user: { select: { displayName: true, role: true } },
      },
      orderBy: [{ at: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { total, items };
}
