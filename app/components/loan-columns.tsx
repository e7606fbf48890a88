/**
 * The columns the bank's and the firm's loan lists share (money arrives as decimal strings of 分).
 * Each list adds its own: the bank sees the firm, the class and the filing; the firm its bank and
 * next instalment.
 */
import type { ReactNode } from "react";

import { formatFen } from "~/domain/money-fen";
import { useT, useTDynamic } from "~/i18n/use-t";

import type { Column } from "./list-kit";
import { OverdueBadge } from "./loan-view";
import { Badge } from "./ui";

type LoanRow = { outstandingPrincipalFen: string; principalFen: string; status: string; dpd: number };

/** An active loan that is overdue is tinted in either list. */
export const overdueRow = (loan: LoanRow) =>
  loan.dpd > 0 && loan.status === "ACTIVE" ? "bg-red-50/40" : undefined;

export function useLoanColumns<Loan extends LoanRow>() {
  const t = useT();
  const td = useTDynamic();
  const outstanding: Column<Loan> = {
    key: "outstanding",
    header: t("loans.common.outstanding"),
    align: "right",
    nowrap: true,
    sortable: "desc",
    cell: (loan) => (
      <>
        {formatFen(loan.outstandingPrincipalFen)}
        <p className="text-xs text-slate-500">
          {t("loans.common.principal")} {formatFen(loan.principalFen)}
        </p>
      </>
    ),
  };
  const status: Column<Loan> = {
    key: "status",
    header: t("loans.common.status"),
    nowrap: true,
    cell: (loan) => td(`loans.status.${loan.status}`),
  };
  return {
    outstanding,
    status,
    /** days past due of an active loan (a closed one shows a dash) */
    dpd: (header: ReactNode): Column<Loan> => ({
      key: "dpd",
      header,
      sortable: "desc",
      nowrap: true,
      cell: (loan) => (loan.status === "ACTIVE" ? <OverdueBadge dpd={loan.dpd} /> : "—"),
    }),
    /** a yes/no column: a green badge for yes, plain text for no */
    flag: (
      key: string,
      header: ReactNode,
      isYes: (loan: Loan) => boolean,
      yes: string,
      no: string,
    ): Column<Loan> => ({
      key,
      header,
      nowrap: true,
      cell: (loan) => (isYes(loan) ? <Badge tone="green">{yes}</Badge> : no),
    }),
  };
}
