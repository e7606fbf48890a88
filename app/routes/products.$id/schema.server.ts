import { z } from "zod";

import { parseWanToYuan } from "~/domain/money";

/** The application form: an amount in 万元, a term in months, a purpose and the consent to share. */
export function applySchema() {
  return z.object({
    amount: z
      .string()
      .max(64)
      .transform((v, ctx) => {
        const yuan = parseWanToYuan(v);
        if (yuan === null || yuan <= 0) {
          ctx.addIssue({ code: "custom", message: "enterprise.demands.errors.amount" });
          return z.NEVER;
        }
        return yuan;
      }),
    termMonths: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, "enterprise.demands.errors.term")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 360, "enterprise.demands.errors.term"),
    purpose: z
      .string()
      .trim()
      .min(2, "enterprise.apply.errors.purpose")
      .max(500, "enterprise.apply.errors.purpose"),
    consent: z.literal("on", { errorMap: () => ({ message: "enterprise.apply.errors.consent" }) }),
  });
}
