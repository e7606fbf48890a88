import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { useSectionName } from "~/components/bank-credit-profile";
import { BankNav } from "~/components/bank-nav";
import { MoneyField, SelectField, TextField } from "~/components/form-kit";
import { ClearFilters, DataTable, FilterForm, type Column } from "~/components/list-kit";
import { Badge, EmptyState, PageHeader } from "~/components/ui";
import {
  CANDIDATES_PAGE_SIZE,
  CANDIDATE_SORTS,
  PRODUCT_SIZES,
  PUBLIC_RATINGS,
  TAX_GRADES,
} from "~/domain/bank-choices";
import { parseChoice, parseId, parsePage, parseSearch } from "~/domain/list-query";
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
    q: parseSearch(params.get("q")),
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

type Candidate = SerializeFrom<typeof loader>["candidates"][number];

export default function BankCandidates() {
  const { candidates, total, capped, subDistricts, errors, page } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const sectionName = useSectionName();
  const any = t("bank.candidates.any");
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
    <div>
      <BankNav />
      <PageHeader title={t("bank.candidates.title")} description={t("bank.candidates.intro")} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <FilterForm
          label={t("bank.candidates.filters")}
          title={t("bank.candidates.filters")}
          resetTo="/bank/candidates"
          errors={errors}
          layout="sidebar"
        >
          <TextField name="q" label={t("bank.candidates.keyword")} maxLength={50} />
          <SelectField
            name="section"
            label={t("bank.candidates.section")}
            placeholder={any}
            options={SECTIONS.map((s) => ({
              value: s.code,
              label: `${s.code} ${locale === "zh-CN" ? s.zh : s.en}`,
            }))}
          />
          <SelectField
            name="size"
            label={t("bank.candidates.size")}
            placeholder={any}
            options={PRODUCT_SIZES.map((s) => ({ value: s, label: t(`domain.size.${s}`) }))}
          />
          <SelectField
            name="subDistrict"
            label={t("bank.candidates.subDistrict")}
            placeholder={any}
            options={subDistricts.map((s) => ({
              value: s.id,
              label: locale === "zh-CN" ? s.name : s.nameEn,
            }))}
          />
          <SelectField
            name="whitelist"
            label={t("bank.candidates.whitelist")}
            placeholder={any}
            options={[
              { value: "yes", label: t("bank.candidates.whitelistYes") },
              { value: "no", label: t("bank.candidates.whitelistNo") },
            ]}
          />
          <SelectField
            name="tax"
            label={t("bank.candidates.minTaxGrade")}
            placeholder={any}
            options={TAX_GRADES.map((g) => ({ value: g, label: g }))}
          />
          <SelectField
            name="rating"
            label={t("bank.candidates.minPublicRating")}
            placeholder={any}
            options={PUBLIC_RATINGS.map((g) => ({ value: g, label: g }))}
          />
          <p className="-mt-2 text-xs text-slate-500">{t("bank.candidates.fullOnlyHint")}</p>
          <MoneyField name="demand" label={t("bank.candidates.minDemand")} maxLength={20} />
          <SelectField
            name="sort"
            label={t("bank.candidates.sort")}
            defaultValue="newest"
            options={CANDIDATE_SORTS.map((sort) => ({
              value: sort,
              label: t(`bank.candidates.sorts.${sort}`),
            }))}
          />
        </FilterForm>
        <section aria-label={t("bank.candidates.title")} className="min-w-0">
          <p className="mb-3 text-sm text-slate-600">
            {capped
              ? t("bank.candidates.countCapped", { count: total })
              : t("bank.candidates.count", { count: total })}
          </p>
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
        </section>
      </div>
    </div>
  );
}
