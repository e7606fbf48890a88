import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { startOfShanghaiYear } from "~/domain/shanghai-time";

import type { BankActor, EnterpriseActor } from "./actor";

const applicationListSelect = {
  id: true,
  number: true,
  state: true,
  amountYuan: true,
  termMonths: true,
  submittedAt: true,
  product: { select: { id: true, name: true } },
  bank: { select: { name: true, nameEn: true } },
  enterprise: { select: { name: true } },
} satisfies Prisma.ApplicationSelect;

export const OPEN_STATES = ["SUBMITTED", "ACCEPTED", "APPROVED"] as const;

export async function listOwnApplications(actor: EnterpriseActor, take = 10) {
  return db.application.findMany({
    where: { enterpriseId: actor.enterpriseId },
    select: applicationListSelect,
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    take,
  });
}

/** The bank's home: its products, open files and this year's lending. */
export async function getBankSummary(actor: BankActor, now = new Date()) {
  const yearStart = startOfShanghaiYear(now);
  const [products, published, open, disbursed, recent] = await Promise.all([
    db.product.count({ where: { bankId: actor.bankId } }),
    db.product.count({ where: { bankId: actor.bankId, status: "PUBLISHED" } }),
    db.application.count({ where: { bankId: actor.bankId, state: { in: ["SUBMITTED", "ACCEPTED"] } } }),
    db.application.aggregate({
      where: { bankId: actor.bankId, state: "DISBURSED", disbursedAt: { gte: yearStart } },
      _sum: { disbursedAmountYuan: true },
      _count: true,
    }),
    db.application.findMany({
      where: { bankId: actor.bankId, state: { in: ["SUBMITTED", "ACCEPTED"] } },
      select: applicationListSelect,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: 10,
    }),
  ]);
  return {
    products,
    published,
    open,
    disbursedYuan: Number(disbursed._sum.disbursedAmountYuan ?? 0),
    disbursedCount: disbursed._count,
    recent,
  };
}
