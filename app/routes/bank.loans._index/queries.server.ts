import { PAGE_SIZE, parseChoice, parseId, parseListQuery } from "~/domain/list-query";
import { DPD_BANDS, RISK_CLASSES } from "~/domain/loan-servicing";
import { shanghaiDate } from "~/domain/shanghai-time";
import type { BankActor } from "~/models/actor";
import {
  LOAN_SORTS,
  LOAN_STATUSES,
  listLoanProducts,
  listLoans,
  loanFigures,
  type LoanFilters,
} from "~/models/loan-view.server";

const FILED = ["yes", "no"] as const;

/** The bank's loan book: one filtered, sorted page of loans, the figures of the filter and the products to pick. */
export async function loansPage(actor: BankActor, params: URLSearchParams) {
  const { page, sort } = parseListQuery(params, LOAN_SORTS, { key: "dpd", dir: "desc" });
  const filed = parseChoice(FILED, params.get("filed"));
  const products = await listLoanProducts(actor);
  const productId = parseId(params.get("product"));
  const filters: LoanFilters = {
    riskClass: parseChoice(RISK_CLASSES, params.get("class")) ?? null,
    band: parseChoice(DPD_BANDS, params.get("band")) ?? null,
    status: parseChoice(LOAN_STATUSES, params.get("status")) ?? null,
    filed: filed === undefined ? null : filed === "yes",
    // only a product of the bank's own loans; another id is ignored (the scope is in the query anyway)
    productId: products.some((p) => p.id === productId) ? productId : null,
  };
  const [{ items, total }, figures] = await Promise.all([
    listLoans(actor, { filters, sort: sort.key, dir: sort.dir, page }),
    loanFigures(actor, filters),
  ]);
  const loans = items.map((loan) => ({
    id: loan.id,
    number: loan.application.number,
    enterprise: loan.enterprise.name,
    product: loan.product.name,
    principalFen: loan.principalFen,
    outstandingPrincipalFen: loan.outstandingPrincipalFen,
    disbursedOn: shanghaiDate(loan.disbursedOn),
    maturityOn: shanghaiDate(loan.maturityOn),
    status: loan.status,
    dpd: loan.dpd,
    riskClass: loan.riskClass,
    filed: loan.filed,
  }));
  return {
    loans,
    total,
    page,
    sort,
    figures,
    products: products.map((p) => ({ id: p.id, name: p.name, version: p.version })),
    // values of the server module travel through the loader (it never reaches the browser)
    pageSize: PAGE_SIZE,
    statuses: LOAN_STATUSES,
  };
}
