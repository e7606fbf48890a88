import { PAGE_SIZE, parseId, parsePage } from "~/domain/list-query";
import type { GovActor } from "~/models/actor";
import { listFirmChoices } from "~/models/gov-firms.server";
import { listVisits } from "~/models/visit.server";

/** A page of visits (of one firm with ?firm=) and, for an office who logs them, its firms to pick. */
export async function visitsPage(actor: GovActor, params: URLSearchParams) {
  const enterpriseId = parseId(params.get("firm"));
  const page = parsePage(params.get("page"));
  const [list, firms] = await Promise.all([
    listVisits(actor, { enterpriseId, page, pageSize: PAGE_SIZE }),
    actor.role === "GOV_OFFICE" ? listFirmChoices(actor, { include: enterpriseId }) : Promise.resolve([]),
  ]);
  return { ...list, firms, page };
}
