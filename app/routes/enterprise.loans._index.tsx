import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { DataTable, type Column } from "~/components/list-kit";
import { overdueRow, useLoanColumns } from "~/components/loan-columns";
import { EmptyState, PageHeader } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { PAGE_SIZE, parseListQuery } from "~/domain/list-query";
import { formatFen } from "~/domain/money-fen";
import { useLocale, useT } from "~/i18n/use-t";
import { nextDueOf } from "~/models/loan-pages.server";
import { LOAN_SORTS, listLoans } from "~/models/loan-view.server";
import { requireEnterpriseUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const params = new URL(request.url).searchParams;
  const { page, sort } = parseListQuery(params, LOAN_SORTS, { key: "dpd", dir: "desc" });
  const { items, total } = await listLoans(actor, { sort: sort.key, dir: sort.dir, page });
  const next = await nextDueOf(
    actor,
    items.map((loan) => loan.id),
  );
  const loans = items.map((loan) => ({
    id: loan.id,
    number: loan.application.number,
    bank: loan.bank,
    product: loan.product.name,
    principalFen: loan.principalFen,
    outstandingPrincipalFen: loan.outstandingPrincipalFen,
    status: loan.status,
    dpd: loan.dpd,
    covered: loan.filed,
    nextDue: next.get(loan.id) ?? null,
  }));
  return { loans, total, page, sort, pageSize: PAGE_SIZE };
}

type Loan = SerializeFrom<typeof loader>["loans"][number];

export default function EnterpriseLoans() {
  const { loans, total, page, sort, pageSize } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const shared = useLoanColumns<Loan>();
  const columns: Column<Loan>[] = [
    {
      key: "number",
      header: t("loans.common.number"),
      nowrap: true,
      cell: (loan) => (
        <Link to={`/enterprise/loans/${loan.id}`} className="font-medium text-brand-700 hover:underline">
          {loan.number}
        </Link>
      ),
    },
    {
      key: "bank",
      header: t("loans.common.bank"),
      cell: (loan) => (
        <>
          {locale === "zh-CN" ? loan.bank.name : loan.bank.nameEn}
          <p className="text-xs text-slate-500">{loan.product}</p>
        </>
      ),
    },
    shared.outstanding,
    {
      key: "nextDue",
      header: t("loans.common.nextDue"),
      nowrap: true,
      cell: (loan) =>
        loan.nextDue
          ? t("loans.common.nextDueValue", {
              date: formatDay(loan.nextDue.dueOn, locale),
              amount: formatFen(loan.nextDue.amountFen),
            })
          : "—",
    },
    shared.dpd(t("loans.common.overdue")),
    shared.flag(
      "covered",
      t("loans.common.covered"),
      (loan) => loan.covered,
      t("loans.common.coveredYes"),
      t("loans.common.coveredNo"),
    ),
    shared.status,
  ];
  return (
    <div>
      <EnterpriseNav />
      <PageHeader title={t("loans.enterprise.title")} description={t("loans.enterprise.intro")} />
      {total > 0 && (
        <p className="mb-3 text-sm text-slate-600">{t("loans.enterprise.count", { count: total })}</p>
      )}
      <DataTable
        label={t("loans.enterprise.title")}
        rows={loans}
        rowKey={(loan) => loan.id}
        columns={columns}
        sort={sort}
        rowClassName={overdueRow}
        empty={<EmptyState title={t("loans.enterprise.empty")} hint={t("loans.enterprise.emptyHint")} />}
        pagination={{ page, pageSize, total }}
      />
    </div>
  );
}
