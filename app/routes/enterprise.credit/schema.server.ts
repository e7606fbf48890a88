import { z } from "zod";

/** An objection to one record: `source::recordKey`, a reason of 10+ characters, an optional note. */
export function objectionSchema() {
  return z.object({
    record: z
      .string()
      .min(1, "enterprise.credit.chooseRecord")
      .max(400)
      .refine((v) => v.includes("::"), "enterprise.credit.chooseRecord"),
    reason: z.string().trim().min(10, "enterprise.credit.errors.reasonShort").max(1000),
    attachmentNote: z.string().trim().max(500).optional().default(""),
  });
}
