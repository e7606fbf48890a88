import { redirectWithFlash } from "~/flash.server";
import type { EnterpriseActor } from "~/models/actor";
import { requestRecommendation } from "~/models/recommendation-request.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

import { requestSchema } from "./schema.server";

const ERROR_KEYS = {
  ALREADY_OPEN: "enterprise.whitelist.errors.alreadyOpen",
  WHITELISTED: "enterprise.whitelist.errors.whitelisted",
  DISHONEST: "enterprise.whitelist.errors.dishonest",
} as const;

/** A request for a recommendation; one already open, a whitelisted or a dishonest firm is refused over the form. */
export async function submitRequest(actor: EnterpriseActor, form: FormData) {
  const parsed = parseForm(requestSchema, form);
  if (!parsed.ok)
    return badRequest({ errors: parsed.errors, values: parsed.values, formError: null as string | null });
  const result = await requestRecommendation(actor, parsed.data.note);
  if (!result.ok)
    return badRequest({
      errors: {},
      values: { note: parsed.data.note },
      formError: ERROR_KEYS[result.error] as string | null,
    });
  return redirectWithFlash("/enterprise/whitelist", {
    kind: "success",
    key: "enterprise.whitelist.requested",
  });
}
