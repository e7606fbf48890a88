import { CANDIDATE_SORTS, PRODUCT_SIZES, PUBLIC_RATINGS, TAX_GRADES } from "~/domain/bank-choices";
import { SECTION_CODES } from "~/domain/industry";
import { parseChoice, parseId, parsePage, parseSearch } from "~/domain/list-query";
import { parseWanToYuan } from "~/domain/money";
import type { BankActor } from "~/models/actor";
import { listCandidates, listSubDistricts, type CandidateFilters } from "~/models/candidate.server";
import type { FieldErrors } from "~/utils/forms";

function parseFilters(params: URLSearchParams) {
  const errors: FieldErrors = {};
  const filters: CandidateFilters = {
    section: parseChoice(SECTION_CODES, params.get("section")),
    size: parseChoice([...PRODUCT_SIZES, "LARGE"] as const, params.get("size")),
    subDistrictId: parseId(params.get("subDistrict")),
    minTaxGrade: parseChoice(TAX_GRADES, params.get("tax")),
    minPublicRating: parseChoice(PUBLIC_RATINGS, params.get("rating")),
    q: parseSearch(params.get("q")),
  };
  const whitelist = params.get("whitelist");
  if (whitelist === "yes" || whitelist === "no") filters.whitelisted = whitelist === "yes";
  const demand = params.get("demand")?.trim();
  if (demand) {
    const yuan = parseWanToYuan(demand);
    if (yuan === null || yuan <= 0) errors.demand = { key: "bank.errors.amount" };
    else filters.minDemandYuan = yuan;
  }
  return {
    filters,
    errors,
    sort: parseChoice(CANDIDATE_SORTS, params.get("sort")) ?? "newest",
    page: parsePage(params.get("page")),
  };
}

/** The candidates page: one page of firms under the filters (a bad amount comes back as a field error) and the sub-districts to pick. */
export async function candidatesPage(actor: BankActor, params: URLSearchParams) {
  const { filters, errors, sort, page } = parseFilters(params);
  const [result, subDistricts] = await Promise.all([
    listCandidates(actor, { filters, sort, page }),
    listSubDistricts(),
  ]);
  return { ...result, subDistricts, errors };
}
