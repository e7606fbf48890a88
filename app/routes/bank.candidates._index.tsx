import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { useSectionName } from "~/components/bank-credit-profile";
import { BankNav } from "~/components/bank-nav";
import { Pagination } from "~/components/pagination";
import { Badge, EmptyState, Field, PageHeader, buttonClass, fieldAria, inputClass } from "~/components/ui";
import {
  CANDIDATES_PAGE_SIZE,
  CANDIDATE_SORTS,
  PRODUCT_SIZES,
  PUBLIC_RATINGS,
  TAX_GRADES,
} from "~/domain/bank-choices";
import { parseChoice, parseId, parsePage } from "~/domain/list-query";
import { formatDate } from "~/domain/format-date";
import { SECTION_CODES, SECTIONS } from "~/domain/industry";
import { formatYuanAsWan, parseWanToYuan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listCandidates, listSubDistricts, type CandidateFilters } from "~/models/candidate.server";
import { requireBankUser } from "~/permissions.server";
import type { FieldErrors } from "~/utils/forms";

function parseFilters(params: URLSearchParams) {
  const errors: FieldErrors = {};
  const filters: CandidateFilters = {
    section: parseChoice(SECTION_CODES, params.get("section")),
    size: parseChoice([...PRODUCT_SIZES, "LARGE"] as const, params.get("size")),
    subDistrictId: parseId(params.get("subDistrict")),
    minTaxGrade: parseChoice(TAX_GRADES, params.get("tax")),
    minPublicRating: parseChoice(PUBLIC_RATINGS, params.get("rating")),
    q: params.get("q")?.trim().slice(0, 50) || undefined,
  };
  const whitelist = params.get("whitelist");
  if (whitelist === "yes" || whitelist === "no") filters.whitelisted = whitelist === "yes";
  const demand = params.get("demand")?.trim();
  if (demand) {
    const yuan = parseWanToYuan(demand);
    if (yuan === null || yuan <= 0) errors.demand = { key: "bank.errors.amount" };
    else filters.minDemandYuan = yuan;
  }
  return {
    filters,
    errors,
    sort: parseChoice(CANDIDATE_SORTS, params.get("sort")) ?? "newest",
    page: parsePage(params.get("page")),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const { filters, errors, sort, page } = parseFilters(new URL(request.url).searchParams);
  const [result, subDistricts] = await Promise.all([
    listCandidates(actor, { filters, sort, page }),
    listSubDistricts(),
  ]);
  return { ...result, subDistricts, errors };
}

export default function BankCandidates() {
  const { candidates, total, capped, subDistricts, errors, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const sectionName = useSectionName();
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <Field id={name} label={label}>
      <select {...fieldAria(name)} name={name} defaultValue={params.get(name) ?? ""} className={inputClass}>
        <option value="">{t("bank.candidates.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <div>
      <BankNav />
      <PageHeader title={t("bank.candidates.title")} description={t("bank.candidates.intro")} />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <Form
          method="get"
          aria-label={t("bank.candidates.filters")}
          className="flex flex-col gap-4 self-start rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <h2 className="font-semibold">{t("bank.candidates.filters")}</h2>
          <Field id="q" label={t("bank.candidates.keyword")}>
            <input
              {...fieldAria("q")}
              name="q"
              maxLength={50}
              defaultValue={params.get("q") ?? ""}
              className={inputClass}
            />
          </Field>
          {select(
            "section",
            t("bank.candidates.section"),
            SECTIONS.map((s) => ({ value: s.code, label: `${s.code} ${locale === "zh-CN" ? s.zh : s.en}` })),
          )}
          {select(
            "size",
            t("bank.candidates.size"),
            PRODUCT_SIZES.map((s) => ({ value: s, label: t(`domain.size.${s}`) })),
          )}
          {select(
            "subDistrict",
            t("bank.candidates.subDistrict"),
            subDistricts.map((s) => ({ value: s.id, label: locale === "zh-CN" ? s.name : s.nameEn })),
          )}
          {select("whitelist", t("bank.candidates.whitelist"), [
            { value: "yes", label: t("bank.candidates.whitelistYes") },
            { value: "no", label: t("bank.candidates.whitelistNo") },
          ])}
          {select(
            "tax",
            t("bank.candidates.minTaxGrade"),
            TAX_GRADES.map((g) => ({ value: g, label: g })),
          )}
          {select(
            "rating",
            t("bank.candidates.minPublicRating"),
            PUBLIC_RATINGS.map((g) => ({ value: g, label: g })),
          )}
          <p className="-mt-2 text-xs text-slate-500">{t("bank.candidates.fullOnlyHint")}</p>
          <Field id="demand" label={t("bank.candidates.minDemand")} error={errors.demand}>
            <input
              {...fieldAria("demand", errors.demand)}
              name="demand"
              inputMode="decimal"
              maxLength={20}
              defaultValue={params.get("demand") ?? ""}
              className={inputClass}
            />
          </Field>
          <Field id="sort" label={t("bank.candidates.sort")}>
            <select
              {...fieldAria("sort")}
              name="sort"
              defaultValue={params.get("sort") ?? "newest"}
              className={inputClass}
            >
              {CANDIDATE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`bank.candidates.sorts.${sort}`)}
                </option>
              ))}
            </select>
          </Field>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass("primary", "flex-1")}>
              {t("common.actions.filter")}
            </button>
            <Link to="/bank/candidates" className={buttonClass("secondary")}>
              {t("common.actions.reset")}
            </Link>
          </div>
        </Form>
        <section aria-label={t("bank.candidates.title")}>
          <p className="mb-3 text-sm text-slate-600">
            {capped
              ? t("bank.candidates.countCapped", { count: total })
              : t("bank.candidates.count", { count: total })}
          </p>
          {candidates.length === 0 ? (
            <EmptyState
              title={t("bank.candidates.empty")}
              hint={t("bank.candidates.emptyHint")}
              action={
                <Link to="/bank/candidates" className={buttonClass("secondary")}>
                  {t("common.actions.clearFilters")}
                </Link>
              }
            />
          ) : (
            <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-medium">
                      {t("bank.candidates.columns.firm")}
                    </th>
                    <th scope="col" className="px-4 py-3 font-medium">
                      {t("bank.candidates.columns.industry")}
                    </th>
                    <th scope="col" className="px-4 py-3 font-medium">
                      {t("bank.candidates.columns.subDistrict")}
                    </th>
                    <th scope="col" className="px-4 py-3 font-medium">
                      {t("bank.candidates.columns.credit")}
                    </th>
                    <th scope="col" className="px-4 py-3 font-medium">
                      {t("bank.candidates.columns.demand")}
                    </th>
                    <th scope="col" className="px-4 py-3 font-medium">
                      {t("bank.candidates.columns.authorization")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {candidates.map((firm) => (
                    <tr key={firm.id}>
                      <td className="px-4 py-3">
                        <Link
                          to={`/bank/candidates/${firm.id}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {firm.name}
                        </Link>
                        <span className="block font-mono text-xs text-slate-500">{firm.uscc}</span>
                        {firm.whitelisted && <Badge tone="green">{t("bank.profile.whitelisted")}</Badge>}
                      </td>
                      <td className="px-4 py-3">
                        {sectionName(firm.sectionCode)}
                        <span className="block text-xs text-slate-500">{td(`domain.size.${firm.size}`)}</span>
                      </td>
                      <td className="px-4 py-3">
                        {locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn}
                      </td>
                      <td className="px-4 py-3 whitespace-nowrap">
                        {firm.credit ? (
                          t("bank.candidates.creditSummary", {
                            tax: firm.credit.taxGrade ?? "—",
                            rating: firm.credit.publicRating ?? "—",
                          })
                        ) : (
                          <span className="text-slate-500">{t("bank.candidates.basicOnly")}</span>
                        )}
                      </td>
                      <td className="px-4 py-3 whitespace-nowrap">
                        {firm.openDemand
                          ? t("bank.candidates.demandSummary", {
                              count: firm.openDemand.count,
                              amount: formatYuanAsWan(firm.openDemand.maxYuan, locale),
                            })
                          : t("bank.candidates.noDemand")}
                      </td>
                      <td className="px-4 py-3 whitespace-nowrap">
                        <Badge tone={firm.scope === "FULL" ? "blue" : "gray"}>
                          {t(`domain.scope.${firm.scope}`)}
                        </Badge>
                        {firm.authorizedUntil && (
                          <span className="block text-xs text-slate-500">
                            {t("bank.candidates.authorizedUntil", {
                              date: formatDate(firm.authorizedUntil, locale),
                            })}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={page} pageSize={CANDIDATES_PAGE_SIZE} total={total} />
        </section>
      </div>
    </div>
  );
}
