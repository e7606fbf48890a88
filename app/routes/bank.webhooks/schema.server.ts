import { z } from "zod";

import { WEBHOOK_EVENT_TYPES } from "~/domain/webhook-events";

/** The endpoint form: the URL (the model checks the URL rule) and the events subscribed. */
export const endpointSchema = () =>
  z.object({
    url: z
      .string({ required_error: "common.validation.required" })
      .trim()
      .min(1, "common.validation.required")
      .max(2048, "api.webhookUrl.TOO_LONG"),
    events: z
      .union([z.enum(WEBHOOK_EVENT_TYPES), z.array(z.enum(WEBHOOK_EVENT_TYPES))], {
        errorMap: () => ({ message: "common.validation.invalidChoice" }),
      })
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  });
