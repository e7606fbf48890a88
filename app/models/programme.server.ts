/**
 * The public programme page's figures (/about): the participating banks with their published
 * products in figures — how many, how many credit loans (信用贷), the lowest rate and the largest
 * amount on offer. Public data only: what a bank lent is the government's league table, not the
 * public's (the public sees the district's total on the home page).
 */
import { db } from "~/db.server";

export async function participatingBanks() {
  const [banks, products] = await Promise.all([
    db.bank.findMany({
      where: { active: true },
      select: { id: true, name: true, nameEn: true },
      orderBy: [{ code: "asc" }, { id: "asc" }],
    }),
    db.product.groupBy({
      by: ["bankId", "guaranteeType"],
      where: { status: "PUBLISHED" },
      _count: { _all: true },
      _min: { minRateBp: true },
      _max: { maxAmountYuan: true },
    }),
  ]);
  return banks.map((bank) => {
    const own = products.filter((row) => row.bankId === bank.id);
    const rates = own.flatMap((row) => (row._min.minRateBp === null ? [] : [row._min.minRateBp]));
    const amounts = own.flatMap((row) => (row._max.maxAmountYuan === null ? [] : [row._max.maxAmountYuan]));
    return {
      ...bank,
      products: own.reduce((sum, row) => sum + row._count._all, 0),
      creditProducts: own
        .filter((row) => row.guaranteeType === "CREDIT")
        .reduce((sum, row) => sum + row._count._all, 0),
      lowestRateBp: rates.length ? Math.min(...rates) : null,
      largestAmountYuan: amounts.length ? Math.max(...amounts) : null,
    };
  });
}
