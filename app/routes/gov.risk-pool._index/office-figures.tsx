import type { SerializeFrom } from "@remix-run/node";

import { GovNav } from "~/components/gov-nav";
import { Card, PageHeader, Stat } from "~/components/ui";
import { formatFenAsWan } from "~/domain/money-fen";
import { CLAIM_STATES, type ClaimState } from "~/domain/risk-pool-codes";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

const OFFICE = "GOV_OFFICE";

export function ClaimCounts({ counts }: { counts: Partial<Record<ClaimState, number>> }) {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {CLAIM_STATES.map((state) => (
        <li key={state}>
          {t(`pool.claimState.${state}`)}:{" "}
          <span className="font-semibold tabular-nums">{counts[state] ?? 0}</span>
        </li>
      ))}
    </ul>
  );
}

/** What an office sees of the pool: its own filed loans, compensation and claims. */
export function OfficeFigures({ figures }: { figures: Extract<Data, { view: "office" }>["figures"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={OFFICE} />
      <PageHeader title={t("pool.title")} description={t("pool.officeIntro")} />
      <dl className="grid gap-4 sm:grid-cols-2">
        <Stat
          label={t("pool.stats.filedOutstanding")}
          value={formatFenAsWan(figures.filedOutstandingFen, locale)}
          hint={t("pool.stats.filedLoans", { count: figures.filedLoans })}
        />
        <Stat label={t("pool.stats.compensation")} value={formatFenAsWan(figures.compensationFen, locale)} />
      </dl>
      <Card title={t("pool.nav.claims")}>
        <ClaimCounts counts={figures.claimsByState} />
      </Card>
    </div>
  );
}
