import { z } from "zod";

import { text, wanAmount } from "~/utils/form-schema";

export function recommendSchema() {
  return z.object({
    enterpriseId: z
      .string({ required_error: "gov.recommendations.errors.firm" })
      .regex(/^[a-z0-9]{8,40}$/, "gov.recommendations.errors.firm"),
    reason: text(1000),
    amount: wanAmount({ required: false }),
  });
}
