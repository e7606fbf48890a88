import { recoverySchema, refileSchema } from "~/components/pool-forms.server";
import { formatFen } from "~/domain/money-fen";
import { redirectWithFlash } from "~/flash.server";
import type { AuditedActor, BankActor } from "~/models/actor";
import { refileClaim } from "~/models/pool-claim.server";
import { reportRecovery } from "~/models/pool-recovery.server";
import {
  parseSubmission,
  replyFieldError,
  replyFormError,
  replyWithErrors,
} from "~/utils/form-action.server";
import { FORM_ERROR } from "~/utils/forms";
import { notFound } from "~/utils/http.server";

const here = (id: string) => `/bank/claims/${encodeURIComponent(id)}`;

/** A RETURNED claim answered with more material; every reason it is still refused comes back with the form. */
export async function submitRefile(actor: AuditedActor<BankActor>, id: string, form: FormData) {
  const submission = parseSubmission(form, refileSchema());
  if (!submission.ok) return submission.reply;
  const { statement, materials, version } = submission.data;
  const result = await refileClaim(actor, id, { statement, materials }, version);
  if (result.ok) return redirectWithFlash(here(id), { kind: "success", key: "pool.bank.refiled" });
  if (result.error !== "REFUSED") {
    if (result.error === "NOT_FOUND") notFound();
    return replyFormError("pool.errors.changed", { values: submission.values, status: 409 });
  }
  return replyWithErrors({
    errors: { [FORM_ERROR]: { key: "pool.bank.cannotClaim" } },
    values: submission.values,
    reasons: result.reasons,
  });
}

const RECOVERY_ERROR_KEY = {
  DATE_BEFORE_PAYMENT: "pool.errors.dateBeforePayment",
  DATE_IN_FUTURE: "pool.errors.dateInFuture",
  AMOUNT_NOT_POSITIVE: "pool.errors.amountNotPositive",
  DUPLICATE_REFERENCE: "pool.errors.duplicateReference",
} as const;

/** A recovery after the pool has paid: the flash tells the pool's share of it. */
export async function submitRecovery(actor: AuditedActor<BankActor>, id: string, form: FormData) {
  const submission = parseSubmission(form, recoverySchema());
  if (!submission.ok) return submission.reply;
  const { recoveredOn, amount, reference, note } = submission.data;
  const result = await reportRecovery(actor, id, { recoveredOn, amountFen: amount, reference, note });
  if (result.ok)
    return redirectWithFlash(here(id), {
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
}
