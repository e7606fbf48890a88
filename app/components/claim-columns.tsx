import { Link } from "@remix-run/react";

import { formatDate } from "~/domain/format-date";
import { formatFen } from "~/domain/money-fen";
import type { ClaimState } from "~/domain/risk-pool-codes";
import { useLocale, useT } from "~/i18n/use-t";

import type { Column } from "./list-kit";
import { ClaimClock, ClaimStateBadge, bankName } from "./pool-ui";

/** What a row of a claims list shows (amounts in fen, as strings). */
export type ClaimRow = {
  id: string;
  enterprise: string;
  number: string;
  state: ClaimState;
  principalAtClaimFen: string;
  computedFen: string;
  approvedFen: string | null;
  daysPastDue: number;
  submittedAt: string;
  bank?: { name: string; nameEn: string } | null;
  clock?: { workingDaysLeft: number; overdue: boolean } | null;
};

/**
 * The columns of a claims list: the bank's own claims and the bureau's review queue. The
 * bureau's list adds the bank that filed each claim and the review clock.
 */
export function useClaimColumns<Row extends ClaimRow>({
  hrefOf,
  bureau = false,
}: {
  hrefOf: (claim: Row) => string;
  bureau?: boolean;
}): (Column<Row> | false)[] {
  const t = useT();
  const locale = useLocale();
  return [
    {
      key: "enterprise",
      header: t("pool.claims.enterprise"),
      cell: (c) => (
        <>
          <Link to={hrefOf(c)} className="font-medium text-brand-700 hover:underline">
            {c.enterprise}
          </Link>
          <p className="font-mono text-xs text-slate-500">{c.number}</p>
        </>
      ),
    },
    bureau && { key: "bank", header: t("pool.claims.bank"), cell: (c) => bankName(c.bank, locale) },
    {
      key: "state",
      header: t("pool.claims.state"),
      nowrap: true,
      cell: (c) => <ClaimStateBadge state={c.state} />,
    },
    {
      key: "principal",
      header: t("pool.claims.principal"),
      align: "right",
      nowrap: true,
      cell: (c) => formatFen(c.principalAtClaimFen),
    },
    {
      key: "computed",
      header: t("pool.claims.computed"),
      align: "right",
      nowrap: true,
      cell: (c) => formatFen(c.computedFen),
    },
    {
      key: "approved",
      header: t("pool.claims.approved"),
      align: "right",
      nowrap: true,
      cell: (c) => (c.approvedFen === null ? "—" : formatFen(c.approvedFen)),
    },
    { key: "dpd", header: t("pool.claims.dpd"), align: "right", cell: (c) => c.daysPastDue },
    {
      key: "submittedAt",
      header: t("pool.claims.submittedAt"),
      nowrap: true,
      cell: (c) => formatDate(c.submittedAt, locale),
    },
    bureau && {
      key: "clock",
      header: t("pool.claims.clock"),
      nowrap: true,
      cell: (c) => <ClaimClock clock={c.clock} />,
    },
  ];
}
