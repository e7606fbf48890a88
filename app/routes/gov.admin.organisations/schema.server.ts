import { z } from "zod";

import { text } from "~/utils/form-schema";

import { SUB_DISTRICT_KINDS } from "./org-forms";

const id = () => z.string().regex(/^[a-z0-9]{8,40}$/, "common.validation.invalid");
const names = () => ({ name: text(40), nameEn: text(80) });

export function subDistrictSchema() {
  return z.object({
    code: text(20).refine((v) => /^[a-z][a-z0-9-]{1,19}$/.test(v), "gov.admin.errors.subDistrictCode"),
    ...names(),
    kind: z.enum(SUB_DISTRICT_KINDS),
  });
}

export function bankSchema() {
  return z.object({
    code: text(12).refine((v) => /^[A-Z][A-Z0-9]{1,11}$/.test(v), "gov.admin.errors.bankCode"),
    ...names(),
  });
}

export function renameSchema() {
  return z.object({ id: id(), ...names() });
}

export function toggleSchema() {
  return z.object({ id: id(), active: z.enum(["true", "false"]) });
}
