/**
 * 代偿申请 on one of the bank's loans: where the loan stands with the pool (filed or not, days past
 * due against the claim threshold), the recovery actions (追偿措施: dates and what was done) and the
 * claim form (statement and material list). Every reason a claim is refused is shown with it.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { BankNav } from "~/components/bank-nav";
import { DateField, PostForm, SelectField, TextareaField, resultFor } from "~/components/form-kit";
import { RecoveryActionList } from "~/components/pool-claim-details";
import { claimSchema, recoveryActionSchema } from "~/components/pool-forms.server";
import { ClaimStateBadge, RuleSummary } from "~/components/pool-ui";
import { Badge, Card, PageHeader, SubmitButton } from "~/components/ui";
import { formatDate, formatDay } from "~/domain/format-date";
import { formatBp } from "~/domain/money";
import { formatFen } from "~/domain/money-fen";
import { RECOVERY_ACTION_KINDS, type ClaimRefusal, type FilingRefusal } from "~/domain/risk-pool-codes";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { fileClaim } from "~/models/pool-claim.server";
import { addRecoveryAction } from "~/models/pool-recovery.server";
import { bankLoanPoolSection, isOwnLoan } from "~/models/pool-views.server";
import { requireBankUser } from "~/permissions.server";
import {
  dispatchIntent,
  parseSubmission,
  replyFieldError,
  replyFormError,
  replyWithErrors,
} from "~/utils/form-action.server";
import { FORM_ERROR } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const section = await bankLoanPoolSection(actor, params.id ?? "");
  if (!section) notFound();
  return { ...section, today: shanghaiDate(new Date()) };
}

/** Where a claim refusal is shown: the material list by its field, the others over the form. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const loanId = params.id ?? "";
  if (!(await isOwnLoan(actor, loanId))) notFound();
  const here = `/bank/loans/${encodeURIComponent(loanId)}/claim`;
  const form = await readForm(request);
  return dispatchIntent(form, {
    action: async () => {
      const submission = parseSubmission(form, recoveryActionSchema());
      if (!submission.ok) return submission.reply;
      const result = await addRecoveryAction(actor, loanId, submission.data);
      if (result.ok) return redirectWithFlash(here, { kind: "success", key: "pool.bank.actionAdded" });
      if (result.error === "NOT_FOUND") notFound();
      return replyFieldError(
        result.field,
        {
          key:
            result.error === "DATE_IN_FUTURE"
              ? "pool.errors.dateInFuture"
              : "pool.errors.dateBeforeDisbursement",
        },
        { values: submission.values },
      );
    },
    claim: async () => {
      const submission = parseSubmission(form, claimSchema());
      if (!submission.ok) return submission.reply;
      const result = await fileClaim(actor, loanId, submission.data);
      if (result.ok)
        return redirectWithFlash(`/bank/claims/${result.claimId}`, {
          kind: "success",
          key: "pool.bank.claimFiled",
        });
      if (result.error !== "REFUSED") {
        if (result.error === "NOT_FOUND") notFound();
        return replyFormError("pool.errors.alreadyClaimed", { values: submission.values, status: 409 });
      }
      return replyWithErrors({
        errors: {
          [FORM_ERROR]: { key: "pool.bank.cannotClaim" },
          ...(result.reasons.includes("NO_MATERIALS")
            ? { materials: { key: "pool.refusal.NO_MATERIALS" } }
            : {}),
        },
        values: submission.values,
        reasons: result.reasons,
      });
    },
  });
}

export default function BankLoanClaim() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const claimResult = resultFor(actionData, { intent: "claim" });
  const reasons = claimResult && "reasons" in claimResult ? (claimResult.reasons as ClaimRefusal[]) : [];
  const pastThreshold = data.claimThresholdDpd !== null && data.daysPastDue >= data.claimThresholdDpd;
  return (
    <div className="flex flex-col gap-6">
      <BankNav />
      <p>
        <Link to={`/bank/loans/${data.loanId}`} className="text-sm text-brand-700 hover:underline">
          ← {data.enterprise} <span className="font-mono">{data.number}</span>
        </Link>
      </p>
      <PageHeader
        title={`${t("pool.bank.claimTitle")} · ${data.enterprise}`}
        description={t("pool.bank.claimsIntro")}
      />
      <Card title={t("pool.bank.section")}>
        <div className="flex flex-col gap-3 text-sm">
          {data.filing ? (
            <>
              <p>
                <Badge tone="green">{t("pool.firm.covered")}</Badge>{" "}
                {t("pool.bank.filed", {
                  date: formatDate(data.filing.filedAt, locale),
                  day: formatDay(data.filing.rule.effectiveOn, locale),
                  coverage: formatBp(data.filing.rule.coverageBp),
                  cap: formatFen(BigInt(data.filing.rule.capYuan) * 100n),
                })}
              </p>
              <RuleSummary rule={data.filing.rule} />
            </>
          ) : (
            <FilingBox data={data} />
          )}
          <p>
            {t("pool.claim.principal")}:{" "}
            <span className="font-semibold">{formatFen(data.outstandingFen)}</span>
          </p>
          {data.claimThresholdDpd !== null && (
            <p className={pastThreshold ? "font-medium text-red-800" : undefined}>
              {t("pool.bank.claimThreshold", { threshold: data.claimThresholdDpd, dpd: data.daysPastDue })}
            </p>
          )}
        </div>
      </Card>

      <Card title={t("pool.bank.recoveryActionsTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("pool.bank.recoveryActionsIntro")}</p>
        <RecoveryActionList actions={data.recoveryActions} />
        <PostForm
          result={actionData}
          intent="action"
          idPrefix="action-"
          defaults={{ takenOn: data.today }}
          className="mt-4 grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-3 sm:items-start"
        >
          <DateField name="takenOn" label={t("pool.bank.takenOn")} max={data.today} />
          <SelectField
            name="kind"
            label={t("pool.bank.kind")}
            placeholder="—"
            options={RECOVERY_ACTION_KINDS.map((k) => ({
              value: k,
              label: t(`pool.recoveryActionKind.${k}`),
            }))}
          />
          <TextareaField name="description" label={t("pool.bank.description")} maxLength={500} rows={2} />
          <div className="sm:col-span-3">
            <SubmitButton name="intent" value="action" variant="secondary">
              {t("pool.bank.addAction")}
            </SubmitButton>
          </div>
        </PostForm>
      </Card>

      {data.claim ? (
        <Card title={t("pool.bank.claimTitle")}>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <ClaimStateBadge state={data.claim.state} />
            <Link to={`/bank/claims/${data.claim.id}`} className="text-brand-700 hover:underline">
              {t("pool.claims.open")}
            </Link>
          </p>
        </Card>
      ) : (
        <Card title={t("pool.bank.fileClaim")}>
          <PostForm result={actionData} intent="claim" idPrefix="claim-" className="flex flex-col gap-3">
            {reasons.length > 0 && (
              <ul className="list-disc pl-8 text-sm text-red-800">
                {reasons.map((r) => (
                  <li key={r}>{t(`pool.refusal.${r}`)}</li>
                ))}
              </ul>
            )}
            <TextareaField name="statement" label={t("pool.bank.statement")} maxLength={2000} rows={4} />
            <TextareaField
              name="materials"
              label={t("pool.bank.materials")}
              hint={t("pool.bank.materialsHint")}
              rows={5}
            />
            <div>
              <SubmitButton name="intent" value="claim">
                {t("pool.bank.fileClaim")}
              </SubmitButton>
            </div>
          </PostForm>
        </Card>
      )}
    </div>
  );
}

function FilingBox({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-2">
      <p>
        {data.filingDeadline
          ? t("pool.bank.notFiled", { deadline: formatDay(data.filingDeadline, locale) })
          : t("pool.bank.noRuleDeadline")}
      </p>
      {data.filingRefusals.length > 0 ? (
        <div>
          <p className="font-medium text-amber-900">{t("pool.bank.cannotFile")}</p>
          <ul className="list-disc pl-6 text-amber-900">
            {data.filingRefusals.map((r: FilingRefusal) => (
              <li key={r}>{t(`pool.refusal.${r}`)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <Form method="post" action={`/bank/loans/${data.loanId}/filing`}>
          <input type="hidden" name="back" value="claim" />
          <SubmitButton name="intent" value="file">
            {t("pool.bank.file")}
          </SubmitButton>
        </Form>
      )}
    </div>
  );
}
