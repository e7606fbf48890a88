import { z } from "zod";

import { parseId } from "~/domain/list-query";
import { TRAINING_AUDIENCES } from "~/domain/outreach";
import { shanghaiDate } from "~/domain/shanghai-time";
import { day, optionalText, text } from "~/utils/form-schema";

const optionalId = () =>
  z
    .string()
    .optional()
    .transform((value) => (value ? (parseId(value) ?? "invalid") : null))
    .refine((value) => value !== "invalid", "common.validation.invalidChoice");

export const trainingSchema = () =>
  z.object({
    heldOn: day({ notAfter: shanghaiDate(new Date()) }),
    topic: text(100),
    audienceRole: z.enum(TRAINING_AUDIENCES),
    bankId: optionalId(),
    subDistrictId: optionalId(),
    organisation: optionalText(100),
    attendees: z
      .string({ required_error: "common.validation.required" })
      .trim()
      .regex(/^\d{1,6}$/, "outreach.training.errors.attendees")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 100_000, "outreach.training.errors.attendees"),
    materialsUrl: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .transform((value) => value || null)
      .refine(
        (value) => value === null || /^https?:\/\/[^\s]+$/i.test(value),
        "outreach.training.errors.url",
      ),
  });
