/**
 * The portal's own events for bank systems, one function per kind of change, each called inside
 * the transaction of that change (after its updates) by the model that makes it. Each reads what
 * its payload needs and hands it to recordEvent. Payloads follow the API's shapes (money as 元
 * strings with two decimals, rates in bp, days YYYY-MM-DD, times ISO 8601 with the +08:00 offset)
 * and name a firm only to banks that may see it (SPEC access rules).
 */
import type { Prisma } from "@prisma/client";

import type { ApplicationState } from "~/domain/application-machine";
import { shanghaiDate } from "~/domain/shanghai-time";
import { shanghaiIsoTime, yuanString, type WebhookEventType } from "~/domain/webhook-events";

import { applicationOutcomeSelect, demandTermsSelect } from "./selects.server";
import { banksSeeingFirms, recordEvent, type EventData } from "./webhook-event.server";

type Tx = Prisma.TransactionClient;

const TRANSITION_EVENTS: Record<ApplicationState, WebhookEventType> = {
  SUBMITTED: "application.submitted",
  ACCEPTED: "application.accepted",
  APPROVED: "application.approved",
  REJECTED: "application.rejected",
  DISBURSED: "application.disbursed",
  CANCELLED: "application.cancelled",
  WITHDRAWN: "application.withdrawn",
};

const firmSelect = { uscc: true, name: true } as const;

async function applicationData(tx: Tx, applicationId: string) {
  const a = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      id: true,
      number: true,
      bankId: true,
      state: true,
      version: true,
      amountYuan: true,
      termMonths: true,
      purpose: true,
      submittedAt: true,
      ...applicationOutcomeSelect,
      product: { select: { id: true, name: true } },
      enterprise: { select: firmSelect },
    },
  });
  const data = {
    number: a.number,
    state: a.state,
    version: a.version,
    amount: yuanString(a.amountYuan),
    termMonths: a.termMonths,
    purpose: a.purpose,
    submittedAt: shanghaiIsoTime(a.submittedAt),
    product: { id: a.product.id, name: a.product.name },
    enterprise: { uscc: a.enterprise.uscc, name: a.enterprise.name },
    approved:
      a.approvedAmountYuan !== null
        ? {
            amount: yuanString(a.approvedAmountYuan),
            rateBp: a.approvedRateBp,
            termMonths: a.approvedTermMonths,
          }
        : null,
    rejection: a.rejectReason ? { reasonCode: a.rejectReason, reasonText: a.rejectText } : null,
    disbursed:
      a.disbursedAmountYuan !== null && a.disbursedAt
        ? {
            amount: yuanString(a.disbursedAmountYuan),
            rateBp: a.disbursedRateBp,
            disbursedOn: shanghaiDate(a.disbursedAt),
          }
        : null,
  };
  return { id: a.id, bankId: a.bankId, data };
}

/**
 * An application entered `to` (submitted, or one step of the state machine, by either side):
 * to the application's bank, in order per application.
 */
export async function emitApplicationEvent(
  tx: Tx,
  {
    applicationId,
    from,
    to,
    by,
    now,
  }: {
    applicationId: string;
    from: string | null;
    to: ApplicationState;
    by: "BANK" | "ENTERPRISE";
    now: Date;
  },
) {
  const application = await applicationData(tx, applicationId);
  return recordEvent(tx, {
    type: TRANSITION_EVENTS[to],
    bankIds: [application.bankId],
    data: { application: application.data, transition: { from, to, by, at: shanghaiIsoTime(now) } },
    orderingKey: `application:${application.id}`,
    now,
  });
}

/** The firm accepted or declined a bank's offer: to that bank (an accepted one made an application). */
export async function emitOfferEvent(tx: Tx, { offerId, now }: { offerId: string; now: Date }) {
  const offer = await tx.offer.findUniqueOrThrow({
    where: { id: offerId },
    select: {
      id: true,
      bankId: true,
      status: true,
      amountYuan: true,
      termMonths: true,
      rateBp: true,
      demandId: true,
      product: { select: { id: true, name: true } },
      demand: { select: { enterpriseId: true, enterprise: { select: firmSelect } } },
      application: { select: { id: true } },
    },
  });
  const accepted = offer.status === "ACCEPTED";
  const application = offer.application ? await applicationData(tx, offer.application.id) : null;
  return recordEvent(tx, {
    type: accepted ? "offer.accepted" : "offer.declined",
    bankIds: [offer.bankId],
    data: {
      offer: {
        id: offer.id,
        demandId: offer.demandId,
        status: offer.status,
        amount: yuanString(offer.amountYuan),
        termMonths: offer.termMonths,
        rateBp: offer.rateBp,
        product: { id: offer.product.id, name: offer.product.name },
      },
      enterprise: { uscc: offer.demand.enterprise.uscc, name: offer.demand.enterprise.name },
      application: application?.data ?? null,
    },
    // the application's later events must not overtake the offer that made it
    orderingKey: application ? `application:${application.id}` : `enterprise:${offer.demand.enterpriseId}`,
    now,
  });
}

function authorizationData(a: {
  id: string;
  bankId: string | null;
  scope: string;
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}) {
  return {
    id: a.id,
    scope: a.scope,
    allBanks: a.bankId === null,
    grantedAt: shanghaiIsoTime(a.grantedAt),
    expiresAt: shanghaiIsoTime(a.expiresAt),
    revokedAt: a.revokedAt ? shanghaiIsoTime(a.revokedAt) : null,
  };
}

/**
 * A firm granted or revoked an authorisation on its authorisations page: to the bank it names,
 * or every active bank for a grant to all banks. (An application's own FULL grant is implied by
 * application.submitted and ends with the application.)
 */
export async function emitAuthorizationEvent(
  tx: Tx,
  { authorizationId, now }: { authorizationId: string; now: Date },
) {
  const a = await tx.authorization.findUniqueOrThrow({
    where: { id: authorizationId },
    select: {
      id: true,
      enterpriseId: true,
      bankId: true,
      scope: true,
      grantedAt: true,
      expiresAt: true,
      revokedAt: true,
      enterprise: { select: { ...firmSelect, whitelistedUntil: true } },
    },
  });
  const bankIds = a.bankId
    ? [a.bankId]
    : (await tx.bank.findMany({ where: { active: true }, select: { id: true } })).map((b) => b.id);
  const whitelisted = a.enterprise.whitelistedUntil !== null && a.enterprise.whitelistedUntil > now;
  return recordEvent(tx, {
    type: a.revokedAt ? "authorization.revoked" : "authorization.granted",
    bankIds,
    data: {
      authorization: authorizationData(a),
      enterprise: {
        uscc: a.enterprise.uscc,
        name: a.enterprise.name,
        whitelistedUntil:
          whitelisted && a.enterprise.whitelistedUntil ? shanghaiDate(a.enterprise.whitelistedUntil) : null,
      },
    },
    orderingKey: `enterprise:${a.enterpriseId}`,
    now,
  });
}

/** A firm posted, changed or closed a financing demand: to the banks that may see the firm. */
export async function emitDemandEvent(
  tx: Tx,
  {
    demandId,
    type,
    now,
  }: { demandId: string; type: "demand.posted" | "demand.updated" | "demand.closed"; now: Date },
) {
  const d = await tx.demand.findUniqueOrThrow({
    where: { id: demandId },
    select: {
      id: true,
      enterpriseId: true,
      ...demandTermsSelect,
      status: true,
      createdAt: true,
      enterprise: { select: firmSelect },
    },
  });
  return recordEvent(tx, {
    type,
    audience: { banksSeeing: d.enterpriseId },
    data: {
      demand: {
        id: d.id,
        status: d.status,
        amount: yuanString(d.amountYuan),
        termMonths: d.termMonths,
        purpose: d.purpose,
        guaranteeTypes: d.guaranteeTypes.split(",").filter(Boolean),
        rateCeilingBp: d.rateCeilingBp,
        validUntil: shanghaiDate(d.validUntil),
        postedAt: shanghaiIsoTime(d.createdAt),
      },
      enterprise: { uscc: d.enterprise.uscc, name: d.enterprise.name },
    },
    orderingKey: `enterprise:${d.enterpriseId}`,
    now,
  });
}

/**
 * The bureau approved a whitelist batch: each bank gets one event naming only the firms of the
 * batch it may see (a firm that authorised it, or all banks); a bank that may see none of them
 * gets none. (The site notification to every bank gives only the batch's name and size.)
 */
export async function emitWhitelistPublished(tx: Tx, { batchId, now }: { batchId: string; now: Date }) {
  const batch = await tx.whitelistBatch.findUniqueOrThrow({
    where: { id: batchId },
    select: {
      id: true,
      name: true,
      validFrom: true,
      validUntil: true,
      entries: {
        where: { status: "ACTIVE" },
        select: { enterpriseId: true, suggestedAmountYuan: true, enterprise: { select: firmSelect } },
        orderBy: { enterprise: { uscc: "asc" } },
      },
    },
  });
  const seeing = await banksSeeingFirms(
    tx,
    batch.entries.map((e) => e.enterpriseId),
    now,
  );
  const perBank = new Map<string, EventData[]>();
  for (const entry of batch.entries) {
    for (const bankId of seeing.get(entry.enterpriseId) ?? []) {
      const list = perBank.get(bankId) ?? [];
      list.push({
        uscc: entry.enterprise.uscc,
        name: entry.enterprise.name,
        suggestedAmount: entry.suggestedAmountYuan === null ? null : yuanString(entry.suggestedAmountYuan),
      });
      perBank.set(bankId, list);
    }
  }
  const ids: string[] = [];
  for (const bankId of [...perBank.keys()].sort()) {
    ids.push(
      ...(await recordEvent(tx, {
        type: "whitelist.published",
        bankIds: [bankId],
        data: {
          batch: {
            id: batch.id,
            name: batch.name,
            validFrom: shanghaiDate(batch.validFrom),
            validUntil: shanghaiDate(batch.validUntil),
          },
          enterprises: perBank.get(bankId)!,
        },
        now,
      })),
    );
  }
  return ids;
}

/** A firm's whitelist entry was suspended (联合惩戒), revoked or restored: to the banks that may see it. */
export async function emitWhitelistChange(
  tx: Tx,
  {
    entryId,
    type,
    reason,
    now,
  }: {
    entryId: string;
    type: "whitelist.suspended" | "whitelist.revoked" | "whitelist.restored";
    reason: string;
    now: Date;
  },
) {
  const entry = await tx.whitelistEntry.findUniqueOrThrow({
    where: { id: entryId },
    select: {
      status: true,
      enterpriseId: true,
      batch: { select: { id: true, name: true } },
      enterprise: { select: firmSelect },
    },
  });
  return recordEvent(tx, {
    type,
    audience: { banksSeeing: entry.enterpriseId },
    data: {
      entry: { status: entry.status, reason, batch: { id: entry.batch.id, name: entry.batch.name } },
      enterprise: { uscc: entry.enterprise.uscc, name: entry.enterprise.name },
    },
    orderingKey: `enterprise:${entry.enterpriseId}`,
    now,
  });
}
