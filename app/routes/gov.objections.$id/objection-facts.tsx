import type { SerializeFrom } from "@remix-run/node";

import { DetailList, DetailRow } from "~/components/detail-list";
import { DueClock } from "~/components/gov-nav";
import { Badge, Card } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The objection: its state and deadline, the record it disputes, who filed and who handled it. */
export function ObjectionFacts({ objection: o, daysLeft, overdue }: Omit<Data, "role">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card>
      <DetailList>
        <DetailRow label={t("gov.objections.columns.status")}>
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={o.status === "OPEN" ? "blue" : o.status === "ACCEPTED" ? "green" : "gray"}>
              {td(`gov.objectionStatus.${o.status}`)}
            </Badge>
            {o.resolution && <Badge tone="green">{td(`gov.objectionResolution.${o.resolution}`)}</Badge>}
            {o.status === "OPEN" && <DueClock daysLeft={daysLeft} overdue={overdue} />}
          </span>
        </DetailRow>
        <DetailRow label={t("gov.objections.columns.due")}>{formatDate(o.dueAt, locale)}</DetailRow>
        <DetailRow label={t("gov.objections.source")}>{td(`gov.creditSource.${o.source}`)}</DetailRow>
        <DetailRow label={t("gov.objections.columns.record")}>{o.recordSummary}</DetailRow>
        <DetailRow label={t("gov.objections.recordKey")}>
          <span className="font-mono">{o.recordKey}</span>
        </DetailRow>
        <DetailRow label={t("gov.objections.reason")}>
          <span className="whitespace-pre-line">{o.reason}</span>
        </DetailRow>
        {o.attachmentNote && <DetailRow label={t("gov.objections.attachment")}>{o.attachmentNote}</DetailRow>}
        <DetailRow label={t("gov.objections.columns.filed")}>
          {formatDateTime(o.createdAt, locale)} · {o.filedBy.displayName}
        </DetailRow>
        {o.handledAt && (
          <DetailRow label={t("gov.objections.handled")}>
            {formatDateTime(o.handledAt, locale)}
            {o.handledBy && ` · ${o.handledBy.displayName}`}
          </DetailRow>
        )}
        {o.responseText && <DetailRow label={t("gov.objections.response")}>{o.responseText}</DetailRow>}
      </DetailList>
    </Card>
  );
}
