/**
 * The redeliver button's server half, shared by the bank's webhook page and the bureau's log:
 * a FAILED delivery of the actor's scope is queued again (audited by the model).
 */
import { z } from "zod";

import { redirectWithFlash } from "~/flash.server";
import type { AuditedActor, BankActor, BureauActor } from "~/models/actor";
import { redeliverWebhook } from "~/models/webhook-delivery.server";
import { parseSubmission, replyFormError } from "~/utils/form-action.server";

const redeliverSchema = () => z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) });

const ERRORS = { NOT_FOUND: "webhooks.errors.notFound", NOT_FAILED: "webhooks.errors.notFailed" } as const;

export async function redeliverFromForm(
  actor: AuditedActor<BankActor | BureauActor>,
  form: FormData,
  back: string,
) {
  const submission = parseSubmission(form, redeliverSchema());
  if (!submission.ok) return submission.reply;
  const result = await redeliverWebhook(actor, submission.data.id, { ip: actor.ip });
  if (!result.ok)
    return replyFormError(ERRORS[result.error], {
      values: submission.values,
      status: result.error === "NOT_FOUND" ? 404 : 409,
    });
  return redirectWithFlash(back, { kind: "success", key: "webhooks.flash.redelivered" });
}
