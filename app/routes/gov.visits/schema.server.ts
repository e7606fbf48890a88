import { z } from "zod";

import { shanghaiDate } from "~/domain/shanghai-time";
import { day, optionalText, text, wanAmount } from "~/utils/form-schema";

export const visitSchema = () =>
  z.object({
    enterpriseId: z
      .string({ required_error: "gov.visits.errors.firm" })
      .regex(/^[a-z0-9]{8,40}$/, "gov.visits.errors.firm"),
    visitedOn: day({ notAfter: shanghaiDate(new Date()) }),
    findings: text(2000),
    need: wanAmount({ required: false }),
    nextStep: optionalText(500),
  });
