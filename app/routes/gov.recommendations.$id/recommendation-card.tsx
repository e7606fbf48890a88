import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { Badge, Card } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-36 shrink-0 text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** The recommendation: its status and batch, the firm, the office, the notes, the amount, who acted when. */
export function RecommendationCard({ r }: { r: SerializeFrom<typeof loader>["recommendation"] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card>
      <dl className="flex flex-col gap-2 text-sm">
        <Row label={t("gov.recommendations.columns.status")}>
          <Badge tone="blue">{td(`gov.recommendationStatus.${r.status}`)}</Badge>
          {r.batch && <span className="ml-2">{r.batch.name}</span>}
        </Row>
        <Row label={t("gov.recommendations.columns.firm")}>
          <Link to={`/gov/firms/${r.enterprise.id}`} className="text-brand-700 hover:underline">
            {r.enterprise.name}
          </Link>
          {r.enterprise.onDishonestyList && (
            <span className="ml-2">
              <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>
            </span>
          )}
        </Row>
        <Row label={t("gov.recommendations.columns.office")}>
          {locale === "zh-CN" ? r.subDistrict.name : r.subDistrict.nameEn}
        </Row>
        {r.requestNote && <Row label={t("gov.recommendations.requestNote")}>{r.requestNote}</Row>}
        {r.reason && <Row label={t("gov.recommendations.reason")}>{r.reason}</Row>}
        <Row label={t("gov.recommendations.columns.amount")}>
          {r.suggestedAmountYuan !== null
            ? formatYuanAsWan(r.suggestedAmountYuan, locale)
            : t("gov.common.none")}
        </Row>
        <Row label={t("gov.recommendations.columns.created")}>
          {formatDateTime(r.createdAt, locale)}
          {r.createdBy && ` · ${r.createdBy.displayName}`}
        </Row>
        {r.reviewedAt && (
          <Row label={t("gov.recommendations.reviewed")}>
            {formatDateTime(r.reviewedAt, locale)}
            {r.reviewedBy && ` · ${r.reviewedBy.displayName}`}
            {r.reviewNote && ` · ${r.reviewNote}`}
          </Row>
        )}
      </dl>
    </Card>
  );
}
