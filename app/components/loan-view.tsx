/**
 * The parts of a loan page the firm and the bank share: the overdue notice, the summary, the
 * terms, the schedule and the repayments. Money arrives as decimal strings of 分.
 */
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { formatDay } from "~/domain/format-date";
import { formatBp } from "~/domain/money";
import { formatFen } from "~/domain/money-fen";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { LoanView } from "~/models/loan-view.server";

import { DetailList, DetailRow } from "./detail-list";
import { DataTable } from "./list-kit";
import { Badge, Card, EmptyState, Stat } from "./ui";

/** What every reader of a loan page gets (the bank's working data — quote, class, version — apart). */
export type LoanData = SerializeFrom<
  Omit<LoanView, "quote" | "version" | "reportedRiskClass" | "riskClass" | "floor" | "nonPerforming">
>;

/** The class in force as a badge: green when normal, amber when special mention, red when non-performing. */
export function RiskClassBadge({ riskClass }: { riskClass: string }) {
  const td = useTDynamic();
  const tone = riskClass === "NORMAL" ? "green" : riskClass === "SPECIAL_MENTION" ? "amber" : "red";
  return <Badge tone={tone}>{td(`loans.riskClass.${riskClass}`)}</Badge>;
}

/** Days past due as a badge: "逾期 N 天" in red, or "未逾期". */
export function OverdueBadge({ dpd }: { dpd: number }) {
  const t = useT();
  return dpd > 0 ? (
    <Badge tone="red">{t("loans.common.overdueDays", { days: dpd })}</Badge>
  ) : (
    <Badge tone="green">{t("loans.common.notOverdue")}</Badge>
  );
}

/** Plainly: how late, how much is unpaid, since when — the first thing on the page of a late loan. */
export function OverdueNotice({ loan, children }: { loan: LoanData; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  if (loan.status !== "ACTIVE" || loan.dpd <= 0) return null;
  const since = loan.periods.find((p) => p.overdue)?.dueOn;
  return (
    <div role="alert" className="mb-6 rounded-lg bg-red-50 px-4 py-3 text-red-900 ring-1 ring-red-200">
      <p className="font-semibold">
        {t("loans.overdueAlert", {
          days: loan.dpd,
          amount: formatFen(loan.overdueFen),
          since: since ? formatDay(since, locale) : "—",
        })}
      </p>
      {children && <p className="mt-1 text-sm">{children}</p>}
    </div>
  );
}

/** Outstanding, repaid, next payment and status. */
export function LoanStats({ loan }: { loan: LoanData }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <dl className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Stat
        label={t("loans.common.outstanding")}
        value={formatFen(loan.outstandingPrincipalFen)}
        hint={`${t("loans.common.principal")} ${formatFen(loan.principalFen)}`}
      />
      <Stat
        label={t("loans.common.paidPrincipal")}
        value={formatFen(loan.paidPrincipalFen)}
        hint={`${t("loans.common.paidInterest")} ${formatFen(loan.paidInterestFen)}`}
      />
      <Stat
        label={t("loans.common.nextDue")}
        value={loan.nextDue ? formatFen(loan.nextDue.amountFen) : "—"}
        hint={loan.nextDue ? formatDay(loan.nextDue.dueOn, locale) : t("loans.common.noNextDue")}
      />
      <Stat
        label={t("loans.common.status")}
        value={td(`loans.status.${loan.status}`)}
        hint={
          loan.status === "SETTLED" && loan.settledOn
            ? t("loans.common.settledOn", {
                date: formatDay(loan.settledOn, locale),
                how: td(`loans.settledBy.${loan.settledBy ?? "REPAID"}`),
              })
            : loan.dpd > 0
              ? t("loans.common.overdueDays", { days: loan.dpd })
              : t("loans.common.notOverdue")
        }
      />
    </dl>
  );
}

/** The loan's terms and links (renewals); `extra` rows come first (the bank adds the firm). */
export function LoanTerms({
  loan,
  loanPath,
  extra,
}: {
  loan: LoanData;
  /** the page of another loan of the same reader (renewal links) */
  loanPath: (id: string) => string;
  extra?: ReactNode;
}) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const bankName = locale === "zh-CN" ? loan.bank.name : loan.bank.nameEn;
  return (
    <DetailList>
      {extra}
      <DetailRow label={t("loans.common.bank")}>{bankName}</DetailRow>
      <DetailRow label={t("loans.common.product")}>{loan.product.name}</DetailRow>
      <DetailRow label={t("loans.common.principal")}>{formatFen(loan.principalFen)}</DetailRow>
      <DetailRow label={t("loans.common.rate")}>{formatBp(loan.rateBp)}</DetailRow>
      <DetailRow label={t("loans.common.term")}>
        {t("loans.common.termMonths", { months: loan.termMonths })}
      </DetailRow>
      <DetailRow label={t("loans.common.method")}>{td(`loans.method.${loan.repaymentMethod}`)}</DetailRow>
      <DetailRow label={t("loans.common.disbursedOn")}>{formatDay(loan.disbursedOn, locale)}</DetailRow>
      <DetailRow label={t("loans.common.maturityOn")}>{formatDay(loan.maturityOn, locale)}</DetailRow>
      {loan.renews && (
        <DetailRow label={t("loans.common.renews")}>
          <Link to={loanPath(loan.renews.id)} className="text-brand-700 hover:underline">
            {loan.renews.number}
          </Link>
          {loan.renewalKind && ` · ${td(`loans.renewalKind.${loan.renewalKind}`)}`}
        </DetailRow>
      )}
      {loan.renewedBy && (
        <DetailRow label={t("loans.common.renewedBy")}>
          <Link to={loanPath(loan.renewedBy.id)} className="text-brand-700 hover:underline">
            {loan.renewedBy.number}
          </Link>
          {loan.renewedBy.kind && ` · ${td(`loans.renewalKind.${loan.renewedBy.kind}`)}`}
        </DetailRow>
      )}
    </DetailList>
  );
}

type Period = LoanData["periods"][number];

/** Every period: due date, principal, interest, paid, unpaid, and whether it is paid, due or overdue. */
export function ScheduleTable({ loan }: { loan: LoanData }) {
  const t = useT();
  const locale = useLocale();
  const money = (key: keyof Period & string, label: string) => ({
    key,
    header: label,
    align: "right" as const,
    nowrap: true,
    cell: (p: Period) => formatFen(p[key] as string),
  });
  return (
    <Card title={t("loans.schedule.title")}>
      <DataTable
        label={t("loans.schedule.title")}
        framed={false}
        dense
        rows={loan.periods}
        rowKey={(p) => String(p.seq)}
        rowClassName={(p) => (p.overdue ? "bg-red-50/40" : undefined)}
        columns={[
          { key: "seq", header: t("loans.schedule.seq"), cell: (p) => p.seq },
          {
            key: "dueOn",
            header: t("loans.schedule.dueOn"),
            nowrap: true,
            cell: (p) => formatDay(p.dueOn, locale),
          },
          money("principalFen", t("loans.schedule.principal")),
          money("interestFen", t("loans.schedule.interest")),
          money("paidFen", t("loans.schedule.paid")),
          money("unpaidFen", t("loans.schedule.unpaid")),
          {
            key: "state",
            header: t("loans.schedule.state"),
            nowrap: true,
            cell: (p) =>
              p.paidOffOn ? (
                <Badge tone="green">
                  {t("loans.schedule.paidOff", { date: formatDay(p.paidOffOn, locale) })}
                </Badge>
              ) : p.overdue ? (
                <Badge tone="red">{t("loans.schedule.overdue")}</Badge>
              ) : p.paidFen !== "0" ? (
                <Badge tone="blue">{t("loans.schedule.partly")}</Badge>
              ) : (
                <Badge>{t("loans.schedule.due")}</Badge>
              ),
          },
        ]}
        empty={null}
      />
    </Card>
  );
}

/** The repayments recorded, newest first; the bank also sees its reference and where it came from. */
export function RepaymentsTable({ loan, showReference }: { loan: LoanData; showReference: boolean }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  type Row = LoanData["repayments"][number];
  return (
    <Card title={t("loans.repayments.title")}>
      <DataTable<Row>
        label={t("loans.repayments.title")}
        framed={false}
        dense
        rows={loan.repayments}
        rowKey={(r) => r.id}
        columns={[
          {
            key: "paidOn",
            header: t("loans.repayments.paidOn"),
            nowrap: true,
            cell: (r) => formatDay(r.paidOn, locale),
          },
          {
            key: "amount",
            header: t("loans.repayments.amount"),
            align: "right",
            nowrap: true,
            cell: (r) => formatFen(r.amountFen),
          },
          {
            key: "principal",
            header: t("loans.repayments.principal"),
            align: "right",
            nowrap: true,
            cell: (r) => formatFen(r.principalFen),
          },
          {
            key: "interest",
            header: t("loans.repayments.interest"),
            align: "right",
            nowrap: true,
            cell: (r) => formatFen(r.interestFen),
          },
          {
            key: "kind",
            header: t("loans.repayments.kind"),
            cell: (r) => td(`loans.repaymentKind.${r.kind}`),
          },
          showReference && {
            key: "reference",
            header: t("loans.repayments.reference"),
            cell: (r) => <span className="font-mono text-xs">{r.reference}</span>,
          },
          showReference && {
            key: "channel",
            header: t("loans.repayments.channel"),
            cell: (r) => td(`loans.channel.${r.channel}`),
          },
        ]}
        empty={<EmptyState title={t("loans.repayments.empty")} />}
      />
    </Card>
  );
}
