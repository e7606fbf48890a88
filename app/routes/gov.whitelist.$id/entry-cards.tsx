import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { Badge, Card } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Entry = SerializeFrom<typeof loader>["entry"];

const TONES = { ACTIVE: "green", SUSPENDED: "amber", REVOKED: "red" } as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-36 shrink-0 text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** The entry's facts beside its history. */
export function EntryCards({ entry }: { entry: Entry }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("gov.whitelist.entry")}>
        <dl className="flex flex-col gap-2 text-sm">
          <Row label={t("gov.whitelist.status")}>
            <Badge tone={TONES[entry.status as keyof typeof TONES] ?? "gray"}>
              {td(`gov.entryStatus.${entry.status}`)}
            </Badge>
          </Row>
          {entry.statusReason && <Row label={t("gov.whitelist.statusReason")}>{entry.statusReason}</Row>}
          <Row label={t("gov.whitelist.batch")}>{entry.batch.name}</Row>
          <Row label={t("gov.whitelist.validity")}>
            {formatDate(entry.batch.validFrom, locale)} – {formatDate(entry.batch.validUntil, locale)}
          </Row>
          <Row label={t("gov.recommendations.columns.amount")}>
            {entry.suggestedAmountYuan !== null
              ? formatYuanAsWan(entry.suggestedAmountYuan, locale)
              : t("gov.common.none")}
          </Row>
          <Row label={t("gov.recommendations.columns.office")}>
            {locale === "zh-CN" ? entry.enterprise.subDistrict.name : entry.enterprise.subDistrict.nameEn}
          </Row>
          <Row label={t("gov.firm.lists")}>
            {entry.enterprise.onDishonestyList ? (
              <Badge tone="red">{t("gov.firm.dishonest")}</Badge>
            ) : (
              <Badge>{t("gov.firm.notDishonest")}</Badge>
            )}
          </Row>
          {entry.recommendation.reason && (
            <Row label={t("gov.recommendations.reason")}>{entry.recommendation.reason}</Row>
          )}
          <Row label={t("gov.whitelist.firmPage")}>
            <Link to={`/gov/firms/${entry.enterprise.id}`} className="text-brand-700 hover:underline">
              {t("gov.whitelist.openFirm")}
            </Link>
          </Row>
        </dl>
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
