import { z } from "zod";

import { GRACE_HOURS } from "~/domain/api-credentials";
import { optionalText } from "~/utils/form-schema";

const id = () =>
  z
    .string({ required_error: "common.validation.required" })
    .regex(/^[a-z0-9]{8,40}$/, "common.validation.invalid");

export const issueSchema = () =>
  z.object({
    bankId: z
      .string({ required_error: "api.admin.errors.bank" })
      .regex(/^[a-z0-9]{8,40}$/, "api.admin.errors.bank"),
    label: optionalText(60),
  });

export const rotateSchema = () =>
  z.object({
    id: id(),
    graceHours: z
      .string({ required_error: "common.validation.required" })
      .refine(
        (value) => (GRACE_HOURS as readonly number[]).map(String).includes(value),
        "common.validation.invalidChoice",
      )
      .transform((value) => Number(value) as (typeof GRACE_HOURS)[number]),
  });

export const revokeSchema = () => z.object({ id: id() });
