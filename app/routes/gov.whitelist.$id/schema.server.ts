import { z } from "zod";

import { text } from "~/utils/form-schema";

export const reasonSchema = () => z.object({ reason: text(500) });
