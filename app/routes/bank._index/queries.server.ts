import type { BankActor } from "~/models/actor";
import { listOwnAccessLog } from "~/models/access-log.server";
import { listMostUrgent } from "~/models/bank-application.server";
import { getBankFigures, parseFigurePeriod } from "~/models/bank-figures.server";

/** The bank's home: its figures over the chosen period, the most urgent applications and the latest views. */
export async function homePage(actor: BankActor, params: URLSearchParams) {
  const period = parseFigurePeriod(params);
  const [figures, urgent, views] = await Promise.all([
    getBankFigures(actor, { fromDay: period.fromDay, toDay: period.toDay }),
    listMostUrgent(actor, 10),
    listOwnAccessLog(actor, 8),
  ]);
  return { bank: actor.organization, period, figures, urgent, views };
}
