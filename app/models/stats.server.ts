import { db } from "~/db.server";

/** The public headline totals of the home page. */
export async function getHeadlineTotals() {
  const [enterprises, banks, products, disbursed] = await Promise.all([
    db.enterprise.count(),
    db.bank.count({ where: { active: true } }),
    db.product.count({ where: { status: "PUBLISHED", bank: { active: true } } }),
    db.$queryRaw<{ total: bigint | number | null }[]>`
      SELECT COALESCE(SUM("disbursedAmountYuan"), 0) AS total FROM "Application" WHERE "state" = 'DISBURSED'`,
  ]);
  return {
    enterprises,
    banks,
    products,
    disbursedYuan: Number(disbursed[0]?.total ?? 0),
  };
}
