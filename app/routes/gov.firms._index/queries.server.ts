import { ENTERPRISE_SIZES } from "~/domain/enterprise-size";
import { SECTION_CODES } from "~/domain/industry";
import { PAGE_SIZE, parseChoice, parseListQuery, parseSearch } from "~/domain/list-query";
import type { GovActor } from "~/models/actor";
import { FIRM_SORTS, WHITELIST_FILTERS } from "~/models/gov-codes";
import { listGovFirms } from "~/models/gov-firms.server";

/** A sorted, filtered page of the firms the user may see. */
export async function firmsPage(actor: GovActor, params: URLSearchParams) {
  const filters = {
    q: parseSearch(params.get("q")),
    size: parseChoice(ENTERPRISE_SIZES, params.get("size")),
    section: parseChoice(SECTION_CODES, params.get("section")),
    whitelist: parseChoice(WHITELIST_FILTERS, params.get("whitelist")),
    openDemand: params.get("demand") === "open",
    overdue: params.get("overdue") === "yes",
  };
  const { page, sort } = parseListQuery(params, FIRM_SORTS, { key: "name", dir: "asc" });
  const result = await listGovFirms(actor, { filters, sort, page, pageSize: PAGE_SIZE });
  return { ...result, sort, page };
}
