import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { ClearFilters, DataTable, type Column } from "~/components/list-kit";
import { overdueRow, useLoanColumns } from "~/components/loan-columns";
import { RiskClassBadge } from "~/components/loan-view";
import { EmptyState, PageHeader } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { useLocale, useT } from "~/i18n/use-t";
import { requireBankUser } from "~/permissions.server";

import { LoanFigures } from "./loan-figures";
import { LoanFilters } from "./loan-filters";
import { loansPage } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  return loansPage(actor, new URL(request.url).searchParams);
}

type Loan = SerializeFrom<typeof loader>["loans"][number];

export default function BankLoans() {
  const { loans, total, page, sort, figures, products, pageSize, statuses } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const shared = useLoanColumns<Loan>();
  const columns: Column<Loan>[] = [
    {
      key: "number",
      header: t("loans.common.number"),
      cell: (loan) => (
        <>
          <Link to={`/bank/loans/${loan.id}`} className="font-medium text-brand-700 hover:underline">
            {loan.number}
          </Link>
          <p className="text-xs text-slate-600">{loan.enterprise}</p>
        </>
      ),
    },
    { key: "product", header: t("loans.common.product"), cell: (loan) => loan.product },
    shared.outstanding,
    shared.dpd(t("loans.common.dpd")),
    {
      key: "class",
      header: t("loans.common.riskClass"),
      nowrap: true,
      cell: (loan) => (loan.status === "ACTIVE" ? <RiskClassBadge riskClass={loan.riskClass} /> : "—"),
    },
    shared.flag(
      "filed",
      t("loans.bankList.filed"),
      (loan) => loan.filed,
      t("loans.bankList.filedYes"),
      t("loans.bankList.filedNo"),
    ),
    {
      key: "disbursed",
      header: t("loans.common.disbursedOn"),
      sortable: "desc",
      nowrap: true,
      cell: (loan) => formatDay(loan.disbursedOn, locale),
    },
    {
      key: "maturity",
      header: t("loans.common.maturityOn"),
      sortable: "asc",
      nowrap: true,
      cell: (loan) => formatDay(loan.maturityOn, locale),
    },
    shared.status,
  ];
  return (
    <div>
      <BankNav />
      <PageHeader title={t("loans.bankList.title")} description={t("loans.bankList.intro")} />
      <LoanFigures figures={figures} />
      <LoanFilters products={products} statuses={statuses} />
      <p className="mb-3 text-sm text-slate-600">{t("loans.bankList.count", { count: total })}</p>
      <DataTable
        label={t("loans.bankList.title")}
        rows={loans}
        rowKey={(loan) => loan.id}
        columns={columns}
        sort={sort}
        rowClassName={overdueRow}
        empty={
          <EmptyState
            title={t("loans.bankList.empty")}
            hint={t("loans.bankList.emptyHint")}
            action={<ClearFilters to="/bank/loans" />}
          />
        }
        pagination={{ page, pageSize, total }}
      />
    </div>
  );
}
