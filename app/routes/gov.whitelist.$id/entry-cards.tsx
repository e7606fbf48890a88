import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { DetailList, DetailRow } from "~/components/detail-list";
import { Badge, Card } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Entry = SerializeFrom<typeof loader>["entry"];

const TONES = { ACTIVE: "green", SUSPENDED: "amber", REVOKED: "red" } as const;

/** The entry's facts beside its history. */
export function EntryCards({ entry }: { entry: Entry }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("gov.whitelist.entry")}>
        <DetailList>
          <DetailRow label={t("gov.whitelist.status")}>
            <Badge tone={TONES[entry.status as keyof typeof TONES] ?? "gray"}>
              {td(`gov.entryStatus.${entry.status}`)}
            </Badge>
          </DetailRow>
          {entry.statusReason && (
            <DetailRow label={t("gov.whitelist.statusReason")}>{entry.statusReason}</DetailRow>
          )}
          <DetailRow label={t("gov.whitelist.batch")}>{entry.batch.name}</DetailRow>
          <DetailRow label={t("gov.whitelist.validity")}>
            {formatDate(entry.batch.validFrom, locale)} – {formatDate(entry.batch.validUntil, locale)}
          </DetailRow>
          <DetailRow label={t("gov.recommendations.columns.amount")}>
            {entry.suggestedAmountYuan !== null
              ? formatYuanAsWan(entry.suggestedAmountYuan, locale)
              : t("gov.common.none")}
          </DetailRow>
          <DetailRow label={t("gov.recommendations.columns.office")}>
            {locale === "zh-CN" ? entry.enterprise.subDistrict.name : entry.enterprise.subDistrict.nameEn}
          </DetailRow>
          <DetailRow label={t("gov.firm.lists")}>
            {entry.enterprise.onDishonestyList ? (
              <Badge tone="red">{t("gov.firm.dishonest")}</Badge>
            ) : (
              <Badge>{t("gov.firm.notDishonest")}</Badge>
            )}
          </DetailRow>
          {entry.recommendation.reason && (
            <DetailRow label={t("gov.recommendations.reason")}>{entry.recommendation.reason}</DetailRow>
          )}
          <DetailRow label={t("gov.whitelist.firmPage")}>
            <Link to={`/gov/firms/${entry.enterprise.id}`} className="text-brand-700 hover:underline">
              {t("gov.whitelist.openFirm")}
            </Link>
          </DetailRow>
        </DetailList>
      </Card>
      <Card title={t("gov.whitelist.events")}>
        <ol className="flex flex-col gap-3 border-l-2 border-slate-200 pl-4 text-sm">
          {entry.events.map((event) => (
            <li key={event.id}>
              <p className="font-medium">{td(`gov.whitelistEvent.${event.kind}`)}</p>
              <p className="text-slate-600">
                {formatDateTime(event.at, locale)} ·{" "}
                {event.actor ? event.actor.displayName : t("gov.whitelist.system")}
              </p>
              {event.reason && <p className="text-slate-700">{event.reason}</p>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
