import { z } from "zod";

import { PASSWORD_MAX_LENGTH } from "~/domain/password-policy";
import { MANAGED_ROLES } from "~/models/gov-codes";
import { optionalText, text } from "~/utils/form-schema";

/** The bureau's new-account form (built per call: zod stays on the server). */
export function accountSchema() {
  return z.object({
    username: text(32).refine(
      (v) => /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/.test(v),
      "gov.admin.errors.username",
    ),
    displayName: text(40),
    role: z.enum(MANAGED_ROLES),
    bankId: optionalText(40),
    subDistrictId: optionalText(40),
    mobile: optionalText(11).refine((v) => v === "" || /^1[3-9]\d{9}$/.test(v), "gov.admin.errors.mobile"),
    password: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(PASSWORD_MAX_LENGTH)),
  });
}
