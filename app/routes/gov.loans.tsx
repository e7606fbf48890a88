import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { SelectField } from "~/components/form-kit";
import { GovNav } from "~/components/gov-nav";
import { DataTable, type Column } from "~/components/list-kit";
import { FilterForm } from "~/components/filter-form";
import { EmptyState, PageHeader, Stat } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { parseId } from "~/domain/list-query";
import { formatBp } from "~/domain/money";
import { formatFenAsWan } from "~/domain/money-fen";
import { useLocale, useT } from "~/i18n/use-t";
import { listSubDistricts } from "~/models/candidate.server";
import { govLoanFigures } from "~/models/loan-pages.server";
import { requireGovUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const params = new URL(request.url).searchParams;
  // the bureau may narrow to one sub-district; an office's scope is its own, whatever the URL says
  const subDistricts = actor.role === "GOV_BUREAU" ? await listSubDistricts() : [];
  const asked = parseId(params.get("subDistrict"));
  const subDistrictId = subDistricts.some((s) => s.id === asked) ? asked : null;
  const figures = await govLoanFigures(actor, { subDistrictId });
  return { role: actor.role, subDistricts, ...figures };
}

type Row = SerializeFrom<typeof loader>["byBank"][number];

export default function GovLoans() {
  const { role, subDistricts, today, totals, byBank, bySubDistrict } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const bureau = role === "GOV_BUREAU";
  const money = (fen: string) => formatFenAsWan(fen, locale);
  const columns = (first: string): Column<Row>[] => [
    { key: "name", header: first, cell: (row) => (locale === "zh-CN" ? row.name : row.nameEn) },
    { key: "active", header: t("loans.gov.active"), align: "right", cell: (row) => row.active },
    {
      key: "outstanding",
      header: t("loans.gov.outstanding"),
      align: "right",
      nowrap: true,
      cell: (row) => money(row.outstandingFen),
    },
    {
      key: "overdue",
      header: t("loans.gov.overdue"),
      align: "right",
      nowrap: true,
      cell: (row) => money(row.overdueFen),
    },
    {
      key: "overdueRatio",
      header: t("loans.gov.overdueRatio"),
      align: "right",
      cell: (row) => formatBp(row.overdueBp),
    },
    {
      key: "npl",
      header: t("loans.gov.npl"),
      align: "right",
      nowrap: true,
      cell: (row) => money(row.nplFen),
    },
    { key: "nplRatio", header: t("loans.gov.nplRatio"), align: "right", cell: (row) => formatBp(row.nplBp) },
  ];
  const empty = <EmptyState title={t("loans.gov.empty")} hint={t("loans.gov.emptyHint")} />;
  return (
    <div>
      <GovNav role={role} />
      <PageHeader
        title={t("loans.gov.title")}
        description={bureau ? t("loans.gov.introBureau") : t("loans.gov.introOffice")}
      />
      {bureau && (
        <FilterForm label={t("loans.gov.filters")} resetTo="/gov/loans">
          <SelectField
            name="subDistrict"
            label={t("loans.gov.subDistrict")}
            placeholder={t("loans.gov.anySubDistrict")}
            options={subDistricts.map((s) => ({
              value: s.id,
              label: locale === "zh-CN" ? s.name : s.nameEn,
            }))}
          />
        </FilterForm>
      )}
      <dl className="mb-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("loans.gov.active")} value={totals.active} />
        <Stat label={t("loans.gov.outstanding")} value={money(totals.outstandingFen)} />
        <Stat
          label={t("loans.gov.overdueRatio")}
          value={formatBp(totals.overdueBp)}
          hint={`${t("loans.gov.overdue")} ${money(totals.overdueFen)}`}
        />
        <Stat
          label={t("loans.gov.nplRatio")}
          value={formatBp(totals.nplBp)}
          hint={`${t("loans.gov.npl")} ${money(totals.nplFen)}`}
        />
      </dl>
      <p className="mb-6 text-xs text-slate-500">
        {t("loans.gov.definitions", { date: formatDay(today, locale) })}
      </p>
      <div className="flex flex-col gap-6">
        <section aria-labelledby="by-bank">
          <h2 id="by-bank" className="mb-3 text-lg font-semibold text-slate-900">
            {t("loans.gov.byBank")}
          </h2>
          <DataTable
            label={t("loans.gov.byBank")}
            rows={byBank}
            rowKey={(row) => row.key}
            columns={columns(t("loans.gov.bank"))}
            empty={empty}
          />
        </section>
        {bureau && (
          <section aria-labelledby="by-sub-district">
            <h2 id="by-sub-district" className="mb-3 text-lg font-semibold text-slate-900">
              {t("loans.gov.bySubDistrict")}
            </h2>
            <DataTable
              label={t("loans.gov.bySubDistrict")}
              rows={bySubDistrict}
              rowKey={(row) => row.key}
              columns={columns(t("loans.gov.subDistrict"))}
              empty={empty}
            />
          </section>
        )}
      </div>
    </div>
  );
}
