import { Prisma } from "@prisma/client";

import { sqlDialect } from "./dialect.server";

/**
 * Takes the write lock of one row until the transaction ends, so that a "is it there yet?" check
 * that follows cannot be passed by two transactions at once. On PostgreSQL, READ COMMITTED
 * transactions of other requests (other app servers) run side by side: a second one waits here
 * until the first commits, and then sees its rows (a no-op UPDATE of the row). On SQLite,
 * transactions are serialised anyway (decision 003); there it only starts the write early, so
 * that the reads that follow cannot be overtaken by another process's write: any write statement
 * takes the database's write lock, even one that matches no row — and one that rewrites no row
 * costs a third of a row's no-op update (which rewrites the row's index entries).
 */
export async function lockRow(
  tx: Prisma.TransactionClient,
  table: "Demand" | "Enterprise" | "RiskPool" | "Claim" | "Bank",
  id: string,
) {
  const name = Prisma.raw(`"${table}"`);
  if (sqlDialect().provider === "sqlite") await tx.$executeRaw`UPDATE ${name} SET "id" = "id" WHERE 0 = 1`;
  else await tx.$executeRaw`UPDATE ${name} SET "id" = "id" WHERE "id" = ${id}`;
}
