import type { BankActor } from "~/models/actor";
import { OFFER_STATUSES } from "~/domain/bank-choices";
import { parseChoice, parsePage } from "~/domain/list-query";
import { listAnswerableDemands, listOwnOffers } from "~/models/offer.server";

/** The offers page: the demands a bank may answer, or (tab=mine) its own offers by status. */
export async function offersPage(actor: BankActor, params: URLSearchParams) {
  const page = parsePage(params.get("page"));
  if (params.get("tab") === "mine") {
    const status = parseChoice(OFFER_STATUSES, params.get("status"));
    return { tab: "mine" as const, mine: await listOwnOffers(actor, { status, page }), demands: null, page };
  }
  return { tab: "demands" as const, demands: await listAnswerableDemands(actor, { page }), mine: null, page };
}
