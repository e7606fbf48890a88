import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT } from "~/i18n/use-t";

import { Badge } from "./ui";

/** The SLA clock of an application as JSON brings it (dates as strings). */
export type SlaView = {
  clock: "FIRST_RESPONSE" | "DECISION";
  basis: "WORKING_DAYS" | "CALENDAR_DAYS";
  deadline: string | Date;
  overdue: boolean;
  workingDaysLeft: number;
  calendarDaysLeft: number;
};

/** "First response · 2 working days left" with a colour for urgency and the deadline. */
export function SlaBadge({ sla }: { sla: SlaView | null }) {
  const t = useT();
  const locale = useLocale();
  if (!sla) return <span className="text-slate-400">{t("bank.applications.noClock")}</span>;
  const calendar = sla.basis === "CALENDAR_DAYS";
  const left = calendar ? sla.calendarDaysLeft : sla.workingDaysLeft;
  const text = sla.overdue
    ? t(calendar ? "bank.applications.slaOverdueCalendar" : "bank.applications.slaOverdue", {
        days: Math.abs(left),
      })
    : left === 0
      ? t("bank.applications.slaDueToday")
      : t(calendar ? "bank.applications.slaLeftCalendar" : "bank.applications.slaLeft", { days: left });
  const tone = sla.overdue ? "red" : left <= 1 ? "amber" : "green";
  return (
    <span className="inline-flex flex-col gap-0.5">
      <span className="text-xs text-slate-500">{t(`bank.applications.clock.${sla.clock}`)}</span>
      <Badge tone={tone}>{text}</Badge>
      <span className="text-xs text-slate-500">
        {t("bank.applications.slaDeadline", { date: formatDateTime(sla.deadline, locale) })}
      </span>
    </span>
  );
}
