import type { SerializeFrom } from "@remix-run/node";
import type { ReactNode } from "react";

import { DueClock } from "~/components/gov-nav";
import { Badge, Card } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-36 shrink-0 text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** The objection: its state and deadline, the record it disputes, who filed and who handled it. */
export function ObjectionFacts({ objection: o, daysLeft, overdue }: Omit<Data, "role">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card>
      <dl className="flex flex-col gap-2 text-sm">
        <Row label={t("gov.objections.columns.status")}>
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={o.status === "OPEN" ? "blue" : o.status === "ACCEPTED" ? "green" : "gray"}>
              {td(`gov.objectionStatus.${o.status}`)}
            </Badge>
            {o.resolution && <Badge tone="green">{td(`gov.objectionResolution.${o.resolution}`)}</Badge>}
            {o.status === "OPEN" && <DueClock daysLeft={daysLeft} overdue={overdue} />}
          </span>
        </Row>
        <Row label={t("gov.objections.columns.due")}>{formatDate(o.dueAt, locale)}</Row>
        <Row label={t("gov.objections.source")}>{td(`gov.creditSource.${o.source}`)}</Row>
        <Row label={t("gov.objections.columns.record")}>{o.recordSummary}</Row>
        <Row label={t("gov.objections.recordKey")}>
          <span className="font-mono">{o.recordKey}</span>
        </Row>
        <Row label={t("gov.objections.reason")}>
          <span className="whitespace-pre-line">{o.reason}</span>
        </Row>
        {o.attachmentNote && <Row label={t("gov.objections.attachment")}>{o.attachmentNote}</Row>}
        <Row label={t("gov.objections.columns.filed")}>
          {formatDateTime(o.createdAt, locale)} · {o.filedBy.displayName}
        </Row>
        {o.handledAt && (
          <Row label={t("gov.objections.handled")}>
            {formatDateTime(o.handledAt, locale)}
            {o.handledBy && ` · ${o.handledBy.displayName}`}
          </Row>
        )}
        {o.responseText && <Row label={t("gov.objections.response")}>{o.responseText}</Row>}
      </dl>
    </Card>
  );
}
