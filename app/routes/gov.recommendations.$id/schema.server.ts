import { z } from "zod";

import { text, wanAmount } from "~/utils/form-schema";

export function acceptSchema() {
  return z.object({ reason: text(1000), amount: wanAmount({ required: false }) });
}

export function declineSchema() {
  return z.object({ note: text(500) });
}
