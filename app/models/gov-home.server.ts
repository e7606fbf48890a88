import { db } from "~/db.server";

import type { GovActor } from "./actor";
import { getGovSummary } from "./enterprise.server";
import { listNotifications } from "./notification.server";
import { countOpenObjections } from "./objection-review.server";
import { countFollowUps } from "./follow-ups.server";

/** Everything the government home shows: counts, the actor's queues, newest firms, messages. */
export async function getGovHome(actor: GovActor, now = new Date()) {
  const scope = actor.role === "GOV_OFFICE" ? { subDistrictId: actor.subDistrictId } : {};
  const [summary, requested, pending, followUps, suspended, objections, notifications] = await Promise.all([
    getGovSummary(actor, now),
    db.recommendation.count({ where: { ...scope, status: "REQUESTED" } }),
    db.recommendation.count({ where: { ...scope, status: "PENDING" } }),
    countFollowUps(actor, now),
    db.whitelistEntry.count({
      where: {
        status: "SUSPENDED",
        ...(actor.role === "GOV_OFFICE" ? { enterprise: { subDistrictId: actor.subDistrictId } } : {}),
      },
    }),
    actor.role === "GOV_BUREAU" ? countOpenObjections(now) : Promise.resolve(null),
    listNotifications(actor, 6),
  ]);
  return {
    summary,
    queues: { requested, pending, followUps, suspended, objections },
    notifications,
  };
}
