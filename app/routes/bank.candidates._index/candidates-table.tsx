import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { useSectionName } from "~/components/bank-credit-profile";
import { ClearFilters, DataTable, type Column } from "~/components/list-kit";
import { Badge, EmptyState } from "~/components/ui";
import { CANDIDATES_PAGE_SIZE } from "~/domain/bank-choices";
import { formatDate } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Candidate = SerializeFrom<typeof loader>["candidates"][number];

/** One page of candidate firms: name and USCC, industry and size, sub-district, credit, demand and authorisation. */
export function CandidatesTable({
  candidates,
  page,
  total,
}: {
  candidates: Candidate[];
  page: number;
  total: number;
}) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const sectionName = useSectionName();
  const columns: Column<Candidate>[] = [
    {
      key: "firm",
      header: t("bank.candidates.columns.firm"),
      cell: (firm) => (
        <>
          <Link to={`/bank/candidates/${firm.id}`} className="font-medium text-brand-700 hover:underline">
            {firm.name}
          </Link>
          <span className="block font-mono text-xs text-slate-500">{firm.uscc}</span>
          {firm.whitelisted && <Badge tone="green">{t("bank.profile.whitelisted")}</Badge>}
        </>
      ),
    },
    {
      key: "industry",
      header: t("bank.candidates.columns.industry"),
      cell: (firm) => (
        <>
          {sectionName(firm.sectionCode)}
          <span className="block text-xs text-slate-500">{td(`domain.size.${firm.size}`)}</span>
        </>
      ),
    },
    {
      key: "subDistrict",
      header: t("bank.candidates.columns.subDistrict"),
      cell: (firm) => (locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn),
    },
    {
      key: "credit",
      header: t("bank.candidates.columns.credit"),
      nowrap: true,
      cell: (firm) =>
        firm.credit ? (
          t("bank.candidates.creditSummary", {
            tax: firm.credit.taxGrade ?? "—",
            rating: firm.credit.publicRating ?? "—",
          })
        ) : (
          <span className="text-slate-500">{t("bank.candidates.basicOnly")}</span>
        ),
    },
    {
      key: "demand",
      header: t("bank.candidates.columns.demand"),
      nowrap: true,
      cell: (firm) =>
        firm.openDemand
          ? t("bank.candidates.demandSummary", {
              count: firm.openDemand.count,
              amount: formatYuanAsWan(firm.openDemand.maxYuan, locale),
            })
          : t("bank.candidates.noDemand"),
    },
    {
      key: "authorization",
      header: t("bank.candidates.columns.authorization"),
      nowrap: true,
      cell: (firm) => (
        <>
          <Badge tone={firm.scope === "FULL" ? "blue" : "gray"}>{t(`domain.scope.${firm.scope}`)}</Badge>
          {firm.authorizedUntil && (
            <span className="block text-xs text-slate-500">
              {t("bank.candidates.authorizedUntil", { date: formatDate(firm.authorizedUntil, locale) })}
            </span>
          )}
        </>
      ),
    },
  ];
  return (
    <DataTable
      label={t("bank.candidates.title")}
      rows={candidates}
      rowKey={(firm) => firm.id}
      columns={columns}
      empty={
        <EmptyState
          title={t("bank.candidates.empty")}
          hint={t("bank.candidates.emptyHint")}
          action={<ClearFilters to="/bank/candidates" />}
        />
      }
      pagination={{ page, pageSize: CANDIDATES_PAGE_SIZE, total }}
    />
  );
}
