import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { SelectField } from "~/components/form-kit";
import { ClearFilters, DataTable, FilterForm, type Column } from "~/components/list-kit";
import { OverdueBadge, RiskClassBadge } from "~/components/loan-view";
import { Badge, EmptyState, PageHeader, Stat } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { PAGE_SIZE, parseChoice, parseId, parseListQuery } from "~/domain/list-query";
import { DPD_BANDS, RISK_CLASSES } from "~/domain/loan-codes";
import { formatBp } from "~/domain/money";
import { shanghaiDate } from "~/domain/shanghai-time";
import { formatFen, formatFenAsWan, ratioBp } from "~/domain/money-fen";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import {
  LOAN_SORTS,
  LOAN_STATUSES,
  listLoanProducts,
  listLoans,
  loanFigures,
  type LoanFilters,
} from "~/models/loan-view.server";
import { requireBankUser } from "~/permissions.server";

const FILED = ["yes", "no"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const params = new URL(request.url).searchParams;
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

type Loan = SerializeFrom<typeof loader>["loans"][number];

export default function BankLoans() {
  const { loans, total, page, sort, figures, products, pageSize, statuses } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const ratio = (part: string, whole: string) => formatBp(ratioBp(BigInt(part), BigInt(whole)));
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
      key: "dpd",
      header: t("loans.common.dpd"),
      sortable: "desc",
      nowrap: true,
      cell: (loan) => (loan.status === "ACTIVE" ? <OverdueBadge dpd={loan.dpd} /> : "—"),
    },
    {
      key: "class",
      header: t("loans.common.riskClass"),
      nowrap: true,
      cell: (loan) => (loan.status === "ACTIVE" ? <RiskClassBadge riskClass={loan.riskClass} /> : "—"),
    },
    {
      key: "filed",
      header: t("loans.bankList.filed"),
      nowrap: true,
      cell: (loan) =>
        loan.filed ? <Badge tone="green">{t("loans.bankList.filedYes")}</Badge> : t("loans.bankList.filedNo"),
    },
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
    {
      key: "status",
      header: t("loans.common.status"),
      nowrap: true,
      cell: (loan) => td(`loans.status.${loan.status}`),
    },
  ];
  return (
    <div>
      <BankNav />
      <PageHeader title={t("loans.bankList.title")} description={t("loans.bankList.intro")} />
      <dl className="mb-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("loans.bankList.stats.active")} value={figures.active} />
        <Stat
          label={t("loans.bankList.stats.outstanding")}
          value={formatFenAsWan(figures.outstandingFen, locale)}
        />
        <Stat
          label={t("loans.bankList.stats.overdue")}
          value={formatFenAsWan(figures.overdueFen, locale)}
          hint={t("loans.bankList.stats.overdueRatio", {
            ratio: ratio(figures.overdueFen, figures.outstandingFen),
          })}
        />
        <Stat
          label={t("loans.bankList.stats.npl")}
          value={formatFenAsWan(figures.nplFen, locale)}
          hint={t("loans.bankList.stats.nplRatio", { ratio: ratio(figures.nplFen, figures.outstandingFen) })}
        />
      </dl>
      <p className="mb-4 text-xs text-slate-500">{t("loans.bankList.stats.hint")}</p>
      <FilterForm label={t("loans.bankList.filters")} resetTo="/bank/loans" keep={["sort", "dir"]}>
        <SelectField
          name="class"
          label={t("loans.common.riskClass")}
          placeholder={t("loans.bankList.anyClass")}
          options={RISK_CLASSES.map((c) => ({ value: c, label: td(`loans.riskClass.${c}`) }))}
        />
        <SelectField
          name="band"
          label={t("loans.bankList.band")}
          placeholder={t("loans.bankList.anyBand")}
          options={DPD_BANDS.map((b) => ({ value: b, label: td(`loans.band.${b}`) }))}
        />
        <SelectField
          name="filed"
          label={t("loans.bankList.filed")}
          placeholder={t("loans.bankList.anyFiled")}
          options={[
            { value: "yes", label: t("loans.bankList.filedYes") },
            { value: "no", label: t("loans.bankList.filedNo") },
          ]}
        />
        <SelectField
          name="product"
          label={t("loans.bankList.product")}
          placeholder={t("loans.bankList.anyProduct")}
          options={products.map((p) => ({ value: p.id, label: `${p.name} (v${p.version})` }))}
        />
        <SelectField
          name="status"
          label={t("loans.bankList.status")}
          placeholder={t("loans.bankList.anyStatus")}
          options={statuses.map((s) => ({ value: s, label: td(`loans.status.${s}`) }))}
        />
      </FilterForm>
      <p className="mb-3 text-sm text-slate-600">{t("loans.bankList.count", { count: total })}</p>
      <DataTable
        label={t("loans.bankList.title")}
        rows={loans}
        rowKey={(loan) => loan.id}
        columns={columns}
        sort={sort}
        rowClassName={(loan) => (loan.dpd > 0 && loan.status === "ACTIVE" ? "bg-red-50/40" : undefined)}
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
