/**
 * The risk pool's part of the matrix's fixture: a rule version, loans of bank 1 (one to file, one
 * filed and claimed) and a filed, claimed loan of bank 2. The claims' statements are markers: bank
 * 1's claim is seen by bank 1 and the bureau, bank 2's by the bureau only.
 */
import { DEFAULT_RULE_TERMS } from "~/domain/risk-pool";
import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import type { BankActor } from "~/models/actor";
import { fileClaim } from "~/models/pool-claim.server";
import { fileLoan } from "~/models/pool-filing.server";
import { addRecoveryAction } from "~/models/pool-recovery.server";
import { getActorById } from "~/models/user.server";

import { db } from "../helpers";
import { createLoan, daysAfterDisbursement } from "../support/pool-world";

import type { Markers, Who } from "./markers";

type Party = { bankUserId: string; productId: string; enterpriseId: string; subDistrictId: string };

export async function createPoolPart(markers: Markers, { bank1, bank2 }: { bank1: Party; bank2: Party }) {
  await db.poolRule.upsert({
    where: { effectiveOn: "2020-01-01" },
    create: {
      effectiveOn: "2020-01-01",
      ...DEFAULT_RULE_TERMS,
      guaranteeTypes: DEFAULT_RULE_TERMS.guaranteeTypes.join(","),
      sizes: DEFAULT_RULE_TERMS.sizes.join(","),
      suspensionThresholdBp: 10_000,
    },
    update: {},
  });
  const today = shanghaiDate(new Date());
  const loanOf = (party: Party, options: { disbursedOn?: string; dpd?: number }) =>
    createLoan({
      productId: party.productId,
      enterpriseId: party.enterpriseId,
      subDistrictId: party.subDistrictId,
      principalFen: 50_000_000n,
      ...options,
    });
  const claimed = async (party: Party, key: string, seeing: Who[]) => {
    const officer = { ...(await getActorById(party.bankUserId)), ip: "127.0.0.1" } as BankActor & {
      ip: string;
    };
    const loan = await loanOf(party, { dpd: 120 });
    const filed = await fileLoan(officer, loan.id, daysAfterDisbursement(loan, 3));
    if (!filed.ok) throw new Error(`matrix filing refused: ${JSON.stringify(filed)}`);
    await addRecoveryAction(officer, loan.id, {
      takenOn: addDays(today, -20),
      kind: "DEMAND_LETTER",
      description: "律师函催收",
    });
    const claim = await fileClaim(officer, loan.id, {
      statement: `${markers.add(key, seeing)}借款人停止经营`,
      materials: ["借款合同", "催收记录"],
    });
    if (!claim.ok) throw new Error(`matrix claim refused: ${JSON.stringify(claim)}`);
    return { loan, claimId: claim.claimId };
  };
  const toFile = await loanOf(bank1, { disbursedOn: addDays(today, -3) });
  const own = await claimed(bank1, "ZQXCLAIM1", ["BANK", "GOV_BUREAU"]);
  const other = await claimed(bank2, "ZQXCLAIM2", ["GOV_BUREAU"]);
  return {
    loans: { toFile, ownClaimed: own.loan, otherBanks: other.loan },
    claims: { own: own.claimId, otherBanks: other.claimId },
  };
}
