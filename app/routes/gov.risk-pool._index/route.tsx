import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { MoneyField, PostForm, SelectField, TextField } from "~/components/form-kit";
import { depositSchema } from "~/components/pool-forms.server";
import { GovNav } from "~/components/gov-nav";
import { DataTable, FilterForm, type Column } from "~/components/list-kit";
import { BureauPoolNav, RuleSummary, bankName } from "~/components/pool-ui";
import { Card, EmptyState, PageHeader, Stat, SubmitButton } from "~/components/ui";
import { formatDateTime, formatDay } from "~/domain/format-date";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { formatFen, formatFenAsWan } from "~/domain/money-fen";
import { CLAIM_STATES, MOVEMENT_KINDS, type ClaimState, type MovementKind } from "~/domain/risk-pool-codes";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { officePoolFigures, poolOverview } from "~/models/pool-views.server";
import { listLedger, recordDeposit } from "~/models/risk-pool.server";
import { requireBureauUser, requireGovUser } from "~/permissions.server";
import { parseSubmission } from "~/utils/form-action.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  if (actor.role === "GOV_OFFICE")
    return { view: "office" as const, figures: await officePoolFigures(actor) };
  const params = new URL(request.url).searchParams;
  const page = parsePage(params.get("page"));
  const kind = parseChoice(MOVEMENT_KINDS, params.get("kind")) ?? null;
  const [overview, ledger] = await Promise.all([poolOverview(actor), listLedger(actor, { page, kind })]);
  return {
    view: "bureau" as const,
    overview,
    page,
    total: ledger.total,
    movements: ledger.rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      amountFen: row.amountFen.toString(),
      balanceAfterFen: row.balanceAfterFen.toString(),
      reference: row.reference,
      note: row.note,
      at: row.at,
      claimId: row.claim?.id ?? null,
      bank: row.claim?.bank ?? row.recovery?.bank ?? null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const submission = parseSubmission(form, depositSchema());
  if (!submission.ok) return submission.reply;
  const { amount, reference, note } = submission.data;
  const result = await recordDeposit(actor, { amountFen: amount, reference, note });
  return redirectWithFlash(
    "/gov/risk-pool",
    result.paidClaimIds.length
      ? { kind: "success", key: "pool.deposit.paidWaiting", params: { count: result.paidClaimIds.length } }
      : { kind: "success", key: "pool.deposit.done" },
  );
}

const OFFICE = "GOV_OFFICE";

type Data = SerializeFrom<typeof loader>;
type Movement = Extract<Data, { view: "bureau" }>["movements"][number];

export default function RiskPoolOverview() {
  const data = useLoaderData<typeof loader>();
  if (data.view === "office") return <OfficeFigures figures={data.figures} />;
  return <BureauOverview data={data} />;
}

function ClaimCounts({ counts }: { counts: Partial<Record<ClaimState, number>> }) {
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

function OfficeFigures({ figures }: { figures: Extract<Data, { view: "office" }>["figures"] }) {
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

function BureauOverview({ data }: { data: Extract<Data, { view: "bureau" }> }) {
  const { overview, movements, total, page } = data;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const columns: Column<Movement>[] = [
    { key: "at", header: t("pool.ledger.at"), nowrap: true, cell: (m) => formatDateTime(m.at, locale) },
    {
      key: "kind",
      header: t("pool.ledger.kind"),
      nowrap: true,
      cell: (m) => t(`pool.movementKind.${m.kind as MovementKind}`),
    },
    {
      key: "amount",
      header: t("pool.ledger.amount"),
      align: "right",
      nowrap: true,
      cell: (m) => (
        <span className={m.amountFen.startsWith("-") ? "text-red-700" : "text-emerald-700"}>
          {m.amountFen.startsWith("-") ? "" : "+"}
          {formatFen(m.amountFen)}
        </span>
      ),
    },
    {
      key: "balance",
      header: t("pool.ledger.balanceAfter"),
      align: "right",
      nowrap: true,
      cell: (m) => formatFen(m.balanceAfterFen),
    },
    {
      key: "reference",
      header: t("pool.ledger.reference"),
      cell: (m) =>
        m.claimId ? (
          <Link to={`/gov/risk-pool/claims/${m.claimId}`} className="text-brand-700 hover:underline">
            {m.reference}
          </Link>
        ) : (
          <>
            {m.reference}
            {m.note && <p className="text-xs text-slate-500">{m.note}</p>}
          </>
        ),
    },
    {
      key: "bank",
      header: t("pool.ledger.counterpart"),
      cell: (m) => (m.bank ? bankName(m.bank, locale) : "—"),
    },
  ];
  return (
    <div className="flex flex-col gap-6">
      <BureauPoolNav />
      <PageHeader title={t("pool.title")} description={t("pool.intro")} />
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
      <Card title={t("pool.deposit.title")}>
        <PostForm result={actionData} className="grid gap-3 sm:grid-cols-3 sm:items-start">
          <MoneyField name="amount" label={t("pool.deposit.amount")} maxLength={20} />
          <TextField
            name="reference"
            label={t("pool.deposit.reference")}
            hint={t("pool.deposit.referenceHint")}
            maxLength={100}
          />
          <TextField name="note" label={t("pool.deposit.note")} maxLength={200} />
          <div className="sm:col-span-3">
            <SubmitButton>{t("pool.deposit.submit")}</SubmitButton>
          </div>
        </PostForm>
      </Card>
      <section className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold text-slate-900">{t("pool.ledger.title")}</h2>
        <p className="text-sm text-slate-600">{t("pool.ledger.intro")}</p>
        <FilterForm label={t("pool.ledger.title")} resetTo="/gov/risk-pool">
          <SelectField
            name="kind"
            label={t("pool.ledger.kind")}
            placeholder={t("pool.ledger.anyKind")}
            options={MOVEMENT_KINDS.map((kind) => ({ value: kind, label: t(`pool.movementKind.${kind}`) }))}
          />
        </FilterForm>
        <DataTable
          label={t("pool.ledger.title")}
          rows={movements}
          rowKey={(m) => m.id}
          columns={columns}
          empty={<EmptyState title={t("pool.ledger.empty")} />}
          pagination={{ page, pageSize: PAGE_SIZE, total }}
        />
      </section>
    </div>
  );
}
