import { z } from "zod";

import { AUTHORIZATION_SCOPES } from "~/domain/enterprise-terms";
import { isIsoDay } from "~/domain/shanghai-time";

/** A grant: one bank or all of them, a scope, the last day it holds. */
export function grantSchema() {
  return z.object({
    bankId: z.string().trim().min(1, "enterprise.authorizations.errors.unknownBank").max(40),
    scope: z.enum(AUTHORIZATION_SCOPES),
    expiresOn: z.string().trim().refine(isIsoDay, "enterprise.authorizations.errors.expiryRange"),
  });
}

export function revokeSchema() {
  return z.object({ id: z.string().min(1).max(40) });
}
