import { claimSchema, recoveryActionSchema } from "~/components/pool-forms.server";
import { redirectWithFlash } from "~/flash.server";
import type { AuditedActor, BankActor } from "~/models/actor";
import { fileClaim } from "~/models/pool-claim.server";
import { addRecoveryAction } from "~/models/pool-recovery.server";
import {
  parseSubmission,
  replyFieldError,
  replyFormError,
  replyWithErrors,
} from "~/utils/form-action.server";
import { FORM_ERROR } from "~/utils/forms";
import { notFound } from "~/utils/http.server";

/** 追偿措施: one recovery action (a day not in the future, not before the disbursement). */
export async function submitRecoveryAction(actor: AuditedActor<BankActor>, loanId: string, form: FormData) {
  const submission = parseSubmission(form, recoveryActionSchema());
  if (!submission.ok) return submission.reply;
  const result = await addRecoveryAction(actor, loanId, submission.data);
  if (result.ok)
    return redirectWithFlash(`/bank/loans/${encodeURIComponent(loanId)}/claim`, {
      kind: "success",
      key: "pool.bank.actionAdded",
    });
  if (result.error === "NOT_FOUND") notFound();
  return replyFieldError(
    result.field,
    {
      key:
        result.error === "DATE_IN_FUTURE" ? "pool.errors.dateInFuture" : "pool.errors.dateBeforeDisbursement",
    },
    { values: submission.values },
  );
}

/** Where a claim refusal is shown: the material list by its field, the others over the form. */
export async function submitClaim(actor: AuditedActor<BankActor>, loanId: string, form: FormData) {
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
      ...(result.reasons.includes("NO_MATERIALS") ? { materials: { key: "pool.refusal.NO_MATERIALS" } } : {}),
    },
    values: submission.values,
    reasons: result.reasons,
  });
}
