import { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { lockRow } from "~/db/row-lock.server";
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import { type OfferInput } from "~/domain/decision-rules";
import { shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";
import { DEMANDS_PAGE_SIZE, type OfferStatus } from "~/domain/bank-choices";

import type { BankActor, RowOfActor } from "./actor";
import { liveAuthorizationSql, openDemandWhere } from "./candidate.server";
import { visibleEnterprisesWhere } from "./enterprise.server";
import { notify } from "./notification.server";
import { countsByStatus } from "./status-counts.server";
import { demandTermsSelect, productRangesSelect } from "./selects.server";

/**
 * 银行响应 (bank side): the open demands a bank may answer — OPEN, valid today, of a firm that
 * authorises this bank — and the bank's own offers. Accepting or declining is the firm's side.
 */

function answerableDemandWhere(actor: BankActor, now: Date): Prisma.DemandWhereInput {
  return { ...openDemandWhere(now), enterprise: visibleEnterprisesWhere(actor, now) };
}

const demandSelect = {
  id: true,
  ...demandTermsSelect,
  createdAt: true,
  enterprise: { select: { id: true, name: true, sectionCode: true, size: true } },
} satisfies Prisma.DemandSelect;

/** A bank's offer as a row: its terms, where it stands and when it was made. */
const offerRowSelect = {
  id: true,
  status: true,
  amountYuan: true,
  termMonths: true,
  rateBp: true,
  createdAt: true,
} satisfies Prisma.OfferSelect;

/**
 * answerableDemandWhere as SQL over the demand (alias d). Prisma compiles the firm's visibility —
 * a relation filter with an OR of two relations — to `IN (SELECT …)` sets that SQLite builds for
 * every query: every visible firm of a city, for the count and again for the page. Correlated
 * EXISTS on the covering indexes instead, as the candidate list does.
 */
function answerableDemandSql(actor: BankActor, now: Date): Prisma.Sql {
  const today = sqlDialect().instant(startOfShanghaiDay(shanghaiDate(now)));
  return Prisma.sql`d."status" = 'OPEN' AND d."validUntil" >= ${today}
    AND (${liveAuthorizationSql(actor, now, Prisma.sql`d."enterpriseId"`)}
      OR EXISTS (SELECT 1 FROM "Loan" l WHERE l."enterpriseId" = d."enterpriseId"
                  AND l."bankId" = ${actor.bankId} AND l."status" = 'ACTIVE'))`;
}

/** One page of the demands the bank may answer, newest first: the count and the page's ids in SQL, then their rows. */
export async function listAnswerableDemands(
  actor: BankActor,
  { page, pageSize = DEMANDS_PAGE_SIZE, now = new Date() }: { page: number; pageSize?: number; now?: Date },
) {
  const where = answerableDemandSql(actor, now);
  const { skip, take } = pageWindow(page, pageSize);
  const [counted, ids] = await Promise.all([
    db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM "Demand" d WHERE ${where}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT d."id" AS "id" FROM "Demand" d WHERE ${where}
       ORDER BY d."createdAt" DESC, d."id" ASC LIMIT ${take} OFFSET ${skip}`,
  ]);
  const rows = await db.demand.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: {
      ...demandSelect,
      offers: { where: { bankId: actor.bankId }, select: { id: true, status: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { total: Number(counted[0]?.n ?? 0), demands: ids.flatMap(({ id }) => byId.get(id) ?? []) };
}

export async function getAnswerableDemand({ id, actor, now = new Date() }: RowOfActor<BankActor>) {
  return db.demand.findFirst({
    where: { id, ...answerableDemandWhere(actor, now) },
    select: {
      ...demandSelect,
      offers: {
        where: { bankId: actor.bankId },
        select: {
          ...offerRowSelect,
          product: { select: { name: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      },
    },
  });
}

/** One of the bank's PUBLISHED products, with the ranges an offer must respect. */
export async function getOfferableProduct(actor: BankActor, productId: string) {
  return db.product.findFirst({
    where: { id: productId, bankId: actor.bankId, status: "PUBLISHED" },
    select: {
      id: true,
      name: true,
      ...productRangesSelect,
    },
  });
}

export type CreateOfferResult =
  { ok: true; id: string } | { ok: false; error: "NOT_FOUND" | "PRODUCT_GONE" | "DUPLICATE" };

/**
 * Writes an offer and notifies the firm, in one transaction. The demand must still be
 * answerable and the product still published when the row is written; one PENDING offer per
 * demand and product.
 */
export async function createOffer({
  actor,
  demandId,
  input,
  now = new Date(),
}: {
  actor: BankActor;
  demandId: string;
  input: OfferInput;
  now?: Date;
}): Promise<CreateOfferResult> {
  class Abort extends Error {
    constructor(readonly code: "NOT_FOUND" | "PRODUCT_GONE" | "DUPLICATE") {
      super(code);
    }
  }
  try {
    const id = await db.$transaction(async (tx) => {
      // one offer at a time per demand: the DUPLICATE check below holds across app servers
      await lockRow(tx, "Demand", demandId);
      const demand = await tx.demand.findFirst({
        where: { id: demandId, ...answerableDemandWhere(actor, now) },
        select: { id: true, enterpriseId: true },
      });
      if (!demand) throw new Abort("NOT_FOUND");
      const product = await tx.product.findFirst({
        where: { id: input.productId, bankId: actor.bankId, status: "PUBLISHED" },
        select: { id: true, name: true, bank: { select: { name: true } } },
      });
      if (!product) throw new Abort("PRODUCT_GONE");
      const pending = await tx.offer.count({
        where: { demandId, productId: product.id, bankId: actor.bankId, status: "PENDING" },
      });
      if (pending > 0) throw new Abort("DUPLICATE");
      const offer = await tx.offer.create({
        data: {
          demandId,
          bankId: actor.bankId,
          productId: product.id,
          userId: actor.id,
          amountYuan: input.amountYuan,
          termMonths: input.termMonths,
          rateBp: input.rateBp,
          note: input.note,
          createdAt: now,
        },
        select: { id: true },
      });
      // a demand with an offer leaves the 回访 queue's "no offer" reason (gov-queues.server.ts)
      await tx.demand.update({ where: { id: demandId }, data: { noOfferDueAt: null } });
      await notify.enterprise(tx, demand.enterpriseId, {
        kind: "offer.CREATED",
        params: { bank: product.bank.name, product: product.name },
        link: `/enterprise/demands/${demandId}`,
      });
      return offer.id;
    });
    return { ok: true, id };
  } catch (error) {
    if (error instanceof Abort) return { ok: false, error: error.code };
    throw error;
  }
}

/** Withdraws one of the bank's own PENDING offers (conditional: a firm may be answering it). */
export async function withdrawOffer({ id, actor, now = new Date() }: RowOfActor<BankActor>) {
  const updated = await db.offer.updateMany({
    where: { id, bankId: actor.bankId, status: "PENDING" },
    data: { status: "WITHDRAWN", respondedAt: now },
  });
  return updated.count === 1;
}

export async function listOwnOffers(
  actor: BankActor,
  { status, page, pageSize = DEMANDS_PAGE_SIZE }: { status?: OfferStatus; page: number; pageSize?: number },
) {
  const where: Prisma.OfferWhereInput = { bankId: actor.bankId, ...(status ? { status } : {}) };
  const [total, offers, counts] = await Promise.all([
    db.offer.count({ where }),
    db.offer.findMany({
      where,
      select: {
        ...offerRowSelect,
        respondedAt: true,
        product: { select: { id: true, name: true } },
        demand: { select: { id: true, amountYuan: true, enterprise: { select: { name: true } } } },
        application: { select: { id: true, number: true } },
        user: { select: { displayName: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
    db.offer.groupBy({ by: ["status"], where: { bankId: actor.bankId }, _count: true }),
  ]);
  const byStatus = countsByStatus<OfferStatus>(counts);
  return { total, offers, byStatus };
}

/**
 * The open demands the bank may answer, oldest first (createdAt, then id), after a position:
 * the API's list. The same rule as the offers page: OPEN, valid today, of a firm that authorises
 * this bank.
 */
export async function listAnswerableDemandsAfter(
  actor: BankActor,
  {
    after,
    limit,
    now = new Date(),
  }: { after?: { createdAt: Date; id: string } | null; limit: number; now?: Date },
) {
  return db.demand.findMany({
    where: {
      ...answerableDemandWhere(actor, now),
      ...(after
        ? {
            OR: [
              { createdAt: { gt: after.createdAt } },
              { createdAt: after.createdAt, id: { gt: after.id } },
            ],
          }
        : {}),
    },
    select: {
      ...demandSelect,
      enterprise: { select: { uscc: true, name: true, sectionCode: true, size: true } },
      offers: { where: { bankId: actor.bankId }, select: { id: true, status: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}
