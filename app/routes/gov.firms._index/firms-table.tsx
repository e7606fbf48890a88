import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { ClearFilters, DataTable, type Column } from "~/components/list-kit";
import { Badge, EmptyState } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Firm = Data["firms"][number];

/** The firms: name, industry, size, credit, (for the bureau) office, badges, registration day. */
export function FirmsTable({
  role,
  firms,
  sort,
  page,
  total,
  label,
}: Pick<Data, "role" | "firms" | "sort" | "page" | "total"> & { label: string }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const none = t("gov.common.none");
  const columns: (Column<Firm> | false)[] = [
    {
      key: "name",
      header: t("gov.firms.columns.name"),
      sortable: true,
      cell: (firm) => (
        <>
          <Link to={`/gov/firms/${firm.id}`} className="font-medium text-brand-700 hover:underline">
            {firm.name}
          </Link>
          <p className="font-mono text-xs text-slate-500">{firm.uscc}</p>
        </>
      ),
    },
    {
      key: "industry",
      header: t("gov.firms.columns.industry"),
      cell: (firm) => `${firm.sectionCode}${firm.divisionCode ? ` / ${firm.divisionCode}` : ""}`,
    },
    {
      key: "size",
      header: t("gov.firms.columns.size"),
      sortable: true,
      cell: (firm) => td(`domain.size.${firm.size}`),
    },
    {
      key: "taxGrade",
      header: t("gov.firms.columns.credit"),
      sortable: true,
      nowrap: true,
      cell: (firm) =>
        `${firm.taxGrade ? t("gov.firm.taxShort", { grade: firm.taxGrade }) : none} · ${
          firm.publicRating ? t("gov.firm.ratingShort", { grade: firm.publicRating }) : none
        }`,
    },
    role === "GOV_BUREAU" && {
      key: "subDistrict",
      header: t("gov.firms.columns.subDistrict"),
      cell: (firm) => (locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn),
    },
    {
      key: "status",
      header: t("gov.firms.columns.status"),
      cell: (firm) => (
        <div className="flex flex-wrap gap-1">
          {firm.whitelisted && <Badge tone="green">{t("gov.firms.badges.whitelisted")}</Badge>}
          {firm.onDishonestyList && <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>}
          {firm.openDemands > 0 && (
            <Badge tone="blue">{t("gov.firms.badges.openDemand", { count: firm.openDemands })}</Badge>
          )}
          {firm.overdue && <Badge tone="amber">{t("gov.firms.badges.overdue")}</Badge>}
        </div>
      ),
    },
    {
      key: "createdAt",
      header: t("gov.firms.columns.registered"),
      sortable: "desc",
      nowrap: true,
      cell: (firm) => formatDate(firm.createdAt, locale),
    },
  ];
  return (
    <DataTable
      label={label}
      rows={firms}
      rowKey={(firm) => firm.id}
      columns={columns}
      sort={sort}
      empty={
        <EmptyState
          title={t("gov.firms.empty")}
          hint={t("gov.firms.emptyHint")}
          action={<ClearFilters to="/gov/firms" />}
        />
      }
      pagination={{ page, pageSize: PAGE_SIZE, total }}
    />
  );
}
