import { PAGE_SIZE, parseId, parsePage } from "~/domain/list-query";
import type { GovActor } from "~/models/actor";
import { firmPickerStart } from "~/models/gov-firms.server";
import { listVisits } from "~/models/visit.server";

/**
 * A page of visits (of one firm with ?firm=) and, for an office who logs them, whether it has
 * firms to pick and the one a link chose.
 */
export async function visitsPage(actor: GovActor, params: URLSearchParams) {
  const enterpriseId = parseId(params.get("firm"));
  const page = parsePage(params.get("page"));
  const office = actor.role === "GOV_OFFICE";
  const [list, picker] = await Promise.all([
    listVisits(actor, { enterpriseId, page, pageSize: PAGE_SIZE }),
    office ? firmPickerStart(actor, enterpriseId) : { hasFirms: false, chosenFirm: null },
  ]);
  return { ...list, ...picker, page };
}
