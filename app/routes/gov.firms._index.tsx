import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { CheckboxField, SelectField, TextField } from "~/components/form-kit";
import { GovNav } from "~/components/gov-nav";
import { ClearFilters, DataTable, FilterForm, type Column } from "~/components/list-kit";
import { Badge, EmptyState, PageHeader } from "~/components/ui";
import { ENTERPRISE_SIZES } from "~/domain/enterprise-size";
import { formatDate } from "~/domain/format-date";
import { SECTIONS, SECTION_CODES } from "~/domain/industry";
import { PAGE_SIZE, parseChoice, parseListQuery, parseSearch } from "~/domain/list-query";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { FIRM_SORTS, WHITELIST_FILTERS } from "~/models/gov-codes";
import { listGovFirms } from "~/models/gov-firms.server";
import { requireGovUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const params = new URL(request.url).searchParams;
  const filters = {
    q: parseSearch(params.get("q")),
    size: parseChoice(ENTERPRISE_SIZES, params.get("size")),
    section: parseChoice(SECTION_CODES, params.get("section")),
    whitelist: parseChoice(WHITELIST_FILTERS, params.get("whitelist")),
    openDemand: params.get("demand") === "open",
    overdue: params.get("overdue") === "yes",
  };
  const { page, sort } = parseListQuery(params, FIRM_SORTS, { key: "name", dir: "asc" });
  const result = await listGovFirms(actor, { filters, sort, page, pageSize: PAGE_SIZE });
  return { role: actor.role, ...result, sort, page };
}

type Firm = SerializeFrom<typeof loader>["firms"][number];

export default function GovFirms() {
  const { role, firms, total, sort, page } = useLoaderData<typeof loader>();
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
  const any = t("gov.common.any");
  return (
    <div>
      <GovNav role={role} />
      <PageHeader
        title={role === "GOV_OFFICE" ? t("gov.firms.titleOffice") : t("gov.firms.titleBureau")}
        description={t("gov.firms.intro")}
      />
      <FilterForm label={t("gov.firms.filters")} resetTo="/gov/firms" keep={["sort", "dir"]}>
        <TextField
          name="q"
          label={t("gov.firms.search")}
          maxLength={50}
          placeholder={t("gov.firms.searchPlaceholder")}
        />
        <SelectField
          name="size"
          label={t("gov.firms.size")}
          placeholder={any}
          options={ENTERPRISE_SIZES.map((size) => ({ value: size, label: td(`domain.size.${size}`) }))}
        />
        <SelectField
          name="section"
          label={t("gov.firms.industry")}
          placeholder={any}
          options={SECTIONS.map((s) => ({
            value: s.code,
            label: `${s.code} ${locale === "zh-CN" ? s.zh : s.en}`,
          }))}
        />
        <SelectField
          name="whitelist"
          label={t("gov.firms.whitelist")}
          placeholder={any}
          options={[
            { value: "yes", label: t("gov.firms.whitelistYes") },
            { value: "no", label: t("gov.firms.whitelistNo") },
          ]}
        />
        <CheckboxField name="demand" value="open" label={t("gov.firms.hasOpenDemand")} />
        <CheckboxField name="overdue" value="yes" label={t("gov.firms.hasOverdue")} />
      </FilterForm>
      <p className="mb-3 text-sm text-slate-600">{t("gov.firms.count", { count: total })}</p>
      <DataTable
        label={role === "GOV_OFFICE" ? t("gov.firms.titleOffice") : t("gov.firms.titleBureau")}
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
    </div>
  );
}
