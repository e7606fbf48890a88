import { z } from "zod";

/** The firm's buttons on its application: the intent and the version it saw. */
export function actionSchema() {
  return z.object({
    intent: z.enum(["withdraw", "declineOffer", "acknowledge"]),
    version: z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  });
}
