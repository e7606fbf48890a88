import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import {
  LoanStats,
  LoanTerms,
  OverdueNotice,
  RepaymentsTable,
  RiskClassBadge,
  ScheduleTable,
} from "~/components/loan-view";
import { DetailRow } from "~/components/detail-list";
import { PageHeader, buttonClass } from "~/components/ui";
import { formatFen } from "~/domain/money-fen";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { getLocale } from "~/i18n/locale.server";
import { translate } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { recordRepayment, reportRiskClass, type RecordRepaymentResult } from "~/models/loan.server";
import { isBankLoan, settlementQuoteOn } from "~/models/loan-pages.server";
import { getLoan } from "~/models/loan-view.server";
import { bankLoanPoolSection } from "~/models/pool-views.server";
import { requireBankUser } from "~/permissions.server";
import { dispatchIntent, parseSubmission, replyFieldError, replyFormError } from "~/utils/form-action.server";
import type { FormValues } from "~/utils/forms";
import { formReused, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { classSchema, repaySchema, settleSchema } from "./schema.server";
import { ClassForm, PoolSection, RepayForm, SettleForm } from "./sections";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const id = params.id ?? "";
  const loan = await getLoan({ id, actor });
  if (!loan) throw notFound();
  const pool = await bankLoanPoolSection(actor, id);
  return json(
    {
      loan,
      pool: pool && {
        filedAt: pool.filing?.filedAt ?? null,
        refusals: pool.filingRefusals,
        deadline: pool.filingDeadline,
        claimThresholdDpd: pool.claimThresholdDpd,
        daysPastDue: pool.daysPastDue,
        claim: pool.claim && { state: pool.claim.state },
      },
      // one key per form: a replay of one form never answers for the other
      formKeys: { repay: newFormKey(), settle: newFormKey() },
      today: shanghaiDate(new Date()),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const FIELD_MESSAGES = {
  DATE_INVALID: "loans.errors.paidOnInvalid",
  DATE_FUTURE: "loans.errors.paidOnFuture",
  DATE_BEFORE_DISBURSEMENT: "loans.errors.paidOnBeforeDisbursement",
  DATE_BEFORE_LAST_REPAYMENT: "loans.errors.paidOnBeforeLast",
  AMOUNT_NOT_POSITIVE: "loans.errors.amountNotPositive",
  MORE_THAN_OWED: "loans.errors.amountTooHigh",
  NOTHING_OWED: "loans.errors.nothingOwed",
  DUPLICATE_REFERENCE: "loans.errors.referenceDuplicate",
} as const;

/** The page's answer to a recorded (or refused) repayment; `amountField` false for the settle form, which has none. */
function answer(id: string, result: RecordRepaymentResult, values: FormValues, amountField = true) {
  if (result.ok)
    return redirectWithFlash(`/bank/loans/${id}`, {
      kind: "success",
      key: result.settled ? "loans.bankLoan.settledFlash" : "loans.bankLoan.repaid",
    });
  if (result.error !== "FIELD") {
    if (result.error === "NOT_FOUND") throw notFound();
    if (result.error === "KEY_TAKEN") return formReused();
    return replyFormError("loans.errors.stale", { values, status: 409 });
  }
  const error = {
    key: FIELD_MESSAGES[result.code],
    ...(result.maxFen !== undefined ? { params: { max: formatFen(result.maxFen) } } : {}),
  };
  if (result.field === "amount" && !amountField)
    return replyFormError(error.key, { params: error.params, values });
  return replyFieldError(result.field, error, { values });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBankUser(request);
  const id = params.id ?? "";
  // another bank's loan answers as a loan that does not exist
  if (!(await isBankLoan(actor, id))) throw notFound();
  const form = await readForm(request);
  return dispatchIntent(form, {
    repay: async () => {
      const submission = parseSubmission(form, repaySchema());
      if (!submission.ok) return submission.reply;
      const { paidOn, amount, reference } = submission.data;
      const result = await recordRepayment({
        loanId: id,
        actor,
        paidOn,
        amountFen: amount,
        reference,
        formKey: formKeyOf(form),
      });
      return answer(id, result, submission.values);
    },
    settle: async () => {
      const submission = parseSubmission(form, settleSchema());
      if (!submission.ok) return submission.reply;
      const { paidOn, reference, version } = submission.data;
      const quote = await settlementQuoteOn(actor, id, paidOn);
      if (!quote) return replyFormError("loans.errors.settled", { values: submission.values });
      // the amount is the quote of the loan as the officer saw it: a change since is refused
      if (quote.version !== version)
        return replyFormError("loans.errors.stale", { values: submission.values, status: 409 });
      const result = await recordRepayment({
        loanId: id,
        actor,
        paidOn,
        amountFen: quote.settlementFen,
        reference,
        formKey: formKeyOf(form),
      });
      return answer(id, result, submission.values, false);
    },
    riskClass: async () => {
      const submission = parseSubmission(form, classSchema());
      if (!submission.ok) return submission.reply;
      const result = await reportRiskClass({ loanId: id, actor, riskClass: submission.data.riskClass });
      if (result.ok)
        return redirectWithFlash(`/bank/loans/${id}`, { kind: "success", key: "loans.bankLoan.classSaved" });
      if (result.error === "NOT_FOUND") throw notFound();
      if (result.error === "SETTLED")
        return replyFormError("loans.errors.settled", { values: submission.values });
      if (result.error === "CHANGED")
        return replyFormError("loans.errors.stale", { values: submission.values, status: 409 });
      const loan = await getLoan({ id, actor });
      const locale = await getLocale(request);
      return replyFieldError(
        "riskClass",
        {
          key: "loans.errors.classBetter",
          params: { floor: loan ? translate(locale, `loans.riskClass.${loan.floor}`) : "" },
        },
        { values: submission.values },
      );
    },
  });
}

export default function BankLoan() {
  const { loan, pool, formKeys, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div>
      <BankNav />
      <p className="mb-2">
        <Link to="/bank/loans" className="text-sm text-brand-700 hover:underline">
          ← {t("loans.bankLoan.back")}
        </Link>
      </p>
      <PageHeader
        title={t("loans.bankLoan.title", { number: loan.number })}
        description={loan.enterprise.name}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {loan.status === "ACTIVE" && <RiskClassBadge riskClass={loan.riskClass} />}
            <Link to={`/bank/applications/${loan.applicationId}`} className={buttonClass("secondary")}>
              {t("loans.bankLoan.application")}
            </Link>
          </div>
        }
      />
      <OverdueNotice loan={loan} />
      <LoanStats loan={loan} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
          <h2 className="mb-4 text-lg font-semibold text-slate-900">{t("loans.enterprise.terms")}</h2>
          <LoanTerms
            loan={loan}
            loanPath={(id) => `/bank/loans/${id}`}
            extra={
              <>
                <DetailRow label={t("loans.common.enterprise")}>
                  {loan.enterprise.name}
                  <span className="ml-2 font-mono text-xs text-slate-500">{loan.enterprise.uscc}</span>
                </DetailRow>
                <DetailRow label={t("loans.common.firstLoan")}>
                  {loan.firstLoan ? t("loans.common.yes") : t("loans.common.no")}
                </DetailRow>
              </>
            }
          />
        </section>
        {pool && <PoolSection loanId={loan.id} active={loan.status === "ACTIVE"} pool={pool} />}
      </div>
      <div className="mt-6 flex flex-col gap-6">
        {loan.status === "ACTIVE" && loan.quote ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <RepayForm
              result={actionData}
              formKey={formKeys.repay}
              today={today}
              maxFen={loan.quote.maxFen}
            />
            <div className="flex flex-col gap-6">
              <SettleForm
                result={actionData}
                formKey={formKeys.settle}
                today={today}
                version={loan.version}
                settlementFen={loan.quote.settlementFen}
              />
              <ClassForm
                result={actionData}
                floor={loan.floor}
                reported={loan.reportedRiskClass}
                inForce={loan.riskClass}
              />
            </div>
          </div>
        ) : (
          <p className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200">
            {t("loans.bankLoan.settledNote")}
          </p>
        )}
        <ScheduleTable loan={loan} />
        <RepaymentsTable loan={loan} showReference />
      </div>
    </div>
  );
}
