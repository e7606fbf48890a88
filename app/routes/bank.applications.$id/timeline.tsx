import type { SerializeFrom } from "@remix-run/node";

import { StateBadge } from "~/components/state-badge";
import { Card } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Event = SerializeFrom<typeof loader>["application"]["events"][number];

/** The application's states in order, who moved it and with which terms or reason. */
export function Timeline({ events }: { events: Event[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("bank.decision.timeline")}>
      <ol className="relative flex flex-col gap-4 border-l border-slate-200 pl-5">
        {events.map((event) => (
          <li key={event.id}>
            <span aria-hidden="true" className="absolute -left-1.5 mt-1.5 size-3 rounded-full bg-brand-600" />
            <p className="flex flex-wrap items-center gap-2">
              <StateBadge state={event.toState} />
              <span className="text-sm text-slate-600">{formatDateTime(event.at, locale)}</span>
              <span className="text-sm text-slate-600">
                · {event.actor ? event.actor.displayName : t("bank.decision.eventSystem")}
              </span>
            </p>
            <EventDetails data={event.data} />
          </li>
        ))}
      </ol>
    </Card>
  );
}

function EventDetails({ data }: { data: Record<string, unknown> }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const parts: string[] = [];
  if (typeof data.amountYuan === "number" && Number.isSafeInteger(data.amountYuan))
    parts.push(t("bank.decision.eventData.amount", { value: formatYuanAsWan(data.amountYuan, locale) }));
  if (typeof data.termMonths === "number")
    parts.push(t("bank.decision.eventData.term", { value: data.termMonths }));
  if (typeof data.rateBp === "number" && Number.isSafeInteger(data.rateBp))
    parts.push(t("bank.decision.eventData.rate", { value: formatBp(data.rateBp) }));
  if (typeof data.reason === "string")
    parts.push(t("bank.decision.eventData.reason", { value: td(`domain.rejectReason.${data.reason}`) }));
  if (typeof data.text === "string" && data.text) parts.push(data.text);
  if (parts.length === 0) return null;
  return <p className="mt-1 text-sm text-slate-700">{parts.join(" · ")}</p>;
}
