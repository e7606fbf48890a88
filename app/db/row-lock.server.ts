import { Prisma } from "@prisma/client";

/**
 * Takes the write lock of one row until the transaction ends, so that a "is it there yet?" check
 * that follows cannot be passed by two transactions at once. On PostgreSQL, READ COMMITTED
 * transactions of other requests (other app servers) run side by side: a second one waits here
 * until the first commits, and then sees its rows. On SQLite, transactions are serialised anyway
 * (decision 003); there it only starts the write early. A no-op UPDATE: the same SQL on both.
 */
export async function lockRow(
  tx: Prisma.TransactionClient,
  table: "Demand" | "Enterprise" | "RiskPool" | "Claim" | "Bank",
  id: string,
) {
  await tx.$executeRaw`UPDATE ${Prisma.raw(`"${table}"`)} SET "id" = "id" WHERE "id" = ${id}`;
}
