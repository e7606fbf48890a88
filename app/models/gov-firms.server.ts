import type { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import { slaStatus, type ApplicationState, type SlaStatus } from "~/domain/application-machine";
import type { EnterpriseSize } from "~/domain/enterprise-size";
import type { SectionCode } from "~/domain/industry";
import { normalizeUscc } from "~/domain/uscc";

import type { AuditedActor, GovActor } from "./actor";
import { recordAudit } from "./audit.server";
import { enterpriseBasicSelect, visibleEnterprisesWhere } from "./enterprise.server";
import type { FirmSort, WHITELIST_FILTERS } from "./gov-codes";
import type { Sort } from "~/domain/list-query";
import { demandRowSelect, visitRowSelect } from "./selects.server";
import { getCalendar, getSettings, slaSettingsOf } from "./settings.server";

export type FirmFilters = {
  q?: string | null;
  size?: EnterpriseSize | null;
  section?: SectionCode | null;
  whitelist?: (typeof WHITELIST_FILTERS)[number] | null;
  openDemand: boolean;
  overdue: boolean;
};

/**
 * The open applications (SUBMITTED / ACCEPTED) of the given firms whose SLA clock has run
 * out at `now`, with their clock. SLA deadlines depend on the working-day calendar, so they
 * are computed here rather than in SQL; open applications are few.
 */
export async function overdueApplications(
  /** the firms: a filter, or their ids (a page's: read by id, no join to the firms) */
  firms: Prisma.EnterpriseWhereInput | { ids: string[] },
  now = new Date(),
  /** read only the applications whose stored deadline (Application.slaDueAt) has passed */
  { storedDeadline = false }: { storedDeadline?: boolean } = {},
) {
  const [open, calendar, settings] = await Promise.all([
    db.application.findMany({
      where: {
        ...("ids" in firms ? { enterpriseId: { in: firms.ids } } : { enterprise: firms }),
        state: { in: ["SUBMITTED", "ACCEPTED"] },
        ...(storedDeadline ? { slaDueAt: { lt: now } } : {}),
      },
      select: {
        id: true,
        number: true,
        enterpriseId: true,
        state: true,
        submittedAt: true,
        acceptedAt: true,
        whitelisted: true,
        bank: { select: { name: true, nameEn: true } },
      },
    }),
    getCalendar(),
    getSettings(),
  ]);
  const sla = slaSettingsOf(settings);
  const overdue: ((typeof open)[number] & { sla: SlaStatus })[] = [];
  for (const application of open) {
    const status = slaStatus(
      { ...application, state: application.state as ApplicationState },
      now,
      calendar,
      sla,
    );
    if (status?.overdue) overdue.push({ ...application, sla: status });
  }
  return overdue;
}

function orderBy(sort: Sort<FirmSort>): Prisma.EnterpriseOrderByWithRelationInput[] {
  return [{ [sort.key]: sort.dir }, { id: "asc" }];
}

/** The firms the actor may see, filtered, sorted and paginated, with their open items. */
export async function listGovFirms(
  actor: GovActor,
  {
    filters,
    sort,
    page,
    pageSize,
  }: { filters: FirmFilters; sort: Sort<FirmSort>; page: number; pageSize: number },
  now = new Date(),
) {
  const visible = visibleEnterprisesWhere(actor, now);
  const and: Prisma.EnterpriseWhereInput[] = [visible];
  if (filters.q) {
    const uscc = normalizeUscc(filters.q);
    and.push({ OR: [{ name: sqlDialect().contains(filters.q) }, { uscc: { startsWith: uscc } }] });
  }
  if (filters.size) and.push({ size: filters.size });
  if (filters.section) and.push({ sectionCode: filters.section });
  if (filters.whitelist === "yes") and.push({ whitelistedUntil: { gt: now } });
  if (filters.whitelist === "no")
    and.push({ OR: [{ whitelistedUntil: null }, { whitelistedUntil: { lte: now } }] });
  if (filters.openDemand) and.push({ demands: { some: { status: "OPEN", validUntil: { gt: now } } } });
  // past the stored SLA deadline (Application.slaDueAt, indexed; kept by gov-queues.server.ts)
  if (filters.overdue)
    and.push({ applications: { some: { state: { in: ["SUBMITTED", "ACCEPTED"] }, slaDueAt: { lt: now } } } });
  const where: Prisma.EnterpriseWhereInput = { AND: and };
  const [total, rows] = await Promise.all([
    db.enterprise.count({ where }),
    db.enterprise.findMany({
      where,
      select: {
        ...enterpriseBasicSelect,
        taxGrade: true,
        publicRating: true,
        onDishonestyList: true,
        createdAt: true,
        _count: { select: { demands: { where: { status: "OPEN", validUntil: { gt: now } } } } },
      },
      orderBy: orderBy(sort),
      ...pageWindow(page, pageSize),
    }),
  ]);
  // the page's firms only: a city has thousands of overdue applications, a page shows 20 firms
  const overdue = await overdueApplications({ ids: rows.map((row) => row.id) }, now, {
    storedDeadline: true,
  });
  const overdueFirms = new Set(overdue.map((a) => a.enterpriseId));
  const firms = rows.map(({ _count, ...firm }) => ({
    ...firm,
    whitelisted: firm.whitelistedUntil !== null && firm.whitelistedUntil > now,
    openDemands: _count.demands,
    overdue: overdueFirms.has(firm.id),
  }));
  return { total, firms };
}

/**
 * One firm as the government sees it: basic information, the credit SUMMARY (never the
 * profile's records), demands, applications, visits and whitelist history. Null when the
 * actor may not see the firm (another sub-district). The view is logged (GOV_SUMMARY).
 */
export async function getGovFirm(actor: AuditedActor<GovActor>, id: string, now = new Date()) {
  const firm = await db.enterprise.findFirst({
    where: { AND: [{ id }, visibleEnterprisesWhere(actor, now)] },
    select: {
      ...enterpriseBasicSelect,
      legalRepresentative: true,
      address: true,
      establishedOn: true,
      registeredCapitalWan: true,
      contactName: true,
      contactMobile: true,
      employees: true,
      revenueWan: true,
      totalAssetsWan: true,
      hadBankLoan: true,
      createdAt: true,
      taxGrade: true,
      publicRating: true,
      onDishonestyList: true,
      onRedList: true,
      creditRefreshedAt: true,
      demands: {
        select: {
          ...demandRowSelect,
          _count: { select: { offers: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: 20,
      },
      applications: {
        select: {
          id: true,
          number: true,
          state: true,
          amountYuan: true,
          submittedAt: true,
          acceptedAt: true,
          whitelisted: true,
          rejectReason: true,
          disbursedAmountYuan: true,
          bank: { select: { name: true, nameEn: true } },
          product: { select: { name: true } },
        },
        orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
        take: 30,
      },
      visits: {
        select: visitRowSelect,
        orderBy: [{ visitedOn: "desc" }, { id: "asc" }],
        take: 30,
      },
      recommendations: {
        select: {
          id: true,
          status: true,
          reason: true,
          suggestedAmountYuan: true,
          reviewNote: true,
          createdAt: true,
          batch: { select: { name: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: 10,
      },
      whitelistEntries: {
        select: {
          id: true,
          status: true,
          statusReason: true,
          batch: { select: { name: true, validUntil: true } },
        },
        orderBy: [{ approvedAt: "desc" }, { id: "asc" }],
        take: 10,
      },
    },
  });
  if (!firm) return null;
  const [calendar, settings] = await Promise.all([getCalendar(), getSettings()]);
  const sla = slaSettingsOf(settings);
  const log = await db.accessLog.create({
    data: { enterpriseId: firm.id, userId: actor.id, scope: "BASIC", purpose: "GOV_SUMMARY", at: now },
    select: { id: true },
  });
  await recordAudit({
    actorId: actor.id,
    action: "credit.view",
    targetType: "Enterprise",
    targetId: firm.id,
    ip: actor.ip,
    detail: { scope: "BASIC", purpose: "GOV_SUMMARY", accessLogId: log.id },
  });
  return {
    ...firm,
    whitelisted: firm.whitelistedUntil !== null && firm.whitelistedUntil > now,
    applications: firm.applications.map((application) => ({
      ...application,
      sla: slaStatus({ ...application, state: application.state as ApplicationState }, now, calendar, sla),
    })),
  };
}

/** How many firms the firm picker offers for what was typed. */
export const FIRM_CHOICES = 20;
const firmChoiceSelect = { id: true, name: true, uscc: true, onDishonestyList: true } as const;

export type FirmChoice = Prisma.EnterpriseGetPayload<{ select: typeof firmChoiceSelect }>;

/** The firms of the typed text (name contains it, or the USCC starts with it), by name. */
function matching(query: string): Prisma.EnterpriseWhereInput {
  const text = query.trim();
  if (!text) return {};
  return { OR: [{ name: sqlDialect().contains(text) }, { uscc: { startsWith: normalizeUscc(text) } }] };
}

/**
 * The firm picker of the office's forms (visits, recommendations): the first twenty firms it may
 * see whose name contains the text or whose USCC starts with it. A city sub-district has
 * thousands of firms: the forms no longer list them all (the list stopped at a thousand).
 */
export async function searchFirmChoices(actor: GovActor, query: string): Promise<FirmChoice[]> {
  return db.enterprise.findMany({
    where: { AND: [visibleEnterprisesWhere(actor), matching(query.slice(0, 60))] },
    select: firmChoiceSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: FIRM_CHOICES,
  });
}

/**
 * What a form with a firm picker starts from: whether the actor has any firm to pick (the form's
 * empty state), and the firm a link chose (`?firm=`) when the actor may see it.
 */
export async function firmPickerStart(actor: GovActor, firmId: string | null | undefined) {
  const visible = visibleEnterprisesWhere(actor);
  const [any, chosenFirm] = await Promise.all([
    db.enterprise.findFirst({ where: visible, select: { id: true } }),
    firmId
      ? db.enterprise.findFirst({ where: { AND: [visible, { id: firmId }] }, select: firmChoiceSelect })
      : null,
  ]);
  return { hasFirms: any !== null, chosenFirm };
}

/**
 * The firm a picker's submission means. The picker sends the chosen id and the text in its box
 * (`firmQuery`); without JavaScript, or when the box was changed after a choice, the text decides:
 * the one firm the actor may see with exactly that name or USCC. An id the actor may not see is
 * kept (the model answers 403); null when the text names no single firm.
 */
export async function resolveFirmChoice(
  actor: GovActor,
  { enterpriseId, firmQuery }: { enterpriseId: string; firmQuery: string },
): Promise<string | null> {
  const text = firmQuery.trim();
  if (!text) return enterpriseId || null;
  const named = { OR: [{ name: text }, { uscc: normalizeUscc(text) }] };
  if (enterpriseId) {
    const chosen = await db.enterprise.findFirst({
      where: { AND: [visibleEnterprisesWhere(actor), { id: enterpriseId }] },
      select: { name: true, uscc: true },
    });
    if (!chosen || chosen.name === text || chosen.uscc === normalizeUscc(text)) return enterpriseId;
  }
  const found = await db.enterprise.findMany({
    where: { AND: [visibleEnterprisesWhere(actor), named] },
    select: { id: true },
    take: 2,
  });
  return found.length === 1 ? found[0].id : null;
}
