import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { DetailList, DetailRow } from "~/components/detail-list";
import { DataTable } from "~/components/list-kit";
import { StateBadge } from "~/components/state-badge";
import { Badge, Card, EmptyState } from "~/components/ui";
import { VisitNotes } from "~/components/visit-notes";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { findSection } from "~/domain/industry-sections";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { getGovFirm } from "~/models/gov-firms.server";

type Firm = NonNullable<SerializeFrom<typeof getGovFirm>>;

export function BasicCard({ firm }: { firm: Firm }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const section = findSection(firm.sectionCode);
  return (
    <Card title={t("gov.firm.basic")}>
      <DetailList>
        <DetailRow label={t("gov.firm.legalRepresentative")}>{firm.legalRepresentative}</DetailRow>
        <DetailRow label={t("gov.firm.industry")}>
          {firm.sectionCode} {section ? (locale === "zh-CN" ? section.zh : section.en) : ""}
        </DetailRow>
        <DetailRow label={t("gov.firm.size")}>{td(`domain.size.${firm.size}`)}</DetailRow>
        <DetailRow label={t("gov.firm.subDistrict")}>
          {locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn}
        </DetailRow>
        <DetailRow label={t("gov.firm.address")}>{firm.address}</DetailRow>
        <DetailRow label={t("gov.firm.established")}>{formatDate(firm.establishedOn, locale)}</DetailRow>
        <DetailRow label={t("gov.firm.capital")}>
          {t("gov.firm.capitalValue", { amount: firm.registeredCapitalWan })}
        </DetailRow>
        <DetailRow label={t("gov.firm.employees")}>{firm.employees}</DetailRow>
        <DetailRow label={t("gov.firm.revenue")}>
          {formatYuanAsWan(firm.revenueWan * 10_000, locale)}
        </DetailRow>
        <DetailRow label={t("gov.firm.contact")}>
          {firm.contactName} · {firm.contactMobile}
        </DetailRow>
        <DetailRow label={t("gov.firm.registered")}>{formatDate(firm.createdAt, locale)}</DetailRow>
      </DetailList>
    </Card>
  );
}

export function CreditCard({ firm }: { firm: Firm }) {
  const t = useT();
  const locale = useLocale();
  const none = t("gov.common.none");
  return (
    <Card title={t("gov.firm.credit")}>
      <p className="mb-3 text-sm text-slate-600">{t("gov.firm.creditNote")}</p>
      <DetailList>
        <DetailRow label={t("gov.firm.taxGrade")}>{firm.taxGrade ?? none}</DetailRow>
        <DetailRow label={t("gov.firm.publicRating")}>{firm.publicRating ?? none}</DetailRow>
        <DetailRow label={t("gov.firm.lists")}>
          <span className="flex flex-wrap gap-1">
            {firm.onDishonestyList ? (
              <Badge tone="red">{t("gov.firm.dishonest")}</Badge>
            ) : (
              <Badge>{t("gov.firm.notDishonest")}</Badge>
            )}
            {firm.onRedList && <Badge tone="green">{t("gov.firm.redList")}</Badge>}
          </span>
        </DetailRow>
        <DetailRow label={t("gov.firm.whitelist")}>
          {firm.whitelisted && firm.whitelistedUntil
            ? t("gov.firm.whitelistedUntil", { date: formatDate(firm.whitelistedUntil, locale) })
            : t("gov.firm.notWhitelisted")}
        </DetailRow>
        <DetailRow label={t("gov.firm.refreshed")}>
          {firm.creditRefreshedAt ? formatDateTime(firm.creditRefreshedAt, locale) : none}
        </DetailRow>
      </DetailList>
    </Card>
  );
}

export function DemandsCard({ demands }: { demands: Firm["demands"] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("gov.firm.demands")}>
      {demands.length === 0 ? (
        <EmptyState title={t("gov.firm.noDemands")} />
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {demands.map((demand) => (
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
  );
}

export function ApplicationsCard({ applications }: { applications: Firm["applications"] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("gov.firm.applications")}>
      <DataTable
        label={t("gov.firm.applications")}
        framed={false}
        dense
        rows={applications}
        rowKey={(application) => application.id}
        empty={<EmptyState title={t("gov.firm.noApplications")} />}
        columns={[
          {
            key: "number",
            header: t("gov.firm.columns.number"),
            className: "font-mono",
            cell: (application) => application.number,
          },
          {
            key: "bank",
            header: t("gov.firm.columns.bank"),
            cell: (application) =>
              `${locale === "zh-CN" ? application.bank.name : application.bank.nameEn} · ${application.product.name}`,
          },
          {
            key: "amount",
            header: t("gov.firm.columns.amount"),
            align: "right",
            cell: (application) => formatYuanAsWan(application.amountYuan, locale),
          },
          {
            key: "submitted",
            header: t("gov.firm.columns.submitted"),
            nowrap: true,
            cell: (application) => formatDate(application.submittedAt, locale),
          },
          {
            key: "state",
            header: t("gov.firm.columns.state"),
            cell: (application) => (
              <span className="flex flex-wrap items-center gap-1">
                <StateBadge state={application.state} />
                {application.sla?.overdue && <Badge tone="red">{t("gov.firm.overdue")}</Badge>}
                {application.rejectReason && (
                  <span className="text-xs text-slate-600">
                    {td(`domain.rejectReason.${application.rejectReason}`)}
                  </span>
                )}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function VisitsCard({ visits, office }: { visits: Firm["visits"]; office: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("gov.firm.visits")}>
      {visits.length === 0 ? (
        <EmptyState title={t("gov.firm.noVisits")} hint={office ? t("gov.firm.noVisitsHint") : undefined} />
      ) : (
        <ol className="flex flex-col gap-3 text-sm">
          {visits.map((visit) => (
            <li key={visit.id} className="rounded-md bg-slate-50 p-3">
              <p className="font-medium">
                {formatDate(visit.visitedOn, locale)} · {visit.user.displayName}
              </p>
              <VisitNotes visit={visit} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

const ENTRY_TONES = { ACTIVE: "green", SUSPENDED: "amber" } as const;

export function WhitelistHistoryCard({ firm }: { firm: Firm }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
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
              <Badge tone={ENTRY_TONES[entry.status as keyof typeof ENTRY_TONES] ?? "red"}>
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
  );
}
