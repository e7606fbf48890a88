import type { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";

import type { GuaranteeType, ProductSort, ProductType } from "~/domain/product-terms";

import { productTermsSelect } from "./selects.server";

export type CatalogFilters = {
  type?: ProductType;
  guarantee?: GuaranteeType;
  bankId?: string;
  amountYuan?: number;
  termMonths?: number;
  maxRateBp?: number;
  q?: string;
};

/** Fields of a product any visitor may see. */
const publicProductSelect = {
  id: true,
  name: true,
  ...productTermsSelect,
  description: true,
  publishedAt: true,
  bank: { select: { id: true, name: true, nameEn: true } },
} satisfies Prisma.ProductSelect;

export type PublicProduct = Prisma.ProductGetPayload<{ select: typeof publicProductSelect }>;

function catalogWhere(filters: CatalogFilters): Prisma.ProductWhereInput {
  const where: Prisma.ProductWhereInput = { status: "PUBLISHED", bank: { active: true } };
  if (filters.type) where.type = filters.type;
  if (filters.guarantee) where.guaranteeType = filters.guarantee;
  if (filters.bankId) where.bankId = filters.bankId;
  if (filters.amountYuan !== undefined) {
    where.minAmountYuan = { lte: filters.amountYuan };
    where.maxAmountYuan = { gte: filters.amountYuan };
  }
  if (filters.termMonths !== undefined) {
    where.minTermMonths = { lte: filters.termMonths };
    where.maxTermMonths = { gte: filters.termMonths };
  }
  if (filters.maxRateBp !== undefined) where.minRateBp = { lte: filters.maxRateBp };
  if (filters.q)
    where.OR = [
      { name: sqlDialect().contains(filters.q) },
      { description: sqlDialect().contains(filters.q) },
    ];
  return where;
}

const orderBy: Record<ProductSort, Prisma.ProductOrderByWithRelationInput[]> = {
  newest: [{ publishedAt: "desc" }, { id: "asc" }],
  rateAsc: [{ minRateBp: "asc" }, { id: "asc" }],
  amountDesc: [{ maxAmountYuan: "desc" }, { id: "asc" }],
  termDesc: [{ maxTermMonths: "desc" }, { id: "asc" }],
};

/** The public catalogue: published products of active banks, filtered, sorted, one page. */
export async function listPublishedProducts({
  filters,
  sort,
  page,
  pageSize,
}: {
  filters: CatalogFilters;
  sort: ProductSort;
  page: number;
  pageSize: number;
}) {
  const where = catalogWhere(filters);
  const [total, products] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({
      where,
      select: publicProductSelect,
      orderBy: orderBy[sort],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { total, products };
}

export async function getPublishedProduct(id: string) {
  return db.product.findFirst({
    where: { id, status: "PUBLISHED", bank: { active: true } },
    select: publicProductSelect,
  });
}

export async function listActiveBanks() {
  return db.bank.findMany({
    where: { active: true },
    select: { id: true, name: true, nameEn: true },
    orderBy: { code: "asc" },
  });
}
