/**
 * The financing-demand form's schema. Server-only like every form schema: the page shows the
 * server's messages (decision record 013), so zod never ships to the browser.
 */
import { z } from "zod";

import { parsePercentToBp, parseWanToYuan } from "~/domain/money";
import { GUARANTEE_TYPES } from "~/domain/product-terms";
import { addDays, isIsoDay, shanghaiDate } from "~/domain/shanghai-time";

const D = "enterprise.demands.errors";

/** Amounts in 万元, the rate ceiling in %, valid until a day in the coming year. */
export function demandSchema(now = new Date()) {
  const today = shanghaiDate(now);
  const latest = addDays(today, 365);
  return z.object({
    amount: z
      .string()
      .max(64)
      .transform((v, ctx) => {
        const yuan = parseWanToYuan(v);
        if (yuan === null || yuan <= 0) {
          ctx.addIssue({ code: "custom", message: `${D}.amount` });
          return z.NEVER;
        }
        return yuan;
      }),
    termMonths: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, `${D}.term`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= 360, `${D}.term`),
    purpose: z.string().trim().min(1).max(500),
    guaranteeTypes: z
      .union([z.string(), z.array(z.string())], { errorMap: () => ({ message: `${D}.guarantee` }) })
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.enum(GUARANTEE_TYPES)).min(1, `${D}.guarantee`).max(GUARANTEE_TYPES.length))
      .transform((list) => [...new Set(list)]),
    rateCeiling: z
      .string()
      .max(64)
      .optional()
      .transform((v, ctx) => {
        if (!v?.trim()) return null;
        const bp = parsePercentToBp(v);
        if (bp === null || bp <= 0) {
          ctx.addIssue({ code: "custom", message: `${D}.rate` });
          return z.NEVER;
        }
        return bp;
      }),
    validUntil: z
      .string()
      .trim()
      .refine((v) => isIsoDay(v) && v > today && v <= latest, `${D}.validUntil`),
  });
}

/** The offer an accept or decline button names. */
export function offerChoiceSchema() {
  return z.object({ offerId: z.string().min(1).max(40) });
}
