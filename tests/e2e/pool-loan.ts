/**
 * For tests/e2e/risk-pool.e2e.ts: a loan of the demo firm at the demo bank, filed with the pool,
 * 120 days past due and not yet claimed, in the database DATABASE_URL names. Opened as rows (the
 * seed's loans may all be claimed already); prints the loan's id and its application number.
 */
import { db } from "~/db.server";
import { DEFAULT_RULE_TERMS, ruleForDay } from "~/domain/risk-pool";
import { addDays, shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";

import { createApplication, createFiling, loanCopiedFields } from "../../prisma/factories";

async function main() {
  const today = shanghaiDate(new Date());
  const firmUser = await db.user.findUniqueOrThrow({ where: { username: "enterprise" } });
  const bankUser = await db.user.findUniqueOrThrow({ where: { username: "bank" } });
  const enterpriseId = firmUser.enterpriseId ?? "-";
  const bankId = bankUser.bankId ?? "-";
  const product = await db.product.findFirstOrThrow({
    where: { bankId, guaranteeType: "CREDIT" },
    orderBy: { createdAt: "asc" },
  });
  const disbursedOn = addDays(today, -200);
  const application = await createApplication(db, {
    enterpriseId,
    productId: product.id,
    state: "DISBURSED",
    amountYuan: 800_000,
    submittedAt: startOfShanghaiDay(addDays(disbursedOn, -10)),
    loan: false,
  });
  const principalFen = 80_000_000n;
  const loan = await db.loan.create({
    data: {
      applicationId: application.id,
      enterpriseId,
      bankId,
      productId: product.id,
      ...(await loanCopiedFields(db, application.id)),
      principalFen,
      rateBp: 435,
      termMonths: 12,
      disbursedOn: startOfShanghaiDay(disbursedOn),
      maturityOn: startOfShanghaiDay(addDays(disbursedOn, 365)),
      repaymentMethod: "EQUAL_INSTALMENT",
      status: "ACTIVE",
      outstandingPrincipalFen: 60_000_000n,
      oldestUnpaidDueOn: startOfShanghaiDay(addDays(today, -120)),
      firstLoan: false,
    },
  });
  let rule = ruleForDay(await db.poolRule.findMany(), disbursedOn);
  rule ??= await db.poolRule.create({
    data: {
      effectiveOn: "2020-01-01",
      ...DEFAULT_RULE_TERMS,
      guaranteeTypes: DEFAULT_RULE_TERMS.guaranteeTypes.join(","),
      sizes: DEFAULT_RULE_TERMS.sizes.join(","),
    },
  });
  await createFiling(db, {
    loanId: loan.id,
    bankId,
    ruleId: rule.id,
    principalFen,
    filedAt: startOfShanghaiDay(addDays(disbursedOn, 5)),
  });
  return `${loan.id} ${application.number}`;
}

main()
  .then((line) => {
    process.stdout.write(`${line}\n`);
    return db.$disconnect();
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
