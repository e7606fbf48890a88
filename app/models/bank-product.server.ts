import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import { termsDiffer, type ProductInput } from "~/domain/decision-rules";
import { BANK_PRODUCTS_PAGE_SIZE } from "~/domain/bank-choices";
import type { ProductStatus } from "~/domain/product-terms";

import type { BankActor } from "./actor";
import { countsByStatus } from "./status-counts.server";
import { createOnce } from "./form-key.server";
import { productRangesSelect, productTermsSelect } from "./selects.server";

/**
 * A bank's own loan products (金融产品). Every query is scoped to the officer's bank, so a
 * product of another bank is simply not found.
 *
 * Versions (docs/decisions/006-product-versions.md): editing the terms of a PUBLISHED product
 * that applications or offers already reference publishes a new version (version + 1,
 * previousVersionId = the old row) and archives the old row, which keeps its applications and
 * the terms they were made under. Anything else is edited in place.
 */

const bankProductSelect = {
  id: true,
  name: true,
  ...productTermsSelect,
  description: true,
  defaultRepaymentMethod: true,
  status: true,
  version: true,
  previousVersionId: true,
  publishedAt: true,
  archivedAt: true,
  updatedAt: true,
} satisfies Prisma.ProductSelect;

export type BankProduct = Prisma.ProductGetPayload<{ select: typeof bankProductSelect }>;

export async function listBankProducts(
  actor: BankActor,
  {
    status,
    page,
    pageSize = BANK_PRODUCTS_PAGE_SIZE,
  }: { status?: ProductStatus; page: number; pageSize?: number },
) {
  const where: Prisma.ProductWhereInput = { bankId: actor.bankId, ...(status ? { status } : {}) };
  const [total, products, counts] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({
      where,
      select: { ...bankProductSelect, _count: { select: { applications: true } } },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
    db.product.groupBy({ by: ["status"], where: { bankId: actor.bankId }, _count: true }),
  ]);
  const byStatus = countsByStatus<ProductStatus>(counts);
  return { total, products, byStatus };
}

/** One of the bank's products with its version chain and how many applications use it. */
export async function getBankProduct({ id, actor }: { id: string; actor: BankActor }) {
  const product = await db.product.findFirst({
    where: { id, bankId: actor.bankId },
    select: {
      ...bankProductSelect,
      previousVersion: { select: { id: true, version: true } },
      nextVersion: { select: { id: true, version: true, status: true } },
      _count: { select: { applications: true, offers: true } },
    },
  });
  if (!product) return null;
  const openApplications = await db.application.count({
    where: { productId: id, bankId: actor.bankId, state: { in: ["SUBMITTED", "ACCEPTED", "APPROVED"] } },
  });
  return { ...product, openApplications };
}

function columnsOf(input: ProductInput) {
  return {
    name: input.name,
    type: input.type,
    guaranteeType: input.guaranteeType,
    minAmountYuan: input.minAmountYuan,
    maxAmountYuan: input.maxAmountYuan,
    minTermMonths: input.minTermMonths,
    maxTermMonths: input.maxTermMonths,
    minRateBp: input.minRateBp,
    maxRateBp: input.maxRateBp,
    eligibleSizes: input.eligibleSizes.join(","),
    eligibleSections: input.eligibleSections.join(","),
    minTaxGrade: input.minTaxGrade,
    whitelistOnly: input.whitelistOnly,
    description: input.description,
    defaultRepaymentMethod: input.defaultRepaymentMethod,
  };
}

/** A new DRAFT product; the same form submitted again answers the product it created. */
export function createBankProduct(actor: BankActor, input: ProductInput, formKey: string | null = null) {
  return createOnce(
    formKey,
    () =>
      db.product.create({
        data: { ...columnsOf(input), bankId: actor.bankId, status: "DRAFT", formKey },
        select: { id: true },
      }),
    (key) => db.product.findFirst({ where: { formKey: key, bankId: actor.bankId }, select: { id: true } }),
  );
}

export type ProductChangeResult =
  { ok: true; id: string; newVersion: boolean } | { ok: false; error: "NOT_FOUND" | "CHANGED" | "ARCHIVED" };

/**
 * Saves the product form. `seenUpdatedAt` is when the officer loaded the form: if the product
 * changed since, nothing is written (CHANGED) rather than overwriting the other edit.
 */
export async function updateBankProduct({
  id,
  actor,
  input,
  seenUpdatedAt,
  now = new Date(),
}: {
  id: string;
  actor: BankActor;
  input: ProductInput;
  seenUpdatedAt: Date;
  now?: Date;
}): Promise<ProductChangeResult> {
  const current = await db.product.findFirst({
    where: { id, bankId: actor.bankId },
    select: { ...bankProductSelect, _count: { select: { applications: true, offers: true } } },
  });
  if (!current) return { ok: false, error: "NOT_FOUND" };
  if (current.status === "ARCHIVED") return { ok: false, error: "ARCHIVED" };
  if (current.updatedAt.getTime() !== seenUpdatedAt.getTime()) return { ok: false, error: "CHANGED" };
  const columns = columnsOf(input);
  const referenced = current._count.applications > 0 || current._count.offers > 0;
  const needsVersion = current.status === "PUBLISHED" && referenced && termsDiffer(current, columns);

  if (!needsVersion) {
    const updated = await db.product.updateMany({
      where: { id, bankId: actor.bankId, status: current.status, updatedAt: current.updatedAt },
      data: columns,
    });
    return updated.count === 1 ? { ok: true, id, newVersion: false } : { ok: false, error: "CHANGED" };
  }

  try {
    const created = await db.$transaction(async (tx) => {
      const archived = await tx.product.updateMany({
        where: { id, bankId: actor.bankId, status: "PUBLISHED", updatedAt: current.updatedAt },
        data: { status: "ARCHIVED", archivedAt: now },
      });
      if (archived.count !== 1) throw new ProductChanged();
      return tx.product.create({
        data: {
          ...columns,
          bankId: actor.bankId,
          status: "PUBLISHED",
          publishedAt: now,
          version: current.version + 1,
          previousVersionId: id,
        },
        select: { id: true },
      });
    });
    return { ok: true, id: created.id, newVersion: true };
  } catch (error) {
    if (error instanceof ProductChanged) return { ok: false, error: "CHANGED" };
    // previousVersionId is unique: a second new version of the same row lost the race.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, error: "CHANGED" };
    throw error;
  }
}

class ProductChanged extends Error {}

const STATUS_MOVES = {
  publish: { from: ["DRAFT"], to: "PUBLISHED" },
  archive: { from: ["DRAFT", "PUBLISHED"], to: "ARCHIVED" },
} as const;

/** DRAFT → PUBLISHED, or DRAFT/PUBLISHED → ARCHIVED (applications keep pointing at the row). */
export async function changeBankProductStatus({
  id,
  actor,
  move,
  now = new Date(),
}: {
  id: string;
  actor: BankActor;
  move: keyof typeof STATUS_MOVES;
  now?: Date;
}): Promise<ProductChangeResult> {
  const exists = await db.product.findFirst({ where: { id, bankId: actor.bankId }, select: { id: true } });
  if (!exists) return { ok: false, error: "NOT_FOUND" };
  const { from, to } = STATUS_MOVES[move];
  const updated = await db.product.updateMany({
    where: { id, bankId: actor.bankId, status: { in: [...from] } },
    data: to === "PUBLISHED" ? { status: to, publishedAt: now } : { status: to, archivedAt: now },
  });
  return updated.count === 1 ? { ok: true, id, newVersion: false } : { ok: false, error: "CHANGED" };
}

/** The bank's published products, for the offer form. */
export async function listPublishedBankProducts(actor: BankActor) {
  return db.product.findMany({
    where: { bankId: actor.bankId, status: "PUBLISHED" },
    select: {
      id: true,
      name: true,
      ...productRangesSelect,
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** The bank's products (any status) for a filter menu. */
export async function listBankProductNames(actor: BankActor) {
  return db.product.findMany({
    where: { bankId: actor.bankId },
    select: { id: true, name: true, version: true, status: true },
    orderBy: [{ name: "asc" }, { version: "asc" }],
  });
}

/** The bank's products in the order they were made (createdAt, then id), after a position (the API's list). */
export async function listBankProductsAfter(
  actor: BankActor,
  {
    status,
    after,
    limit,
  }: { status?: ProductStatus; after?: { createdAt: Date; id: string } | null; limit: number },
) {
  return db.product.findMany({
    where: {
      bankId: actor.bankId,
      ...(status ? { status } : {}),
      ...(after
        ? {
            OR: [
              { createdAt: { gt: after.createdAt } },
              { createdAt: after.createdAt, id: { gt: after.id } },
            ],
          }
        : {}),
    },
    select: { ...bankProductSelect, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}
