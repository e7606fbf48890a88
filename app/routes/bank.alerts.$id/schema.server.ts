import { z } from "zod";

import { ALERT_ACTIONS, ALERT_NOTE_MAX } from "~/domain/credit-alerts";
import { optionalText } from "~/utils/form-schema";

/** The acknowledgement: an action from the list; a note, required for OTHER (checked after parsing). */
export const acknowledgeSchema = () =>
  z
    .object({
      action: z.enum(ALERT_ACTIONS, {
        errorMap: () => ({ message: "common.validation.invalidChoice" }),
      }),
      note: optionalText(ALERT_NOTE_MAX),
    })
    .superRefine((value, ctx) => {
      if (value.action === "OTHER" && value.note.length === 0)
        ctx.addIssue({ code: "custom", path: ["note"], message: "alerts.errors.noteRequired" });
    });
