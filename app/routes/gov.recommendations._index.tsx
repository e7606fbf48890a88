import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { Pagination } from "~/components/pagination";
import { Badge, EmptyState, PageHeader, buttonClass, cx } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { RECOMMENDATION_STATUSES } from "~/models/gov-codes";
import { listRecommendations } from "~/models/recommendation.server";
import { requireGovUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const params = new URL(request.url).searchParams;
  const status = parseChoice(RECOMMENDATION_STATUSES, params.get("status"));
  const page = parsePage(params.get("page"));
  return {
    role: actor.role,
    status,
    page,
    ...(await listRecommendations(actor, { status, page, pageSize: PAGE_SIZE })),
  };
}

const STATUS_TONES = {
  REQUESTED: "amber",
  PENDING: "blue",
  APPROVED: "green",
  REJECTED: "red",
  DECLINED: "gray",
  WITHDRAWN: "gray",
} as const;

export default function GovRecommendations() {
  const { role, status, items, total, counts, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const tab = (value: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    if (value) next.set("status", value);
    else next.delete("status");
    return `?${next}`;
  };
  return (
    <div>
      <GovNav role={role} />
      <PageHeader
        title={t("gov.recommendations.title")}
        description={
          role === "GOV_OFFICE" ? t("gov.recommendations.introOffice") : t("gov.recommendations.introBureau")
        }
        actions={
          role === "GOV_OFFICE" ? (
            <Link to="/gov/recommendations/new" className={buttonClass("primary")}>
              {t("gov.recommendations.new")}
            </Link>
          ) : (
            <Link to="/gov/review" className={buttonClass("primary")}>
              {t("gov.nav.review")}
            </Link>
          )
        }
      />
      <nav aria-label={t("gov.recommendations.statusFilter")} className="mb-4 flex flex-wrap gap-2">
        {[null, ...RECOMMENDATION_STATUSES].map((value) => (
          <Link
            key={value ?? "all"}
            to={tab(value)}
            aria-current={status === value ? "page" : undefined}
            className={cx(
              "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
              status === value
                ? "bg-brand-600 text-white ring-brand-600"
                : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
            )}
          >
            {value ? td(`gov.recommendationStatus.${value}`) : t("gov.common.all")}
            {value && counts[value] ? ` (${counts[value]})` : ""}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState
          title={t("gov.recommendations.empty")}
          hint={role === "GOV_OFFICE" ? t("gov.recommendations.emptyHintOffice") : undefined}
          action={
            role === "GOV_OFFICE" ? (
              <Link to="/gov/recommendations/new" className={buttonClass("secondary")}>
                {t("gov.recommendations.new")}
              </Link>
            ) : undefined
          }
        />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.recommendations.columns.firm")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.recommendations.columns.status")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.recommendations.columns.reason")}
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  {t("gov.recommendations.columns.amount")}
                </th>
                {role === "GOV_BUREAU" && (
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("gov.recommendations.columns.office")}
                  </th>
                )}
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.recommendations.columns.created")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="px-4 py-3">
                    <Link
                      to={`/gov/recommendations/${item.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {item.enterprise.name}
                    </Link>
                    {item.enterprise.onDishonestyList && (
                      <span className="ml-2">
                        <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={STATUS_TONES[item.status as keyof typeof STATUS_TONES] ?? "gray"}>
                      {td(`gov.recommendationStatus.${item.status}`)}
                    </Badge>
                    {item.batch && <span className="ml-2 text-xs text-slate-600">{item.batch.name}</span>}
                  </td>
                  <td className="max-w-xs px-4 py-3 text-slate-700">
                    <span className="line-clamp-2">{item.reason ?? item.requestNote ?? ""}</span>
                    {item.reviewNote && (
                      <span className="block text-xs text-slate-500">{item.reviewNote}</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {item.suggestedAmountYuan !== null
                      ? formatYuanAsWan(item.suggestedAmountYuan, locale)
                      : t("gov.common.none")}
                  </td>
                  {role === "GOV_BUREAU" && (
                    <td className="px-4 py-3">
                      {locale === "zh-CN" ? item.subDistrict.name : item.subDistrict.nameEn}
                    </td>
                  )}
                  <td className="px-4 py-3 whitespace-nowrap">{formatDate(item.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
