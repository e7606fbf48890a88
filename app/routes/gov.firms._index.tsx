import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { GovNav, SortHeader } from "~/components/gov-nav";
import { Pagination } from "~/components/pagination";
import { Badge, EmptyState, Field, PageHeader, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { ENTERPRISE_SIZES } from "~/domain/enterprise-size";
import { formatDate } from "~/domain/format-date";
import { SECTIONS, SECTION_CODES } from "~/domain/industry";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { FIRM_SORTS, WHITELIST_FILTERS } from "~/models/gov-codes";
import { listGovFirms } from "~/models/gov-firms.server";
import { GOV_PAGE_SIZE, parseChoice, parsePage, parseSort } from "~/models/gov-query";
import { requireGovUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const params = new URL(request.url).searchParams;
  const filters = {
    q: params.get("q")?.trim().slice(0, 50) || null,
    size: parseChoice(ENTERPRISE_SIZES, params.get("size")),
    section: parseChoice(SECTION_CODES, params.get("section")),
    whitelist: parseChoice(WHITELIST_FILTERS, params.get("whitelist")),
    openDemand: params.get("demand") === "open",
    overdue: params.get("overdue") === "yes",
  };
  const sort = parseSort(params, FIRM_SORTS, { key: "name", dir: "asc" });
  const page = parsePage(params.get("page"));
  const result = await listGovFirms(actor, { filters, sort, page, pageSize: GOV_PAGE_SIZE });
  return { role: actor.role, ...result, sort, page };
}

export default function GovFirms() {
  const { role, firms, total, sort, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <div>
      <GovNav role={role} />
      <PageHeader
        title={role === "GOV_OFFICE" ? t("gov.firms.titleOffice") : t("gov.firms.titleBureau")}
        description={t("gov.firms.intro")}
      />
      <Form
        method="get"
        className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4"
        aria-label={t("gov.firms.filters")}
      >
        <input type="hidden" name="sort" value={sort.key} />
        <input type="hidden" name="dir" value={sort.dir} />
        <Field id="q" label={t("gov.firms.search")}>
          <input
            {...fieldAria("q")}
            name="q"
            defaultValue={params.get("q") ?? ""}
            maxLength={50}
            placeholder={t("gov.firms.searchPlaceholder")}
            className={inputClass}
          />
        </Field>
        <Field id="size" label={t("gov.firms.size")}>
          <select
            {...fieldAria("size")}
            name="size"
            defaultValue={params.get("size") ?? ""}
            className={inputClass}
          >
            <option value="">{t("gov.common.any")}</option>
            {ENTERPRISE_SIZES.map((size) => (
              <option key={size} value={size}>
                {td(`domain.size.${size}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="section" label={t("gov.firms.industry")}>
          <select
            {...fieldAria("section")}
            name="section"
            defaultValue={params.get("section") ?? ""}
            className={inputClass}
          >
            <option value="">{t("gov.common.any")}</option>
            {SECTIONS.map((section) => (
              <option key={section.code} value={section.code}>
                {section.code} {locale === "zh-CN" ? section.zh : section.en}
              </option>
            ))}
          </select>
        </Field>
        <Field id="whitelist" label={t("gov.firms.whitelist")}>
          <select
            {...fieldAria("whitelist")}
            name="whitelist"
            defaultValue={params.get("whitelist") ?? ""}
            className={inputClass}
          >
            <option value="">{t("gov.common.any")}</option>
            <option value="yes">{t("gov.firms.whitelistYes")}</option>
            <option value="no">{t("gov.firms.whitelistNo")}</option>
          </select>
        </Field>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="demand"
            value="open"
            defaultChecked={params.get("demand") === "open"}
            className="size-4"
          />
          {t("gov.firms.hasOpenDemand")}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="overdue"
            value="yes"
            defaultChecked={params.get("overdue") === "yes"}
            className="size-4"
          />
          {t("gov.firms.hasOverdue")}
        </label>
        <div className="flex gap-2 lg:col-span-2 lg:justify-end">
          <button type="submit" className={buttonClass("primary")}>
            {t("common.actions.filter")}
          </button>
          <Link to="/gov/firms" className={buttonClass("secondary")}>
            {t("common.actions.reset")}
          </Link>
        </div>
      </Form>
      <p className="mb-3 text-sm text-slate-600">{t("gov.firms.count", { count: total })}</p>
      {firms.length === 0 ? (
        <EmptyState
          title={t("gov.firms.empty")}
          hint={t("gov.firms.emptyHint")}
          action={
            <Link to="/gov/firms" className={buttonClass("secondary")}>
              {t("common.actions.clearFilters")}
            </Link>
          }
        />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <SortHeader column="name" current={sort}>
                  {t("gov.firms.columns.name")}
                </SortHeader>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.firms.columns.industry")}
                </th>
                <SortHeader column="size" current={sort}>
                  {t("gov.firms.columns.size")}
                </SortHeader>
                <SortHeader column="taxGrade" current={sort}>
                  {t("gov.firms.columns.credit")}
                </SortHeader>
                {role === "GOV_BUREAU" && (
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("gov.firms.columns.subDistrict")}
                  </th>
                )}
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.firms.columns.status")}
                </th>
                <SortHeader column="createdAt" current={sort} firstDir="desc">
                  {t("gov.firms.columns.registered")}
                </SortHeader>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {firms.map((firm) => (
                <tr key={firm.id}>
                  <td className="px-4 py-3">
                    <Link to={`/gov/firms/${firm.id}`} className="font-medium text-brand-700 hover:underline">
                      {firm.name}
                    </Link>
                    <p className="font-mono text-xs text-slate-500">{firm.uscc}</p>
                  </td>
                  <td className="px-4 py-3">
                    {firm.sectionCode}
                    {firm.divisionCode ? ` / ${firm.divisionCode}` : ""}
                  </td>
                  <td className="px-4 py-3">{td(`domain.size.${firm.size}`)}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {firm.taxGrade ? t("gov.firm.taxShort", { grade: firm.taxGrade }) : t("gov.common.none")}
                    {" · "}
                    {firm.publicRating
                      ? t("gov.firm.ratingShort", { grade: firm.publicRating })
                      : t("gov.common.none")}
                  </td>
                  {role === "GOV_BUREAU" && (
                    <td className="px-4 py-3">
                      {locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn}
                    </td>
                  )}
                  <td className="px-4 py-3">
                    <div className="flex flex-wrap gap-1">
                      {firm.whitelisted && <Badge tone="green">{t("gov.firms.badges.whitelisted")}</Badge>}
                      {firm.onDishonestyList && <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>}
                      {firm.openDemands > 0 && (
                        <Badge tone="blue">
                          {t("gov.firms.badges.openDemand", { count: firm.openDemands })}
                        </Badge>
                      )}
                      {firm.overdue && <Badge tone="amber">{t("gov.firms.badges.overdue")}</Badge>}
                    </div>
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDate(firm.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={GOV_PAGE_SIZE} total={total} />
    </div>
  );
}
