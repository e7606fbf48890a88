/**
 * What the bureau and the claiming bank both see of a claim: its figures, the bank's statement and
 * materials by submission, the recovery actions, the history and the recoveries after payment.
 */
import type { ReactNode } from "react";

import { DetailList, DetailRow } from "~/components/detail-list";
import type { Column } from "~/components/list-kit";
import { PlainTable } from "~/components/plain-table";
import { ClaimStateBadge, bankName } from "~/components/pool-ui";
import { BackLink, Badge, Card } from "~/components/ui";
import { formatDateTime, formatDay } from "~/domain/format-date";
import { formatBp } from "~/domain/money";
import { formatFen } from "~/domain/money-fen";
import type { ClaimRejectReason, ClaimState, RecoveryActionKind } from "~/domain/risk-pool-codes";
import { useLocale, useT } from "~/i18n/use-t";

export type ClaimView = {
  state: ClaimState;
  number: string;
  enterprise: string;
  bank: { name: string; nameEn: string };
  principalAtClaimFen: string;
  computedFen: string;
  approvedFen: string | null;
  daysPastDue: number;
  coverageBp: number;
  firstLoan: boolean;
  statement: string;
  submittedAt: string;
  paidAt: string | null;
  returnNote: string | null;
  rejectReason: string | null;
  rejectText: string | null;
  rule: { effectiveOn: string };
  materials: { id: string; title: string; round: number }[];
  events: { id: string; toState: string; at: string; data: Record<string, string> }[];
  recoveries: {
    id: string;
    recoveredOn: string;
    amountFen: string;
    shareFen: string;
    reference: string;
    receivedAt: string | null;
  }[];
};

export type RecoveryActionView = { id: string; takenOn: string; kind: string; description: string };

/**
 * A claim's page as both sides read it: their navigation and the way back to their list, then the
 * claim (figures and submission, the bank's recovery actions — `addAction`: the bank's link to
 * report one —, history, recoveries) beside what the reader can do with it (`children`).
 */
export function ClaimPage({
  nav,
  backTo,
  claim,
  recoveryActions,
  loan,
  addAction,
  children,
}: {
  nav: ReactNode;
  backTo: string;
  claim: ClaimView;
  recoveryActions: RecoveryActionView[];
  loan: ReactNode;
  addAction?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      {nav}
      <BackLink to={backTo} flush>
        {t("pool.claim.back")}
      </BackLink>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <ClaimFacts claim={claim} loan={loan} />
          <Card title={t("pool.claim.recoveryActions")}>
            <RecoveryActionList actions={recoveryActions} />
            {addAction}
          </Card>
          <Card title={t("pool.claim.history")}>
            <ClaimHistory events={claim.events} />
          </Card>
          {claim.recoveries.length > 0 && (
            <Card title={t("pool.claim.recoveries")}>
              <RecoveryTable recoveries={claim.recoveries} />
            </Card>
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-6">{children}</div>
      </div>
    </div>
  );
}

/** The claim's figures and the bank's submission. `loan` is the loan's link or number. */
export function ClaimFacts({ claim, loan }: { claim: ClaimView; loan: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("pool.claim.title", { enterprise: claim.enterprise, number: claim.number })}>
      <DetailList>
        <DetailRow label={t("pool.claims.state")}>
          <ClaimStateBadge state={claim.state} />
        </DetailRow>
        <DetailRow label={t("pool.claim.loan")}>{loan}</DetailRow>
        <DetailRow label={t("pool.claim.bank")}>{bankName(claim.bank, locale)}</DetailRow>
        <DetailRow label={t("pool.claim.rule")}>
          {t("pool.claim.ruleFrom", { day: formatDay(claim.rule.effectiveOn, locale) })}
        </DetailRow>
        <DetailRow label={t("pool.claim.principal")}>{formatFen(claim.principalAtClaimFen)}</DetailRow>
        <DetailRow label={t("pool.claim.dpd")}>{claim.daysPastDue}</DetailRow>
        <DetailRow label={t("pool.claim.coverage")}>
          {formatBp(claim.coverageBp)}
          {claim.firstLoan && (
            <span className="ml-2">
              <Badge tone="blue">{t("pool.claim.firstLoan")}</Badge>
            </span>
          )}
        </DetailRow>
        <DetailRow label={t("pool.claim.computed")}>
          <span className="font-semibold">{formatFen(claim.computedFen)}</span>
        </DetailRow>
        {claim.approvedFen !== null && (
          <DetailRow label={t("pool.claim.approved")}>
            <span className="font-semibold">{formatFen(claim.approvedFen)}</span>
          </DetailRow>
        )}
        <DetailRow label={t("pool.claims.submittedAt")}>
          {formatDateTime(claim.submittedAt, locale)}
        </DetailRow>
        {claim.returnNote && claim.state === "RETURNED" && (
          <DetailRow label={t("pool.claim.returnNote")}>
            <span className="whitespace-pre-line">{claim.returnNote}</span>
          </DetailRow>
        )}
        {claim.rejectReason && (
          <DetailRow label={t("pool.claim.rejectReason")}>
            {t(`pool.rejectReason.${claim.rejectReason as ClaimRejectReason}`)}
            {claim.rejectText && (
              <span className="block whitespace-pre-line text-slate-700">{claim.rejectText}</span>
            )}
          </DetailRow>
        )}
      </DetailList>
      <h3 className="mt-6 font-semibold">{t("pool.claim.statement")}</h3>
      <p className="mt-1 text-sm whitespace-pre-line text-slate-800">{claim.statement}</p>
      <h3 className="mt-6 font-semibold">{t("pool.claim.materials")}</h3>
      <MaterialRounds materials={claim.materials} />
    </Card>
  );
}

function MaterialRounds({ materials }: { materials: ClaimView["materials"] }) {
  const t = useT();
  const rounds = [...new Set(materials.map((m) => m.round))];
  return (
    <div className="mt-1 flex flex-col gap-3">
      {rounds.map((round) => (
        <div key={round}>
          <p className="text-xs font-medium text-slate-500">{t("pool.claim.round", { round })}</p>
          <ul className="list-disc pl-5 text-sm">
            {materials
              .filter((m) => m.round === round)
              .map((m) => (
                <li key={m.id}>{m.title}</li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** The loan's recovery actions (追偿措施), oldest first. */
export function RecoveryActionList({ actions }: { actions: RecoveryActionView[] }) {
  const t = useT();
  const locale = useLocale();
  if (!actions.length) return <p className="text-sm text-slate-600">{t("pool.claim.noRecoveryActions")}</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {actions.map((a) => (
        <li key={a.id} className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
          <span className="w-28 shrink-0 text-slate-600">{formatDay(a.takenOn, locale)}</span>
          <span className="w-40 shrink-0 font-medium">
            {t(`pool.recoveryActionKind.${a.kind as RecoveryActionKind}`)}
          </span>
          <span className="min-w-0 whitespace-pre-line">{a.description}</span>
        </li>
      ))}
    </ul>
  );
}

/** The claim's transitions, oldest first. */
export function ClaimHistory({ events }: { events: ClaimView["events"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="flex flex-col gap-2 text-sm">
      {events.map((e) => (
        <li key={e.id} className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
          <span className="w-40 shrink-0 text-slate-600">{formatDateTime(e.at, locale)}</span>
          <span className="font-medium">{t(`pool.event.${e.toState as ClaimState}`)}</span>
          <span className="min-w-0 text-slate-700">
            {e.data.amountFen && formatFen(e.data.amountFen)}
            {e.data.note && <span className="whitespace-pre-line">{e.data.note}</span>}
            {e.data.reason && t(`pool.rejectReason.${e.data.reason as ClaimRejectReason}`)}
            {e.data.text && ` — ${e.data.text}`}
          </span>
        </li>
      ))}
    </ol>
  );
}

type RecoveryRow = {
  recoveredOn: string;
  reference: string;
  amountFen: string;
  shareFen: string;
  receivedAt: string | null;
};

/**
 * The columns of a recovery (the day, the reference, the amount and the pool's share, when it
 * came back), on a claim's page and on the bureau's list of recoveries.
 */
export function useRecoveryColumns<Row extends RecoveryRow>() {
  const t = useT();
  const locale = useLocale();
  const column = (key: string, header: string, cell: (r: Row) => ReactNode, money = false): Column<Row> => ({
    key,
    header,
    nowrap: true,
    align: money ? "right" : undefined,
    cell,
  });
  return {
    recoveredOn: column("recoveredOn", t("pool.recoveries.recoveredOn"), (r) =>
      formatDay(r.recoveredOn, locale),
    ),
    reference: {
      key: "reference",
      header: t("pool.recoveries.reference"),
      cell: (r) => r.reference,
    } satisfies Column<Row>,
    amount: column("amount", t("pool.recoveries.amount"), (r) => formatFen(r.amountFen), true),
    share: column("share", t("pool.recoveries.share"), (r) => formatFen(r.shareFen), true),
    receivedAt: column("receivedAt", t("pool.recoveries.receivedAt"), (r) =>
      r.receivedAt ? formatDateTime(r.receivedAt, locale) : "—",
    ),
  };
}

/** Recoveries reported after payment, with the pool's share and whether it came back. */
export function RecoveryTable({ recoveries }: { recoveries: ClaimView["recoveries"] }) {
  const t = useT();
  const c = useRecoveryColumns<ClaimView["recoveries"][number]>();
  return (
    <PlainTable
      label={t("pool.claim.recoveries")}
      rows={recoveries}
      rowKey={(r) => r.id}
      columns={[c.recoveredOn, c.reference, c.amount, c.share, c.receivedAt]}
    />
  );
}
