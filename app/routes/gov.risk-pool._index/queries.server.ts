import { parseChoice, parsePage } from "~/domain/list-query";
import { MOVEMENT_KINDS } from "~/domain/risk-pool-codes";
import type { BureauActor } from "~/models/actor";
import { poolOverview } from "~/models/pool-views.server";
import { listLedger } from "~/models/risk-pool.server";

/** The bureau's view of the pool: its figures and a page of the ledger, filtered by kind. */
export async function bureauPoolPage(actor: BureauActor, params: URLSearchParams) {
  const page = parsePage(params.get("page"));
  const kind = parseChoice(MOVEMENT_KINDS, params.get("kind")) ?? null;
  const [overview, ledger] = await Promise.all([poolOverview(actor), listLedger(actor, { page, kind })]);
  return {
    overview,
    page,
    total: ledger.total,
    movements: ledger.rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      amountFen: row.amountFen.toString(),
      balanceAfterFen: row.balanceAfterFen.toString(),
      reference: row.reference,
      note: row.note,
      at: row.at,
      claimId: row.claim?.id ?? null,
      bank: row.claim?.bank ?? row.recovery?.bank ?? null,
    })),
  };
}
