import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import { withClientIp } from "~/client-ip.server";
import { StateBadge } from "~/components/state-badge";
import { GovNav } from "~/components/gov-nav";
import { Badge, Card, EmptyState, PageHeader, buttonClass } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { findSection } from "~/domain/industry";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { getGovFirm } from "~/models/gov-firms.server";
import { parseId } from "~/models/gov-query";
import { requireGovUser } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = withClientIp(await requireGovUser(request), context);
  const id = parseId(params.id);
  const firm = id ? await getGovFirm(actor, id) : null;
  if (!firm) notFound();
  return { role: actor.role, firm };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-36 shrink-0 text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

export default function GovFirm() {
  const { role, firm } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const section = findSection(firm.sectionCode);
  const office = role === "GOV_OFFICE";
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={firm.name}
        description={firm.uscc}
        actions={
          office && (
            <>
              <Link to={`/gov/visits?firm=${firm.id}#new-visit`} className={buttonClass("secondary")}>
                {t("gov.firm.logVisit")}
              </Link>
              {!firm.onDishonestyList && !firm.whitelisted && (
                <Link to={`/gov/recommendations/new?firm=${firm.id}`} className={buttonClass("primary")}>
                  {t("gov.firm.recommend")}
                </Link>
              )}
            </>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("gov.firm.basic")}>
          <dl className="flex flex-col gap-2 text-sm">
            <Row label={t("gov.firm.legalRepresentative")}>{firm.legalRepresentative}</Row>
            <Row label={t("gov.firm.industry")}>
              {firm.sectionCode} {section ? (locale === "zh-CN" ? section.zh : section.en) : ""}
            </Row>
            <Row label={t("gov.firm.size")}>{td(`domain.size.${firm.size}`)}</Row>
            <Row label={t("gov.firm.subDistrict")}>
              {locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn}
            </Row>
            <Row label={t("gov.firm.address")}>{firm.address}</Row>
            <Row label={t("gov.firm.established")}>{formatDate(firm.establishedOn, locale)}</Row>
            <Row label={t("gov.firm.capital")}>
              {t("gov.firm.capitalValue", { amount: firm.registeredCapitalWan })}
            </Row>
            <Row label={t("gov.firm.employees")}>{firm.employees}</Row>
            <Row label={t("gov.firm.revenue")}>{formatYuanAsWan(firm.revenueWan * 10_000, locale)}</Row>
            <Row label={t("gov.firm.contact")}>
              {firm.contactName} · {firm.contactMobile}
            </Row>
            <Row label={t("gov.firm.registered")}>{formatDate(firm.createdAt, locale)}</Row>
          </dl>
        </Card>
        <Card title={t("gov.firm.credit")}>
          <p className="mb-3 text-sm text-slate-600">{t("gov.firm.creditNote")}</p>
          <dl className="flex flex-col gap-2 text-sm">
            <Row label={t("gov.firm.taxGrade")}>{firm.taxGrade ?? t("gov.common.none")}</Row>
            <Row label={t("gov.firm.publicRating")}>{firm.publicRating ?? t("gov.common.none")}</Row>
            <Row label={t("gov.firm.lists")}>
              <span className="flex flex-wrap gap-1">
                {firm.onDishonestyList ? (
                  <Badge tone="red">{t("gov.firm.dishonest")}</Badge>
                ) : (
                  <Badge>{t("gov.firm.notDishonest")}</Badge>
                )}
                {firm.onRedList && <Badge tone="green">{t("gov.firm.redList")}</Badge>}
              </span>
            </Row>
            <Row label={t("gov.firm.whitelist")}>
              {firm.whitelisted && firm.whitelistedUntil
                ? t("gov.firm.whitelistedUntil", { date: formatDate(firm.whitelistedUntil, locale) })
                : t("gov.firm.notWhitelisted")}
            </Row>
            <Row label={t("gov.firm.refreshed")}>
              {firm.creditRefreshedAt ? formatDateTime(firm.creditRefreshedAt, locale) : t("gov.common.none")}
            </Row>
          </dl>
        </Card>
      </div>
      <Card title={t("gov.firm.demands")}>
        {firm.demands.length === 0 ? (
          <EmptyState title={t("gov.firm.noDemands")} />
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {firm.demands.map((demand) => (
              <li key={demand.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{formatYuanAsWan(demand.amountYuan, locale)}</span> ·{" "}
                  {t("gov.firm.termMonths", { months: demand.termMonths })} · {demand.purpose}
                </span>
                <span className="flex items-center gap-2 text-slate-600">
                  <Badge tone={demand.status === "OPEN" ? "blue" : "gray"}>
                    {td(`gov.demandStatus.${demand.status}`)}
                  </Badge>
                  {t("gov.firm.offers", { count: demand._count.offers })} ·{" "}
                  {formatDate(demand.createdAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("gov.firm.applications")}>
        {firm.applications.length === 0 ? (
          <EmptyState title={t("gov.firm.noApplications")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("gov.firm.columns.number")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("gov.firm.columns.bank")}
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    {t("gov.firm.columns.amount")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("gov.firm.columns.submitted")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("gov.firm.columns.state")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {firm.applications.map((application) => (
                  <tr key={application.id}>
                    <td className="py-2 pr-4 font-mono">{application.number}</td>
                    <td className="py-2 pr-4">
                      {locale === "zh-CN" ? application.bank.name : application.bank.nameEn} ·{" "}
                      {application.product.name}
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums">
                      {formatYuanAsWan(application.amountYuan, locale)}
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {formatDate(application.submittedAt, locale)}
                    </td>
                    <td className="py-2 pr-4">
                      <span className="flex flex-wrap items-center gap-1">
                        <StateBadge state={application.state} />
                        {application.sla?.overdue && <Badge tone="red">{t("gov.firm.overdue")}</Badge>}
                        {application.rejectReason && (
                          <span className="text-xs text-slate-600">
                            {td(`domain.rejectReason.${application.rejectReason}`)}
                          </span>
                        )}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("gov.firm.visits")}>
          {firm.visits.length === 0 ? (
            <EmptyState
              title={t("gov.firm.noVisits")}
              hint={office ? t("gov.firm.noVisitsHint") : undefined}
            />
          ) : (
            <ol className="flex flex-col gap-3 text-sm">
              {firm.visits.map((visit) => (
                <li key={visit.id} className="rounded-md bg-slate-50 p-3">
                  <p className="font-medium">
                    {formatDate(visit.visitedOn, locale)} · {visit.user.displayName}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{visit.findings}</p>
                  {visit.needYuan !== null && (
                    <p className="mt-1 text-slate-600">
                      {t("gov.visits.need")}: {formatYuanAsWan(visit.needYuan, locale)}
                    </p>
                  )}
                  {visit.nextStep && (
                    <p className="mt-1 text-slate-600">
                      {t("gov.visits.nextStep")}: {visit.nextStep}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title={t("gov.firm.whitelistHistory")}>
          {firm.recommendations.length === 0 && firm.whitelistEntries.length === 0 ? (
            <EmptyState title={t("gov.firm.noRecommendations")} />
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {firm.whitelistEntries.map((entry) => (
                <li key={entry.id} className="flex flex-wrap items-center gap-2">
                  <Link to={`/gov/whitelist/${entry.id}`} className="text-brand-700 hover:underline">
                    {entry.batch.name}
                  </Link>
                  <Badge
                    tone={
                      entry.status === "ACTIVE" ? "green" : entry.status === "SUSPENDED" ? "amber" : "red"
                    }
                  >
                    {td(`gov.entryStatus.${entry.status}`)}
                  </Badge>
                  {entry.statusReason && <span className="text-slate-600">{entry.statusReason}</span>}
                </li>
              ))}
              {firm.recommendations.map((recommendation) => (
                <li key={recommendation.id} className="flex flex-wrap items-center gap-2">
                  <Badge tone="blue">{td(`gov.recommendationStatus.${recommendation.status}`)}</Badge>
                  <span>{formatDate(recommendation.createdAt, locale)}</span>
                  {recommendation.reason && <span className="text-slate-600">{recommendation.reason}</span>}
                  {recommendation.reviewNote && (
                    <span className="text-slate-600">· {recommendation.reviewNote}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
