import { invitationPrefill } from "~/models/invitation.server";
import {
  listActiveSubDistricts,
  lookupRegistry,
  type LookupResult,
  type RegisterResult,
} from "~/models/registration.server";
import { getSettings } from "~/models/settings.server";
import type { FieldError, FieldErrors } from "~/utils/forms";

import { E, LOOKUP_ERROR_KEYS, USCC_PROBLEM_KEYS } from "./schema.server";

/** The message of a failed registry lookup (a USCC problem names what is wrong with it). */
function lookupErrorOf(lookup: LookupResult | null): FieldError | null {
  if (!lookup || lookup.ok) return null;
  return {
    key:
      lookup.error === "INVALID_USCC"
        ? (USCC_PROBLEM_KEYS[lookup.problem ?? ""] ?? LOOKUP_ERROR_KEYS.INVALID_USCC)
        : LOOKUP_ERROR_KEYS[lookup.error],
    params: { status: lookup.status ?? "" },
  };
}

/**
 * What the registration page shows for its query string: the registry record of the USCC (an
 * office's invitation link prefills the sub-district and, when given, the USCC), the
 * sub-districts and the commitment's version.
 */
export async function registrationPage(params: URLSearchParams) {
  const invite = await invitationPrefill(params.get("invite"));
  const uscc = (params.get("uscc") ?? invite?.uscc ?? "").slice(0, 64);
  const [subDistricts, settings, lookup] = await Promise.all([
    listActiveSubDistricts(),
    getSettings(),
    uscc ? lookupRegistry(uscc) : Promise.resolve(null),
  ]);
  return {
    uscc,
    registry: lookup?.ok ? lookup.registry : null,
    lookupError: lookupErrorOf(lookup),
    subDistricts,
    commitmentVersion: settings["commitment.version"],
    invite: invite && { code: invite.code, subDistrictId: invite.subDistrictId },
    inviteInvalid: params.has("invite") && !invite,
  };
}

/** A refused registration as the form shows it: a field's error, or the form's own. */
export function registrationRefusal(result: Extract<RegisterResult, { ok: false }>) {
  const errors: FieldErrors = {};
  let formError: FieldError | null = null;
  if (result.error === "USERNAME_TAKEN") errors.username = { key: `${E}.usernameTaken` };
  else if (result.error === "NEEDS_DIVISION") errors.divisionCode = { key: `${E}.divisionRequired` };
  else if (result.error === "UNKNOWN_SUB_DISTRICT") errors.subDistrictId = { key: `${E}.subDistrict` };
  else formError = { key: LOOKUP_ERROR_KEYS[result.error], params: { status: result.status ?? "" } };
  return { errors, formError };
}
