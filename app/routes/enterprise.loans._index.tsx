import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { DataTable, type Column } from "~/components/list-kit";
import { OverdueBadge } from "~/components/loan-view";
import { Badge, EmptyState, PageHeader } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { PAGE_SIZE, parseListQuery } from "~/domain/list-query";
import { formatFen } from "~/domain/money-fen";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
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
  const td = useTDynamic();
  const locale = useLocale();
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
    {
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
    },
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
    {
      key: "dpd",
      header: t("loans.common.overdue"),
      sortable: "desc",
      nowrap: true,
      cell: (loan) => (loan.status === "ACTIVE" ? <OverdueBadge dpd={loan.dpd} /> : "—"),
    },
    {
      key: "covered",
      header: t("loans.common.covered"),
      nowrap: true,
      cell: (loan) =>
        loan.covered ? (
          <Badge tone="green">{t("loans.common.coveredYes")}</Badge>
        ) : (
          t("loans.common.coveredNo")
        ),
    },
    {
      key: "status",
      header: t("loans.common.status"),
      nowrap: true,
      cell: (loan) => td(`loans.status.${loan.status}`),
    },
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
        rowClassName={(loan) => (loan.dpd > 0 && loan.status === "ACTIVE" ? "bg-red-50/40" : undefined)}
        empty={<EmptyState title={t("loans.enterprise.empty")} hint={t("loans.enterprise.emptyHint")} />}
        pagination={{ page, pageSize, total }}
      />
    </div>
  );
}
