import { approveSchema, rejectSchema, returnSchema } from "~/components/pool-forms.server";
import { formatFen } from "~/domain/money-fen";
import { redirectWithFlash } from "~/flash.server";
import type { AuditedActor, BureauActor } from "~/models/actor";
import { payClaim, reviewClaim, type ReviewResult } from "~/models/pool-claim.server";
import { parseSubmission, replyFieldError, replyFormError } from "~/utils/form-action.server";
import type { FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";

/** What a refused review answers: the page's own message, the input kept. */
function refused(result: Exclude<ReviewResult, { ok: true }>, values: FormValues, computedFen: bigint) {
  const { error } = result;
  if (error === "NOT_FOUND") return notFound();
  if (error === "CHANGED") return replyFormError("pool.errors.changed", { values, status: 409 });
  if (error === "REASON_REQUIRED")
    return replyFieldError("reason", { key: "common.validation.invalidChoice" }, { values });
  if (error === "TEXT_REQUIRED")
    return replyFieldError("text", { key: "pool.errors.textRequired" }, { values });
  if (error === "AMOUNT_NOT_POSITIVE")
    return replyFieldError("amount", { key: "pool.errors.amountNotPositive" }, { values });
  return replyFieldError(
    "amount",
    { key: "pool.errors.amountOverComputed", params: { computed: formatFen(computedFen) } },
    { values },
  );
}

/** The page's four forms (approve, return, reject, pay), for dispatchIntent. */
export function claimReviewIntents(
  actor: AuditedActor<BureauActor>,
  id: string,
  form: FormData,
  computedFen: bigint,
) {
  const back = `/gov/risk-pool/claims/${id}`;
  return {
    approve: async () => {
      const submission = parseSubmission(form, approveSchema());
      if (!submission.ok) return submission.reply;
      const { amount, version } = submission.data;
      const result = await reviewClaim(actor, id, { action: "approve", amountFen: amount }, version);
      if (!result.ok) return refused(result, submission.values, computedFen);
      return redirectWithFlash(back, {
        kind: "success",
        key: result.paid ? "pool.claim.flash.paid" : "pool.claim.flash.approved",
      });
    },
    return: async () => {
      const submission = parseSubmission(form, returnSchema());
      if (!submission.ok) return submission.reply;
      const { note, version } = submission.data;
      const result = await reviewClaim(actor, id, { action: "return", note }, version);
      if (!result.ok) return refused(result, submission.values, computedFen);
      return redirectWithFlash(back, { kind: "success", key: "pool.claim.flash.returned" });
    },
    reject: async () => {
      const submission = parseSubmission(form, rejectSchema());
      if (!submission.ok) return submission.reply;
      const { reason, text, version } = submission.data;
      const result = await reviewClaim(actor, id, { action: "reject", reason, text }, version);
      if (!result.ok) return refused(result, submission.values, computedFen);
      return redirectWithFlash(back, { kind: "success", key: "pool.claim.flash.rejected" });
    },
    pay: async () => {
      const result = await payClaim(actor, id);
      if (!result.ok) {
        if (result.error === "NOT_FOUND") notFound();
        return replyFormError("pool.errors.changed", { status: 409 });
      }
      return redirectWithFlash(
        back,
        result.paid
          ? { kind: "success", key: "pool.claim.flash.payDone" }
          : { kind: "info", key: "pool.claim.flash.payWaiting" },
      );
    },
  };
}
