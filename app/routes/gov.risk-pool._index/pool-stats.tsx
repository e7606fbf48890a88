import type { SerializeFrom } from "@remix-run/node";

import { RuleSummary } from "~/components/pool-ui";
import { Card, Stat } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { formatFenAsWan } from "~/domain/money-fen";
import { useLocale, useT } from "~/i18n/use-t";

import { ClaimCounts } from "./office-figures";
import type { loader } from "./route";

type Overview = Extract<SerializeFrom<typeof loader>, { view: "bureau" }>["overview"];

/** The bureau's figures of the pool, its claims by state and the rule in force. */
export function PoolStats({ overview }: { overview: Overview }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("pool.stats.balance")} value={formatFenAsWan(overview.balanceFen, locale)} />
        <Stat
          label={t("pool.stats.filedOutstanding")}
          value={formatFenAsWan(overview.filedOutstandingFen, locale)}
          hint={t("pool.stats.filedLoans", { count: overview.filedLoans })}
        />
        <Stat
          label={t("pool.stats.leverage")}
          value={overview.leverage ?? "—"}
          hint={overview.leverage ? t("pool.stats.leverageHint") : t("pool.stats.leverageNone")}
        />
        <Stat
          label={t("pool.stats.waiting")}
          value={formatFenAsWan(overview.waitingFen, locale)}
          hint={t("pool.stats.waitingCount", { count: overview.waitingClaims })}
        />
        <Stat label={t("pool.stats.deposits")} value={formatFenAsWan(overview.depositsFen, locale)} />
        <Stat label={t("pool.stats.compensation")} value={formatFenAsWan(overview.compensationFen, locale)} />
        <Stat label={t("pool.stats.recoveries")} value={formatFenAsWan(overview.recoveriesFen, locale)} />
        <Stat label={t("pool.stats.owed")} value={formatFenAsWan(overview.owedRecoveriesFen, locale)} />
      </dl>
      <Card title={t("pool.nav.claims")}>
        <ClaimCounts counts={overview.claimsByState} />
      </Card>
      <Card
        title={
          overview.rule
            ? t("pool.ruleInForce", { day: formatDay(overview.rule.effectiveOn, locale) })
            : t("pool.nav.rules")
        }
      >
        {overview.rule ? (
          <RuleSummary rule={overview.rule} />
        ) : (
          <p className="text-sm text-amber-800">{t("pool.noRule")}</p>
        )}
      </Card>
    </>
  );
}
