import { z } from "zod";

import { parsePercentToBp } from "~/domain/money";
import { day } from "~/utils/form-schema";

/** An LPR in %: 0.01–20.00 → bp. */
function rate() {
  return z.string({ required_error: "common.validation.required" }).transform((value, ctx) => {
    const bp = parsePercentToBp(value, { maxBp: 2000 });
    if (bp === null || bp <= 0) {
      ctx.addIssue({ code: "custom", message: "gov.admin.errors.rate" });
      return z.NEVER;
    }
    return bp;
  });
}
export const addSchema = () => z.object({ effectiveOn: day(), rate: rate() });
export const correctSchema = () => z.object({ id: z.string().regex(/^[a-z0-9]{8,40}$/), rate: rate() });
