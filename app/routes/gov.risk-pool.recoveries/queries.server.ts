import { parsePage } from "~/domain/list-query";
import type { BureauActor } from "~/models/actor";
import { listRecoveries } from "~/models/pool-recovery.server";

/** A page of the recoveries the banks reported: those still owed to the pool, or (?show=received) those received. */
export async function recoveriesPage(actor: BureauActor, params: URLSearchParams) {
  const page = parsePage(params.get("page"));
  const received = params.get("show") === "received";
  const result = await listRecoveries(actor, { page, received });
  return {
    page,
    received,
    total: result.total,
    owedFen: result.owedFen.toString(),
    recoveries: result.rows.map((r) => ({
      id: r.id,
      recoveredOn: r.recoveredOn,
      amountFen: r.amountFen.toString(),
      shareFen: r.shareFen.toString(),
      reference: r.reference,
      reportedAt: r.reportedAt,
      receivedAt: r.receivedAt,
      bank: r.bank,
      claimId: r.claim.id,
      number: r.claim.loan.application.number,
      enterprise: r.claim.loan.enterprise.name,
    })),
  };
}
