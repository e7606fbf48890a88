import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";

import type { EnterpriseActor } from "./actor";
import { emitDemandEvent, emitOfferEvent } from "./bank-events.server";
import { insertApplication } from "./enterprise-application.server";
import { createOnce } from "./form-key.server";
import { notify } from "./notification.server";
import { queueRules, refreshNoOfferDueAt, refreshSlaDueAt } from "./gov-queues.server";
import { demandRowSelect, demandTermsSelect } from "./selects.server";

export type DemandInput = {
  amountYuan: number;
  termMonths: number;
  purpose: string;
  guaranteeTypes: string[];
  rateCeilingBp: number | null;
  validUntil: Date;
};

/** Thrown inside a transaction to roll it back when a conditional update found nothing. */
class Changed extends Error {}

export async function listOwnDemands(
  actor: EnterpriseActor,
  { status, page, pageSize }: { status?: string; page: number; pageSize: number },
) {
  const where: Prisma.DemandWhereInput = { enterpriseId: actor.enterpriseId, ...(status ? { status } : {}) };
  const [total, items] = await Promise.all([
    db.demand.count({ where }),
    db.demand.findMany({
      where,
      select: {
        ...demandRowSelect,
        _count: { select: { offers: { where: { status: "PENDING" } } } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { total, items: items.map(({ _count, ...d }) => ({ ...d, pendingOffers: _count.offers })) };
}

/** One of the firm's demands with the banks' offers; null when not the firm's. */
export function getOwnDemand(actor: EnterpriseActor, id: string) {
  return db.demand.findFirst({
    where: { id, enterpriseId: actor.enterpriseId },
    select: {
      id: true,
      ...demandTermsSelect,
      status: true,
      createdAt: true,
      updatedAt: true,
      offers: {
        select: {
          id: true,
          amountYuan: true,
          termMonths: true,
          rateBp: true,
          note: true,
          status: true,
          createdAt: true,
          respondedAt: true,
          bank: { select: { name: true, nameEn: true } },
          product: { select: { id: true, name: true, type: true, guaranteeType: true } },
          application: { select: { id: true, number: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      },
    },
  });
}

function demandData(input: DemandInput) {
  return {
    amountYuan: input.amountYuan,
    termMonths: input.termMonths,
    purpose: input.purpose,
    guaranteeTypes: input.guaranteeTypes.join(","),
    rateCeilingBp: input.rateCeilingBp,
    validUntil: input.validUntil,
  };
}

/** Posts a demand; the banks that may see the firm get demand.posted in the same transaction. */
export async function createDemand(
  actor: EnterpriseActor,
  input: DemandInput,
  formKey: string | null = null,
  now = new Date(),
) {
  const rules = await queueRules();
  return createOnce(
    formKey,
    () =>
      db.$transaction(async (tx) => {
        const demand = await tx.demand.create({
          data: { enterpriseId: actor.enterpriseId, ...demandData(input), formKey, createdAt: now },
          select: { id: true },
        });
        await refreshNoOfferDueAt(tx, demand.id, rules);
        await emitDemandEvent(tx, { demandId: demand.id, type: "demand.posted", now });
        return demand;
      }),
    (key) =>
      db.demand.findFirst({
        where: { formKey: key, enterpriseId: actor.enterpriseId },
        select: { id: true },
      }),
  );
}

/** Edits an OPEN demand of the firm; false when it is not the firm's or no longer open. */
export async function updateDemand(actor: EnterpriseActor, id: string, input: DemandInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const updated = await tx.demand.updateMany({
      where: { id, enterpriseId: actor.enterpriseId, status: "OPEN" },
      data: demandData(input),
    });
    if (updated.count !== 1) return false;
    await emitDemandEvent(tx, { demandId: id, type: "demand.updated", now });
    return true;
  });
}

/** Closes an OPEN demand; its pending offers are declined (their banks are told). */
export async function closeDemand(actor: EnterpriseActor, id: string, now = new Date()) {
  try {
    await db.$transaction(async (tx) => {
      const updated = await tx.demand.updateMany({
        where: { id, enterpriseId: actor.enterpriseId, status: "OPEN" },
        data: { status: "CLOSED" },
      });
      if (updated.count !== 1) throw new Changed();
      await declinePending(tx, id, now);
      await emitDemandEvent(tx, { demandId: id, type: "demand.closed", now });
    });
    return true;
  } catch (error) {
    if (error instanceof Changed) return false;
    throw error;
  }
}

async function declinePending(
  tx: Prisma.TransactionClient,
  demandId: string,
  now: Date,
  exceptOfferId?: string,
) {
  const pending = await tx.offer.findMany({
    where: { demandId, status: "PENDING", ...(exceptOfferId ? { id: { not: exceptOfferId } } : {}) },
    select: {
      id: true,
      bankId: true,
      product: { select: { name: true } },
      demand: { select: { enterprise: { select: { name: true } } } },
    },
  });
  if (!pending.length) return;
  await tx.offer.updateMany({
    where: { id: { in: pending.map((o) => o.id) }, status: "PENDING" },
    data: { status: "DECLINED", respondedAt: now },
  });
  for (const offer of pending) {
    await notify.bank(tx, offer.bankId, {
      kind: "offer.DECLINED",
      params: { enterprise: offer.demand.enterprise.name, product: offer.product.name },
    });
    await emitOfferEvent(tx, { offerId: offer.id, now });
  }
}

export type OfferDecision =
  | { ok: true; applicationId?: string; number?: string }
  | { ok: false; error: "NOT_FOUND" | "CHANGED" | "EXPIRED" };

/** The firm's pending offer on one of its open demands, or null. */
function findOwnOffer(actor: EnterpriseActor, demandId: string, offerId: string) {
  return db.offer.findFirst({
    where: { id: offerId, demandId, demand: { enterpriseId: actor.enterpriseId } },
    select: {
      id: true,
      status: true,
      bankId: true,
      productId: true,
      amountYuan: true,
      termMonths: true,
      product: { select: { name: true } },
      demand: {
        select: {
          id: true,
          status: true,
          purpose: true,
          validUntil: true,
          enterprise: { select: { name: true, whitelistedUntil: true } },
        },
      },
    },
  });
}

/**
 * Accepts a bank's offer: the offer ACCEPTED, the demand FULFILLED, its other pending offers
 * DECLINED, and an application born ACCEPTED (its first event null → ACCEPTED by the firm,
 * firstResponseAt and acceptedAt set: the offer was the bank's answer) with the FULL
 * APPLICATION authorisation for that bank — one transaction, conditional on the offer still
 * pending and the demand still open.
 */
export async function acceptOffer(
  actor: EnterpriseActor,
  demandId: string,
  offerId: string,
  now = new Date(),
): Promise<OfferDecision> {
  const offer = await findOwnOffer(actor, demandId, offerId);
  if (!offer) return { ok: false, error: "NOT_FOUND" };
  if (offer.status !== "PENDING" || offer.demand.status !== "OPEN") return { ok: false, error: "CHANGED" };
  if (offer.demand.validUntil <= now) return { ok: false, error: "EXPIRED" };
  const whitelisted =
    offer.demand.enterprise.whitelistedUntil !== null && offer.demand.enterprise.whitelistedUntil > now;
  const rules = await queueRules();
  try {
    const created = await db.$transaction(async (tx) => {
      const offerUpdate = await tx.offer.updateMany({
        where: { id: offer.id, status: "PENDING" },
        data: { status: "ACCEPTED", respondedAt: now },
      });
      const demandUpdate = await tx.demand.updateMany({
        where: { id: offer.demand.id, enterpriseId: actor.enterpriseId, status: "OPEN" },
        data: { status: "FULFILLED" },
      });
      if (offerUpdate.count !== 1 || demandUpdate.count !== 1) throw new Changed();
      await declinePending(tx, offer.demand.id, now, offer.id);
      const application = await insertApplication(tx, actor, now, {
        productId: offer.productId,
        bankId: offer.bankId,
        demandId: offer.demand.id,
        offerId: offer.id,
        amountYuan: offer.amountYuan,
        termMonths: offer.termMonths,
        purpose: offer.demand.purpose,
        state: "ACCEPTED",
        whitelisted,
        firstResponseAt: now,
        acceptedAt: now,
        event: {
          amountYuan: offer.amountYuan,
          termMonths: offer.termMonths,
          offerId: offer.id,
          demandId: offer.demand.id,
        },
      });
      await refreshSlaDueAt(tx, application.id, rules);
      await notify.bank(tx, offer.bankId, {
        kind: "offer.ACCEPTED",
        params: {
          enterprise: offer.demand.enterprise.name,
          number: application.number,
          product: offer.product.name,
        },
        link: `/bank/applications/${application.id}`,
      });
      await emitOfferEvent(tx, { offerId: offer.id, now });
      return application;
    });
    return { ok: true, applicationId: created.id, number: created.number };
  } catch (error) {
    if (error instanceof Changed) return { ok: false, error: "CHANGED" };
    throw error;
  }
}

/** Declines one pending offer; the demand stays open for others. */
export async function declineOffer(
  actor: EnterpriseActor,
  demandId: string,
  offerId: string,
  now = new Date(),
): Promise<OfferDecision> {
  const offer = await findOwnOffer(actor, demandId, offerId);
  if (!offer) return { ok: false, error: "NOT_FOUND" };
  try {
    await db.$transaction(async (tx) => {
      const updated = await tx.offer.updateMany({
        where: { id: offer.id, status: "PENDING" },
        data: { status: "DECLINED", respondedAt: now },
      });
      if (updated.count !== 1) throw new Changed();
      await notify.bank(tx, offer.bankId, {
        kind: "offer.DECLINED",
        params: { enterprise: offer.demand.enterprise.name, product: offer.product.name },
      });
      await emitOfferEvent(tx, { offerId: offer.id, now });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Changed) return { ok: false, error: "CHANGED" };
    throw error;
  }
}
