import { parseChoice, parsePage, parseSearch } from "~/domain/list-query";
import { parsePercentToBp, parseWanToYuan } from "~/domain/money";
import { GUARANTEE_TYPES, PRODUCT_SORTS, PRODUCT_TYPES, type ProductSort } from "~/domain/product-terms";
import type { CatalogFilters } from "~/models/product.server";

import type { FieldErrors } from "./forms";

export const CATALOG_PAGE_SIZE = 12;

/**
 * The catalogue's URL → filters. A value that does not parse is dropped and reported
 * next to its field; the page still shows (a bad bookmark is never an error page).
 */
export function parseCatalogQuery(params: URLSearchParams) {
  const errors: FieldErrors = {};
  const filters: CatalogFilters = {};
  filters.type = parseChoice(PRODUCT_TYPES, params.get("type"));
  filters.guarantee = parseChoice(GUARANTEE_TYPES, params.get("guarantee"));
  const bank = params.get("bank");
  if (bank && bank.length <= 40) filters.bankId = bank;
  filters.q = parseSearch(params.get("q"));

  const amount = params.get("amount")?.trim();
  if (amount) {
    const yuan = parseWanToYuan(amount);
    if (yuan === null || yuan <= 0) errors.amount = { key: "common.validation.invalid" };
    else filters.amountYuan = yuan;
  }
  const term = params.get("term")?.trim();
  if (term) {
    const months = /^\d{1,3}$/.test(term) ? Number(term) : NaN;
    if (!(months >= 1 && months <= 360)) errors.term = { key: "common.validation.invalid" };
    else filters.termMonths = months;
  }
  const rate = params.get("rate")?.trim();
  if (rate) {
    const bp = parsePercentToBp(rate);
    if (bp === null) errors.rate = { key: "common.validation.invalid" };
    else filters.maxRateBp = bp;
  }
  const sort: ProductSort = parseChoice(PRODUCT_SORTS, params.get("sort")) ?? "newest";
  return { filters, sort, page: parsePage(params.get("page")), errors };
}
