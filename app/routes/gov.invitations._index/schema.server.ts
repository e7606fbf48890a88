import { z } from "zod";

import { INVITATION_CHANNELS } from "~/domain/outreach";
import { normalizeUscc, usccProblem } from "~/domain/uscc";
import { optionalText, text } from "~/utils/form-schema";

export const invitationSchema = () =>
  z.object({
    firmName: text(100),
    uscc: z
      .string()
      .max(64)
      .optional()
      .transform((value) => normalizeUscc(value ?? ""))
      .refine((value) => value === "" || !usccProblem(value), "outreach.invitations.errors.uscc")
      .transform((value) => value || null),
    contactName: optionalText(40),
    contactMobile: z
      .string()
      .trim()
      .optional()
      .transform((value) => value ?? "")
      .refine((value) => value === "" || /^1[3-9]\d{9}$/.test(value), "outreach.invitations.errors.mobile"),
    channel: z.enum(INVITATION_CHANNELS),
    note: optionalText(500),
  });
