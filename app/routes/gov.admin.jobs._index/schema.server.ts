import { z } from "zod";

export function runSchema() {
  return z.object({ intent: z.literal("run"), job: z.string().trim().min(1).max(64) });
}
