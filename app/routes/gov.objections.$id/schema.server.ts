import { z } from "zod";

import { OBJECTION_RESOLUTIONS } from "~/models/gov-codes";
import { text } from "~/utils/form-schema";

export const acceptSchema = () =>
  z.object({ resolution: z.enum(OBJECTION_RESOLUTIONS), responseText: text(1000) });
export const rejectSchema = () => z.object({ responseText: text(1000) });
