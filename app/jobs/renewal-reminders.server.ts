import { sendRenewalReminders } from "~/models/renewal.server";

import type { JobDefinition } from "./types";

/**
 * 续贷提醒: 60 and 30 days before a loan's maturity, the firm and the bank are told
 * (app/models/renewal.server.ts; each (loan, window) once, a missed morning caught up the next).
 * Every morning at 08:05 Beijing time, after the due-date reminders.
 */
export const renewalReminders: JobDefinition = {
  name: "renewal-reminders",
  schedule: "0 5 8 * * *",
  async run(ctx) {
    const { sent } = await sendRenewalReminders(ctx.now());
    ctx.done(sent);
  },
};
