import { sendDueReminders } from "~/models/loan.server";

import type { JobDefinition } from "./types";

/**
 * 7-day due-date reminders to borrowers (app/models/loan.server.ts: each period once, a missed
 * night caught up the next). Every morning at 08:00 Beijing time, when people read messages.
 */
export const dueReminders: JobDefinition = {
  name: "due-reminders",
  schedule: "0 0 8 * * *",
  async run(ctx) {
    const { sent } = await sendDueReminders(ctx.now());
    ctx.done(sent);
  },
};
