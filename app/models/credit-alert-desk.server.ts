/**
 * Credit alerts as each role sees them (SPEC access table, "Credit alerts"): the bank its own
 * alerts, to acknowledge with the action taken; the firm what was found about it; the office the
 * alerts on its whitelist firms and the bureau all of them, in summary (kind, firm, bank, dates,
 * standing — never the bank's note). Every query is scoped to the actor here, not only in the route.
 */
import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import {
  acknowledgementProblem,
  alertStanding,
  objectionLink,
  type AlertAction,
  type AlertSort,
  type AlertStatusFilter,
} from "~/domain/credit-alerts";
import type { CreditChangeKind } from "~/domain/credit-changes";
import type { Sort } from "~/domain/list-query";

import type { AuditedActor, BankActor, EnterpriseActor, GovActor } from "./actor";
import { recordAudit } from "./audit.server";

type Detail = Record<string, string | number>;

function parseDetail(json: string): Detail {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Detail) : {};
  } catch {
    return {};
  }
}

/** The where-clause of a standing filter at `now`. */
function standingWhere(status: AlertStatusFilter | undefined, now: Date): Prisma.CreditAlertWhereInput {
  switch (status) {
    case "open":
      return { acknowledgedAt: null };
    case "overdue":
      return { acknowledgedAt: null, dueAt: { lt: now } };
    case "acknowledged":
      return { acknowledgedAt: { not: null } };
    default:
      return {};
  }
}

function orderBy(sort: Sort<AlertSort>): Prisma.CreditAlertOrderByWithRelationInput[] {
  switch (sort.key) {
    case "dueAt":
      return [{ dueAt: sort.dir }, { id: "asc" }];
    case "enterprise":
      return [{ enterprise: { name: sort.dir } }, { detectedAt: "desc" }, { id: "asc" }];
    case "kind":
      return [{ kind: sort.dir }, { detectedAt: "desc" }, { id: "asc" }];
    case "detectedAt":
      return [{ detectedAt: sort.dir }, { id: "asc" }];
  }
}

export type AlertListQuery = {
  status?: AlertStatusFilter;
  kind?: CreditChangeKind;
  q?: string;
  sort: Sort<AlertSort>;
  page: number;
  pageSize: number;
};

function firmSearch(q: string | undefined): Prisma.CreditAlertWhereInput {
  if (!q) return {};
  return { enterprise: { OR: [{ name: { contains: q } }, { uscc: { contains: q.toUpperCase() } }] } };
}

/** An alert as a row of either desk: its kind, its firm and the dates its standing comes from. */
const alertRowSelect = {
  id: true,
  kind: true,
  detectedAt: true,
  dueAt: true,
  acknowledgedAt: true,
  enterprise: { select: { id: true, name: true, uscc: true } },
} satisfies Prisma.CreditAlertSelect;

/** The list's sort and page, the same for the bank's desk and the government's. */
function sortedPage(query: AlertListQuery) {
  return { orderBy: orderBy(query.sort), ...pageWindow(query.page, query.pageSize) };
}

// ---------------------------------------------------------------- the bank

/** The bank's alerts, filtered, sorted and paged; with the counts of open and overdue ones. */
export async function listBankAlerts(actor: BankActor, query: AlertListQuery, now = new Date()) {
  const where: Prisma.CreditAlertWhereInput = {
    bankId: actor.bankId,
    ...standingWhere(query.status, now),
    ...(query.kind ? { kind: query.kind } : {}),
    ...firmSearch(query.q),
  };
  const [rows, total, open, overdue] = await Promise.all([
    db.creditAlert.findMany({
      where,
      ...sortedPage(query),
      select: { ...alertRowSelect, detail: true, basis: true, action: true },
    }),
    db.creditAlert.count({ where }),
    db.creditAlert.count({ where: { bankId: actor.bankId, acknowledgedAt: null } }),
    db.creditAlert.count({ where: { bankId: actor.bankId, acknowledgedAt: null, dueAt: { lt: now } } }),
  ]);
  return {
    alerts: rows.map((row) => ({
      ...row,
      detail: parseDetail(row.detail),
      standing: alertStanding(row, now),
    })),
    total,
    open,
    overdue,
  };
}

/** One alert of the bank's (null when it is not addressed to this bank: the page answers 404). */
export async function getBankAlert(actor: BankActor, id: string, now = new Date()) {
  const row = await db.creditAlert.findFirst({
    where: { id, bankId: actor.bankId },
    select: {
      id: true,
      kind: true,
      detail: true,
      source: true,
      recordKey: true,
      basis: true,
      detectedAt: true,
      dueAt: true,
      acknowledgedAt: true,
      action: true,
      actionNote: true,
      acknowledgedBy: { select: { displayName: true } },
      enterprise: { select: { id: true, name: true, uscc: true } },
    },
  });
  if (!row) return null;
  return { ...row, detail: parseDetail(row.detail), standing: alertStanding(row, now) };
}

export type AcknowledgeResult =
  | { ok: true; late: boolean }
  | { ok: false; error: "NOT_FOUND" | "ALREADY_ACKNOWLEDGED" }
  | { ok: false; error: "INVALID"; field: "note"; key: string };

/**
 * The bank acknowledges its alert with the action taken (and a note; required for OTHER). A
 * conditional update on (id, bank, not yet acknowledged): a second submission, or a colleague's at
 * the same moment, finds nothing to update and changes nothing. Audited in the same transaction.
 */
export async function acknowledgeAlert(
  actor: AuditedActor<BankActor>,
  id: string,
  input: { action: AlertAction; note: string },
  now = new Date(),
): Promise<AcknowledgeResult> {
  const note = input.note.trim();
  const problem = acknowledgementProblem(input.action, note);
  if (problem) return { ok: false, error: "INVALID", field: "note", key: problem };
  const alert = await db.creditAlert.findFirst({
    where: { id, bankId: actor.bankId },
    select: { id: true, dueAt: true, enterpriseId: true },
  });
  if (!alert) return { ok: false, error: "NOT_FOUND" };
  const late = now.getTime() > alert.dueAt.getTime();
  const done = await db.$transaction(async (tx) => {
    const updated = await tx.creditAlert.updateMany({
      where: { id, bankId: actor.bankId, acknowledgedAt: null },
      data: {
        acknowledgedAt: now,
        acknowledgedById: actor.id,
        action: input.action,
        actionNote: note || null,
      },
    });
    if (updated.count !== 1) return false;
    await recordAudit(
      {
        actorId: actor.id,
        action: "alert.acknowledge",
        targetType: "CreditAlert",
        targetId: id,
        ip: actor.ip,
        detail: { action: input.action, late, enterpriseId: alert.enterpriseId },
      },
      tx,
    );
    return true;
  });
  return done ? { ok: true, late } : { ok: false, error: "ALREADY_ACKNOWLEDGED" };
}

// ---------------------------------------------------------------- the firm

/**
 * What the portal found about the firm: one line per change (however many banks were told), with
 * how many banks were told, whether the firm can object to the record and whether it already has.
 */
export async function listOwnAlerts(actor: EnterpriseActor) {
  const [rows, objections] = await Promise.all([
    db.creditAlert.findMany({
      where: { enterpriseId: actor.enterpriseId },
      orderBy: [{ detectedAt: "desc" }, { id: "asc" }],
      select: { changeKey: true, kind: true, detail: true, source: true, recordKey: true, detectedAt: true },
      take: 500,
    }),
    db.objection.findMany({
      where: { enterpriseId: actor.enterpriseId },
      select: { id: true, source: true, recordKey: true, status: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const changes = new Map<
    string,
    {
      changeKey: string;
      kind: string;
      detail: Detail;
      detectedAt: Date;
      banks: number;
      objectLink: string | null;
      objection: { id: string; status: string } | null;
    }
  >();
  for (const row of rows) {
    const known = changes.get(row.changeKey);
    if (known) {
      known.banks += 1;
      continue;
    }
    const objection = row.recordKey
      ? objections.find((o) => o.source === row.source && o.recordKey === row.recordKey)
      : undefined;
    changes.set(row.changeKey, {
      changeKey: row.changeKey,
      kind: row.kind,
      detail: parseDetail(row.detail),
      detectedAt: row.detectedAt,
      banks: 1,
      objectLink: objectionLink(row),
      objection: objection ? { id: objection.id, status: objection.status } : null,
    });
  }
  return [...changes.values()];
}

// ---------------------------------------------------------------- the government

/** The office: alerts on its sub-district's whitelist firms (ever put on the whitelist); the bureau: all. */
function govScope(actor: GovActor): Prisma.CreditAlertWhereInput {
  if (actor.role === "GOV_BUREAU") return {};
  return { enterprise: { subDistrictId: actor.subDistrictId, whitelistEntries: { some: {} } } };
}

/** Alerts in summary for the government: kind, firm, bank, dates and standing — no detail, no note. */
export async function listGovAlerts(actor: GovActor, query: AlertListQuery, now = new Date()) {
  const where: Prisma.CreditAlertWhereInput = {
    AND: [
      govScope(actor),
      standingWhere(query.status, now),
      query.kind ? { kind: query.kind } : {},
      firmSearch(query.q),
    ],
  };
  const [rows, total] = await Promise.all([
    db.creditAlert.findMany({
      where,
      ...sortedPage(query),
      select: { ...alertRowSelect, bank: { select: { name: true, nameEn: true } } },
    }),
    db.creditAlert.count({ where }),
  ]);
  return { alerts: rows.map((row) => ({ ...row, standing: alertStanding(row, now) })), total };
}
