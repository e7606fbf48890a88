import { banksToCheck, checkOneBank } from "~/models/bank-suspension.server";

import type { JobDefinition } from "./types";

/**
 * 暂停检查: every night the overdue ratio of each bank with filed loans is tested against the
 * rule in force (app/models/bank-suspension.server.ts): over the threshold a bank is suspended
 * from new filings, back under it is reinstated, and a bureau's waiver ends once the ratio has
 * fallen back. A repayment or a filing runs the same test for its bank at once; the nightly run
 * catches the loans that became overdue by the passing of a day. At 00:30 Beijing time, after the
 * day has changed; one bank's failure does not stop the others.
 */
export const suspensionCheck: JobDefinition = {
  name: "suspension-check",
  schedule: "0 30 0 * * *",
  async run(ctx) {
    for (const bankId of await banksToCheck()) {
      ctx.checkpoint();
      try {
        const step = await checkOneBank(bankId, ctx.now());
        ctx.done();
        if (step === "SUSPEND") ctx.count("suspended");
        else if (step === "LIFT") ctx.count("lifted");
        else if (step === "END_WAIVER") ctx.count("waiversEnded");
      } catch (error) {
        ctx.failed(error, bankId);
      }
    }
  },
};
