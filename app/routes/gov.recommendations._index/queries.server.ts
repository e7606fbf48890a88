import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import type { GovActor } from "~/models/actor";
import { RECOMMENDATION_STATUSES } from "~/models/gov-codes";
import { listRecommendations } from "~/models/recommendation.server";

/** A page of recommendations of one status (all with none), with the count of each status. */
export async function recommendationsPage(actor: GovActor, params: URLSearchParams) {
  const status = parseChoice(RECOMMENDATION_STATUSES, params.get("status"));
  const page = parsePage(params.get("page"));
  return { status, page, ...(await listRecommendations(actor, { status, page, pageSize: PAGE_SIZE })) };
}
