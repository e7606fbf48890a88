import { z } from "zod";

import { RENEWAL_ANSWERS } from "~/domain/decision-rules";
import { text, wanAmount } from "~/utils/form-schema";

/** The renewal request: amount (万元), term, purpose, the kind the firm asks for, and its consent. */
export const renewalSchema = () =>
  z.object({
    amount: wanAmount({ required: true }).refine((yuan) => yuan !== null, "common.validation.required"),
    termMonths: z
      .string({ required_error: "common.validation.required" })
      .trim()
      .regex(/^\d{1,3}$/, "enterprise.demands.errors.term")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 360, "enterprise.demands.errors.term"),
    purpose: text(500).refine((value) => value.length >= 2, "enterprise.apply.errors.purpose"),
    kind: z.enum(RENEWAL_ANSWERS, { errorMap: () => ({ message: "common.validation.invalidChoice" }) }),
    consent: z.literal("on", { errorMap: () => ({ message: "enterprise.apply.errors.consent" }) }),
  });
