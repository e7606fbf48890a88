import type { z } from "zod";

import type { AuditedActor, BureauActor } from "~/models/actor";
import {
  createBank,
  createSubDistrict,
  updateBank,
  updateSubDistrict,
  type OrgResult,
} from "~/models/admin.server";
import { denial } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";

import type { OrgFailure } from "./org-forms";
import { bankSchema, renameSchema, subDistrictSchema, toggleSchema } from "./schema.server";

/** Runs one of the page's six forms (create, rename or (de)activate a sub-district or a bank). */
export async function runOrganisationIntent(
  request: Request,
  actor: AuditedActor<BureauActor>,
  intent: string,
  form: FormData,
): Promise<OrgResult | OrgFailure> {
  const fail = (errors: FieldErrors, values = formDataToObject(form)): OrgFailure => ({
    intent,
    errors,
    values,
  });
  const kind = intent.endsWith("SubDistrict") ? "subDistrict" : "bank";
  if (intent === "createSubDistrict" || intent === "createBank") {
    const parsed =
      kind === "subDistrict" ? parseForm(subDistrictSchema(), form) : parseForm(bankSchema(), form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    return kind === "subDistrict"
      ? createSubDistrict(actor, parsed.data as z.infer<ReturnType<typeof subDistrictSchema>>)
      : createBank(actor, parsed.data as z.infer<ReturnType<typeof bankSchema>>);
  }
  if (intent === "renameSubDistrict" || intent === "renameBank") {
    const parsed = parseForm(renameSchema(), form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const { id: rowId, ...data } = parsed.data;
    return kind === "subDistrict" ? updateSubDistrict(actor, rowId, data) : updateBank(actor, rowId, data);
  }
  if (intent === "toggleSubDistrict" || intent === "toggleBank") {
    const parsed = parseForm(toggleSchema(), form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const data = { active: parsed.data.active === "true" };
    return kind === "subDistrict"
      ? updateSubDistrict(actor, parsed.data.id, data)
      : updateBank(actor, parsed.data.id, data);
  }
  throw denial(request);
}
