import { Prisma } from "@prisma/client";

import { lockRow } from "~/db/row-lock.server";
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import { slaStatus, type ApplicationState } from "~/domain/application-machine";
import type { ApplicationSort } from "~/domain/enterprise-terms";
import { checkEligibility, eligibilityProductOf, type EligibilityResult } from "~/domain/eligibility";
import { shanghaiDate } from "~/domain/shanghai-time";

import type { EnterpriseActor } from "./actor";
import { maxAuthorizationExpiry, refreshAuthorisedUntil } from "./authorization.server";
import { emitApplicationEvent } from "./bank-events.server";
import { notify } from "./notification.server";
import { getCalendar, getSettings, slaSettingsOf } from "./settings.server";
import { timelineEventsSelect, toTimeline } from "./application-timeline.server";
import { queueRules, refreshSlaDueAt } from "./gov-queues.server";
import { withFirmRollups } from "./indicator-rollup.server";
import { applicationRecordSelect, applicationRowSelect } from "./selects.server";

type Tx = Prisma.TransactionClient;

export const OPEN_APPLICATION_STATES = ["SUBMITTED", "ACCEPTED", "APPROVED"] as const;

/** The facts about the firm that eligibility needs. */
export async function getEligibilityFirm(actor: EnterpriseActor, now = new Date()) {
  const firm = await db.enterprise.findUnique({
    where: { id: actor.enterpriseId },
    select: { size: true, sectionCode: true, taxGrade: true, onDishonestyList: true, whitelistedUntil: true },
  });
  if (!firm) return null;
  return {
    size: firm.size,
    sectionCode: firm.sectionCode,
    taxGrade: firm.taxGrade,
    onDishonestyList: firm.onDishonestyList,
    whitelisted: firm.whitelistedUntil !== null && firm.whitelistedUntil > now,
  };
}

/** The firm's open application to a product, if any (one at a time per product). */
export function findOpenApplication(actor: EnterpriseActor, productId: string) {
  return db.application.findFirst({
    where: { enterpriseId: actor.enterpriseId, productId, state: { in: [...OPEN_APPLICATION_STATES] } },
    select: { id: true, number: true },
  });
}

/** "XYD-20260312-0042": the next number of the Shanghai day, inside the caller's transaction. */
export async function nextApplicationNumber(tx: Tx, at: Date) {
  const prefix = `XYD-${shanghaiDate(at).replaceAll("-", "")}-`;
  const last = await tx.application.findFirst({
    where: { number: { startsWith: prefix } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const n = (last ? Number(last.number.slice(prefix.length)) : 0) + 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}

type NewApplication = {
  productId: string;
  bankId: string;
  amountYuan: number;
  termMonths: number;
  purpose: string;
  whitelisted: boolean;
  /** SUBMITTED when the firm applies; ACCEPTED when it takes a bank's offer (the offer was the answer) */
  state: "SUBMITTED" | "ACCEPTED";
  /** what the first event (null → state) records */
  event: Record<string, unknown>;
  demandId?: string;
  offerId?: string;
  firstResponseAt?: Date;
  acceptedAt?: Date;
};

/**
 * Writes a firm's new application inside the caller's transaction: the day's next number, its
 * first event and the FULL authorisation of origin APPLICATION for the bank (one year). The
 * indicator rollups move with the new application (decision 020).
 */
export async function insertApplication(
  tx: Tx,
  actor: EnterpriseActor,
  now: Date,
  { event, ...fields }: NewApplication,
) {
  const number = await nextApplicationNumber(tx, now);
  const application = await withFirmRollups(tx, actor.enterpriseId, () =>
    tx.application.create({
      data: {
        number,
        enterpriseId: actor.enterpriseId,
        ...fields,
        submittedAt: now,
        createdAt: now,
        events: {
          create: {
            actorId: actor.id,
            fromState: null,
            toState: fields.state,
            at: now,
            data: JSON.stringify(event),
          },
        },
      },
      select: { id: true, number: true, enterprise: { select: { name: true } } },
    }),
  );
  await tx.authorization.create({
    data: {
      enterpriseId: actor.enterpriseId,
      bankId: fields.bankId,
      scope: "FULL",
      origin: "APPLICATION",
      applicationId: application.id,
      grantedAt: now,
      expiresAt: maxAuthorizationExpiry(now),
    },
  });
  await refreshAuthorisedUntil(tx, actor.enterpriseId);
  return application;
}

export type SubmitResult =
  | { ok: true; id: string; number: string }
  | { ok: false; error: "NOT_FOUND" }
  | { ok: false; error: "INELIGIBLE"; eligibility: EligibilityResult }
  | { ok: false; error: "DUPLICATE"; existing: { id: string; number: string } };

/**
 * Applies to a published product: eligibility re-checked on the server; in one transaction the
 * Application (bank from the product, whitelisted flag from the firm), its SUBMITTED event, the
 * APPLICATION-origin FULL authorisation for that bank (one year) and the bank's notification.
 * A second open application of the firm to the same product is refused (double submit).
 */
export async function submitApplication(
  actor: EnterpriseActor,
  input: { productId: string; amountYuan: number; termMonths: number; purpose: string },
  now = new Date(),
  options: {
    /** more rows of the same submission, in its transaction (a renewal request's link to its loan) */
    inTransaction?: (tx: Tx, applicationId: string) => Promise<void>;
  } = {},
): Promise<SubmitResult> {
  const [product, firm] = await Promise.all([
    db.product.findFirst({
      where: { id: input.productId, status: "PUBLISHED", bank: { active: true } },
      select: {
        id: true,
        name: true,
        bankId: true,
        status: true,
        minAmountYuan: true,
        maxAmountYuan: true,
        minTermMonths: true,
        maxTermMonths: true,
        eligibleSizes: true,
        eligibleSections: true,
        minTaxGrade: true,
        whitelistOnly: true,
      },
    }),
    getEligibilityFirm(actor, now),
  ]);
  if (!product || !firm) return { ok: false, error: "NOT_FOUND" };
  const eligibility = checkEligibility(firm, eligibilityProductOf(product), {
    amountYuan: input.amountYuan,
    termMonths: input.termMonths,
  });
  if (!eligibility.eligible) return { ok: false, error: "INELIGIBLE", eligibility };

  const rules = await queueRules();
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        // The firm's row locked first, so a double click — even on two app servers — cannot slip
        // a second one in between this check and the insert.
        await lockRow(tx, "Enterprise", actor.enterpriseId);
        const existing = await tx.application.findFirst({
          where: {
            enterpriseId: actor.enterpriseId,
            productId: product.id,
            state: { in: [...OPEN_APPLICATION_STATES] },
          },
          select: { id: true, number: true },
        });
        if (existing) return { ok: false as const, error: "DUPLICATE" as const, existing };
        const application = await insertApplication(tx, actor, now, {
          productId: product.id,
          bankId: product.bankId,
          amountYuan: input.amountYuan,
          termMonths: input.termMonths,
          purpose: input.purpose,
          state: "SUBMITTED",
          whitelisted: firm.whitelisted,
          event: { amountYuan: input.amountYuan, termMonths: input.termMonths },
        });
        await refreshSlaDueAt(tx, application.id, rules);
        await options.inTransaction?.(tx, application.id);
        await notify.bank(tx, product.bankId, {
          kind: "application.SUBMITTED",
          params: {
            number: application.number,
            product: product.name,
            enterprise: application.enterprise.name,
          },
          link: `/bank/applications/${application.id}`,
        });
        await emitApplicationEvent(tx, {
          applicationId: application.id,
          from: null,
          to: "SUBMITTED",
          by: "ENTERPRISE",
          now,
        });
        return { ok: true as const, id: application.id, number: application.number };
      });
    } catch (error) {
      // Another process took the same number: try the next one.
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        continue;
      throw error;
    }
  }
}

const sortOrder: Record<ApplicationSort, Prisma.ApplicationOrderByWithRelationInput[]> = {
  newest: [{ submittedAt: "desc" }, { id: "asc" }],
  oldest: [{ submittedAt: "asc" }, { id: "asc" }],
  amount: [{ amountYuan: "desc" }, { id: "asc" }],
};

export async function listOwnApplicationsPage(
  actor: EnterpriseActor,
  {
    state,
    sort,
    page,
    pageSize,
  }: { state?: ApplicationState; sort: ApplicationSort; page: number; pageSize: number },
) {
  const where: Prisma.ApplicationWhereInput = {
    enterpriseId: actor.enterpriseId,
    ...(state ? { state } : {}),
  };
  const [total, items] = await Promise.all([
    db.application.count({ where }),
    db.application.findMany({
      where,
      select: {
        ...applicationRowSelect,
        product: { select: { id: true, name: true } },
        bank: { select: { name: true, nameEn: true } },
      },
      orderBy: sortOrder[sort],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { total, items };
}

/** One of the firm's applications with its timeline and SLA clock; null when not the firm's. */
export async function getOwnApplication(actor: EnterpriseActor, id: string, now = new Date()) {
  const application = await db.application.findFirst({
    where: { id, enterpriseId: actor.enterpriseId },
    select: {
      ...applicationRecordSelect,
      firstResponseAt: true,
      offerId: true,
      product: { select: { id: true, name: true, guaranteeType: true } },
      bank: { select: { name: true, nameEn: true } },
      events: timelineEventsSelect,
    },
  });
  if (!application) return null;
  const [calendar, settings] = await Promise.all([getCalendar(), getSettings()]);
  const sla = slaStatus(
    {
      state: application.state as ApplicationState,
      submittedAt: application.submittedAt,
      acceptedAt: application.acceptedAt,
      whitelisted: application.whitelisted,
    },
    now,
    calendar,
    slaSettingsOf(settings),
  );
  const events = toTimeline(application.events);
  return { ...application, events, sla };
}
