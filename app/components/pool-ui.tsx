/**
 * Pieces the risk pool's pages share: the bureau's tabs, a claim's state badge and review clock,
 * and the one-line summary of a rule version.
 */
import type { ClaimState } from "~/domain/risk-pool-codes";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import { GovNav } from "./gov-nav";
import { Tabs, type NavItem } from "./tabs";
import { Badge, cx } from "./ui";

const POOL_LINKS: NavItem[] = [
  { to: "/gov/risk-pool", key: "pool.nav.overview", end: true },
  { to: "/gov/risk-pool/claims", key: "pool.nav.claims" },
  { to: "/gov/risk-pool/rules", key: "pool.nav.rules" },
  { to: "/gov/risk-pool/filings", key: "pool.nav.filings" },
  { to: "/gov/risk-pool/recoveries", key: "pool.nav.recoveries" },
  { to: "/gov/risk-pool/banks", key: "pool.nav.banks" },
];

const BUREAU = "GOV_BUREAU";

/** The bureau's tabs and, under them, the pool's own (every bureau pool page starts with them). */
export function BureauPoolNav() {
  return (
    <>
      <GovNav role={BUREAU} />
      <PoolNav />
    </>
  );
}

/** The second row of tabs on the bureau's pool pages. */
export function PoolNav() {
  const t = useT();
  return <Tabs label={t("pool.nav.label")} links={POOL_LINKS} />;
}

const STATE_TONES: Record<ClaimState, "gray" | "blue" | "green" | "amber" | "red"> = {
  FILED: "blue",
  APPROVED: "amber",
  PAID: "green",
  RETURNED: "gray",
  REJECTED: "red",
};

export function ClaimStateBadge({ state }: { state: ClaimState }) {
  const t = useT();
  return <Badge tone={STATE_TONES[state]}>{t(`pool.claimState.${state}`)}</Badge>;
}

/** A claim's review clock: working days left, due today, or overdue (flagged red). */
export function ClaimClock({
  clock,
}: {
  clock: { workingDaysLeft: number; overdue: boolean } | null | undefined;
}) {
  const t = useT();
  if (!clock) return <span className="text-slate-400">—</span>;
  if (clock.overdue)
    return (
      <Badge tone="red">{t("pool.claims.overdue", { days: Math.max(1, -clock.workingDaysLeft) })}</Badge>
    );
  if (clock.workingDaysLeft <= 0) return <Badge tone="amber">{t("pool.claims.dueToday")}</Badge>;
  return (
    <Badge tone={clock.workingDaysLeft <= 3 ? "amber" : "blue"}>
      {t("pool.claims.daysLeft", { days: clock.workingDaysLeft })}
    </Badge>
  );
}

export type RuleTermsView = {
  coverageBp: number;
  firstLoanBonusBp: number;
  capYuan: number;
  filingWindowDays: number;
  claimThresholdDpd: number;
  suspensionThresholdBp: number;
};

/** "补偿 80.00%（首贷 +5.00%），单笔上限 500 万元；…" */
export function RuleSummary({ rule, className }: { rule: RuleTermsView; className?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className={cx("text-sm text-slate-700", className)}>
      {t("pool.ruleSummary", {
        coverage: formatBp(rule.coverageBp),
        bonus: formatBp(rule.firstLoanBonusBp),
        cap: formatYuanAsWan(rule.capYuan, locale),
        window: rule.filingWindowDays,
        dpd: rule.claimThresholdDpd,
        suspension: formatBp(rule.suspensionThresholdBp),
      })}
    </p>
  );
}

/** A bank's name in the reader's language. */
export function bankName(bank: { name: string; nameEn: string } | null | undefined, locale: string) {
  if (!bank) return "—";
  return locale === "zh-CN" ? bank.name : bank.nameEn;
}
