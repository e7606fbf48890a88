import type { SerializeFrom } from "@remix-run/node";

import { Stat } from "~/components/ui";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

/** The bank's figures over the period: response time, overdue, approval rate, disbursed and weighted rate. */
export function BankFigures({ figures }: { figures: SerializeFrom<typeof loader>["figures"] }) {
  const t = useT();
  const locale = useLocale();
  const none = t("bank.figures.noData");
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="bank-figures">
      <Stat
        label={t("bank.figures.responseTime")}
        value={figures.responseDays ?? none}
        unit={figures.responseDays !== null ? t("common.units.workingDays") : undefined}
        hint={t("bank.figures.responseTimeHint", { count: figures.responses })}
      />
      <Stat label={t("bank.figures.overdue")} value={figures.overdue} hint={t("bank.figures.overdueHint")} />
      <Stat
        label={t("bank.figures.approvalRate")}
        value={
          figures.approvalRatePermille !== null ? `${(figures.approvalRatePermille / 10).toFixed(1)}%` : none
        }
        hint={t("bank.figures.approvalRateHint", {
          approved: figures.approved,
          rejected: figures.rejected,
        })}
      />
      <Stat
        label={t("bank.figures.disbursed")}
        value={formatYuanAsWan(figures.disbursedYuan, locale)}
        hint={t("bank.figures.disbursedHint", { count: figures.disbursedCount })}
      />
      <Stat
        label={t("bank.figures.weightedRate")}
        value={figures.weightedRateBp !== null ? formatBp(figures.weightedRateBp) : none}
        hint={t("bank.figures.weightedRateHint")}
      />
    </dl>
  );
}
