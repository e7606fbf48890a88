import { PASSWORD_MAX_LENGTH } from "~/domain/password-policy";
import type { AuditedActor, BureauActor } from "~/models/actor";
import {
  disableAccount,
  enableAccount,
  resetPassword,
  unlockAccount,
  type AccountChange,
} from "~/models/admin.server";
import type { FieldErrors } from "~/utils/forms";

/** What the page's forms answer when they fail, and the password a reset generated. */
export type AccountResult = { errors: FieldErrors; password: string | null };

/**
 * Runs one of the page's four buttons (disable, enable, unlock, reset the password). A typed
 * password that is not a string, or longer than the policy allows, or an unknown intent, is
 * answered here without a call to the model.
 */
export async function runAccountIntent(
  actor: AuditedActor<BureauActor>,
  id: string,
  intent: string,
  form: FormData,
): Promise<AccountChange | AccountResult> {
  switch (intent) {
    case "disable":
      return disableAccount(actor, id);
    case "enable":
      return enableAccount(actor, id);
    case "unlock":
      return unlockAccount(actor, id);
    case "reset": {
      const typed = form.get("password");
      if (typeof typed !== "string" || typed.length > PASSWORD_MAX_LENGTH)
        return { errors: { password: { key: "gov.admin.passwordProblem.tooLong" } }, password: null };
      return resetPassword(actor, id, typed);
    }
    default:
      return { errors: { _form: { key: "common.validation.invalidChoice" } }, password: null };
  }
}
