import { formatFen } from "~/domain/money-fen";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { getLocale } from "~/i18n/locale.server";
import { translate } from "~/i18n/translate";
import type { BankActor } from "~/models/actor";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import {
  recordRepayment,
  reportRiskClass,
  REPAYMENT_ERROR_MESSAGES,
  type RecordRepaymentResult,
} from "~/models/loan.server";
import { settlementQuoteOn } from "~/models/loan-pages.server";
import { getLoan } from "~/models/loan-view.server";
import { bankLoanPoolSection } from "~/models/pool-views.server";
import { parseSubmission, replyFieldError, replyFormError } from "~/utils/form-action.server";
import type { FormValues } from "~/utils/forms";
import { formReused, notFound } from "~/utils/http.server";

import { classSchema, repaySchema, settleSchema } from "./schema.server";

/** The bank's loan page: the loan, its risk-pool section, a key per form and today in Shanghai. */
export async function loanPage(actor: BankActor, id: string) {
  const loan = await getLoan({ id, actor });
  if (!loan) throw notFound();
  const pool = await bankLoanPoolSection(actor, id);
  return {
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
  };
}

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
    key: REPAYMENT_ERROR_MESSAGES[result.code],
    ...(result.maxFen !== undefined ? { params: { max: formatFen(result.maxFen) } } : {}),
  };
  if (result.field === "amount" && !amountField)
    return replyFormError(error.key, { params: error.params, values });
  return replyFieldError(result.field, error, { values });
}

/** 报告还款: a repayment of the amount the officer typed. */
export async function repay(actor: BankActor, id: string, form: FormData) {
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
}

/** 结清: a repayment of the settlement quote for the chosen day. */
export async function settle(actor: BankActor, id: string, form: FormData) {
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
}

/** The class the bank reports; a class better than the floor is refused with the floor in the user's language. */
export async function reportClass(actor: BankActor, id: string, form: FormData, request: Request) {
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
}
