import { z } from "zod";

import { day, optionalText } from "~/utils/form-schema";

import { KINDS } from "./kinds";

export const addSchema = () => z.object({ date: day(), kind: z.enum(KINDS), note: optionalText(100) });
