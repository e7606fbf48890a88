/**
 * Prints the id of the demo firm's running loan at the demo bank in the database DATABASE_URL
 * names (the browser test's portal), for tests/e2e/loans.e2e.ts. When the seed has none, the
 * loan of the firm's disbursed application there is opened as the portal opens it (the
 * factory builds it with the schedule and servicing models), with a history relative to today.
 */
import { db } from "~/db.server";

import { createLoan } from "../../prisma/factories";

async function main() {
  const firmUser = await db.user.findUniqueOrThrow({ where: { username: "enterprise" } });
  const bankUser = await db.user.findUniqueOrThrow({ where: { username: "bank" } });
  const scope = { enterpriseId: firmUser.enterpriseId ?? "-", bankId: bankUser.bankId ?? "-" };
  const running = await db.loan.findFirst({
    where: { ...scope, status: "ACTIVE" },
    orderBy: { disbursedOn: "desc" },
    select: { id: true },
  });
  if (running) return running.id;
  const disbursed = await db.application.findFirst({
    where: { ...scope, state: "DISBURSED", loan: null },
    orderBy: { disbursedAt: "desc" },
    select: { id: true },
  });
  if (!disbursed) throw new Error("the seed has no disbursed application of the demo firm at the demo bank");
  const loan = await createLoan(db, { applicationId: disbursed.id, pattern: { kind: "ON_TIME" } });
  return loan.id;
}

main()
  .then((id) => {
    process.stdout.write(`${id}\n`);
    return db.$disconnect();
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
