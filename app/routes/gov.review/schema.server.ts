import { z } from "zod";

import { day, idList, text } from "~/utils/form-schema";

export function approveSchema() {
  return z
    .object({ ids: idList(), batchName: text(60), validFrom: day(), validUntil: day() })
    .refine((v) => v.validUntil >= v.validFrom, {
      path: ["validUntil"],
      message: "gov.review.errors.untilBeforeFrom",
    });
}

export function rejectSchema() {
  return z.object({ ids: idList(), reason: text(500) });
}
