/**
 * One of the bank's claims: its figures and history; a RETURNED claim answered with more material
 * (resubmitted), and recoveries reported after the pool has paid. Another bank's claim: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { BankNav } from "~/components/bank-nav";
import { DateField, MoneyField, PostForm, TextField, TextareaField, resultFor } from "~/components/form-kit";
import { ClaimFacts, ClaimHistory, RecoveryActionList, RecoveryTable } from "~/components/pool-claim-details";
import { recoverySchema, refileSchema } from "~/components/pool-forms.server";
import { Card, SubmitButton } from "~/components/ui";
import { formatBp } from "~/domain/money";
import { formatFen } from "~/domain/money-fen";
import type { ClaimRefusal } from "~/domain/risk-pool-codes";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { refileClaim } from "~/models/pool-claim.server";
import { reportRecovery } from "~/models/pool-recovery.server";
import { getClaimForBank, isOwnClaim } from "~/models/pool-views.server";
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
  const found = await getClaimForBank(actor, params.id ?? "");
  if (!found) notFound();
  return { ...found, today: shanghaiDate(new Date()) };
}

const RECOVERY_ERROR_KEY = {
  DATE_BEFORE_PAYMENT: "pool.errors.dateBeforePayment",
  DATE_IN_FUTURE: "pool.errors.dateInFuture",
  AMOUNT_NOT_POSITIVE: "pool.errors.amountNotPositive",
  DUPLICATE_REFERENCE: "pool.errors.duplicateReference",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const id = params.id ?? "";
  if (!(await isOwnClaim(actor, id))) notFound();
  const here = `/bank/claims/${encodeURIComponent(id)}`;
  const form = await readForm(request);
  return dispatchIntent(form, {
    refile: async () => {
      const submission = parseSubmission(form, refileSchema());
      if (!submission.ok) return submission.reply;
      const { statement, materials, version } = submission.data;
      const result = await refileClaim(actor, id, { statement, materials }, version);
      if (result.ok) return redirectWithFlash(here, { kind: "success", key: "pool.bank.refiled" });
      if (result.error !== "REFUSED") {
        if (result.error === "NOT_FOUND") notFound();
        return replyFormError("pool.errors.changed", { values: submission.values, status: 409 });
      }
      return replyWithErrors({
        errors: { [FORM_ERROR]: { key: "pool.bank.cannotClaim" } },
        values: submission.values,
        reasons: result.reasons,
      });
    },
    recovery: async () => {
      const submission = parseSubmission(form, recoverySchema());
      if (!submission.ok) return submission.reply;
      const { recoveredOn, amount, reference, note } = submission.data;
      const result = await reportRecovery(actor, id, { recoveredOn, amountFen: amount, reference, note });
      if (result.ok)
        return redirectWithFlash(here, {
          kind: "success",
          key: "pool.bank.recoveryReported",
          params: { share: formatFen(result.shareFen) },
        });
      if (!("field" in result)) {
        if (result.error === "NOT_FOUND") notFound();
        return replyFormError("pool.errors.notPaid", { values: submission.values, status: 409 });
      }
      return replyFieldError(
        result.field,
        { key: RECOVERY_ERROR_KEY[result.error] },
        { values: submission.values },
      );
    },
  });
}

export default function BankClaim() {
  const { claim, recoveryActions, paidShareBp, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const refileResult = resultFor(actionData, { intent: "refile" });
  const reasons = refileResult && "reasons" in refileResult ? (refileResult.reasons as ClaimRefusal[]) : [];
  return (
    <div className="flex flex-col gap-6">
      <BankNav />
      <p>
        <Link to="/bank/claims" className="text-sm text-brand-700 hover:underline">
          ← {t("pool.claim.back")}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <ClaimFacts
            claim={claim}
            loan={
              <Link to={`/bank/loans/${claim.loanId}`} className="font-mono text-brand-700 hover:underline">
                {claim.number}
              </Link>
            }
          />
          <Card title={t("pool.claim.recoveryActions")}>
            <RecoveryActionList actions={recoveryActions} />
            <p className="mt-3 text-sm">
              <Link to={`/bank/loans/${claim.loanId}/claim`} className="text-brand-700 hover:underline">
                {t("pool.bank.addAction")}
              </Link>
            </p>
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
        <div className="flex min-w-0 flex-col gap-6">
          {claim.state === "RETURNED" && (
            <Card title={t("pool.bank.refileTitle")}>
              <PostForm
                result={actionData}
                intent="refile"
                idPrefix="refile-"
                defaults={{ statement: claim.statement }}
                className="flex flex-col gap-3"
              >
                {reasons.length > 0 && (
                  <ul className="list-disc pl-6 text-sm text-red-800">
                    {reasons.map((r) => (
                      <li key={r}>{t(`pool.refusal.${r}`)}</li>
                    ))}
                  </ul>
                )}
                <input type="hidden" name="version" value={claim.version} />
                <TextareaField name="statement" label={t("pool.bank.statement")} maxLength={2000} rows={4} />
                <TextareaField
                  name="materials"
                  label={t("pool.bank.moreMaterials")}
                  hint={t("pool.bank.materialsHint")}
                  rows={4}
                />
                <SubmitButton name="intent" value="refile">
                  {t("pool.bank.refile")}
                </SubmitButton>
              </PostForm>
            </Card>
          )}
          {claim.state === "PAID" && paidShareBp !== null && (
            <Card title={t("pool.bank.recoveryTitle")}>
              <p className="mb-3 text-sm text-slate-600">
                {t("pool.bank.recoveryIntro", { share: formatBp(paidShareBp) })}
              </p>
              <PostForm
                result={actionData}
                intent="recovery"
                idPrefix="recovery-"
                defaults={{ recoveredOn: today }}
                className="flex flex-col gap-3"
              >
                <DateField name="recoveredOn" label={t("pool.bank.recoveredOn")} max={today} />
                <MoneyField name="amount" label={t("pool.bank.amount")} maxLength={20} />
                <TextField name="reference" label={t("pool.bank.reference")} maxLength={50} />
                <TextField name="note" label={t("pool.bank.note")} maxLength={200} />
                <SubmitButton name="intent" value="recovery">
                  {t("pool.bank.reportRecovery")}
                </SubmitButton>
              </PostForm>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
