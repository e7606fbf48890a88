import type { GovActor } from "~/models/actor";
import { resolveFirmChoice } from "~/models/gov-firms.server";

import { FIRM_QUERY_FIELD } from "./firm-picker";

/**
 * Puts the firm a picker's submission means (app/components/firm-picker.tsx) into the form's
 * `enterpriseId`, empty when the typed text names no single firm of the actor's (the form's
 * schema then asks to choose one).
 */
export async function withPickedFirm(actor: GovActor, form: FormData, name = "enterpriseId") {
  const enterpriseId = String(form.get(name) ?? "");
  const firmQuery = String(form.get(FIRM_QUERY_FIELD) ?? "");
  form.set(name, (await resolveFirmChoice(actor, { enterpriseId, firmQuery })) ?? "");
  return form;
}
