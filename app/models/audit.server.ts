/**
 * The security audit trail (等保2.0 L3): sign-ins, failures, lockouts, sign-outs, account
 * changes, credit views and exports, with who, when and from which address. Rows are kept at
 * least six months — the database refuses younger deletes (migration
 * 20261127040000_audit_log_retention). The bureau reads them at /gov/admin/audit.
 */
import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import type { AuditAction, AuditFilter } from "~/domain/audit-actions";
import { addDays, startOfShanghaiDay } from "~/domain/shanghai-time";

import type { BureauActor } from "./actor";

type Client = Prisma.TransactionClient | typeof db;

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  /** the client's address (app/client-ip.server.ts); null only where there is no request */
  ip: string | null;
  detail?: Record<string, unknown>;
};

export async function recordAudit(entry: AuditEntry, client: Client = db) {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip,
      detail: JSON.stringify(entry.detail ?? {}),
    },
  });
}

export type AuditQuery = {
  action?: AuditFilter | null;
  /** part of the actor's username or display name */
  actor?: string | null;
  /** Shanghai days, inclusive */
  from: string | null;
  to: string | null;
  page: number;
  pageSize: number;
};

function actionWhere(action: AuditFilter): Prisma.AuditLogWhereInput {
  return { action: action.endsWith(".") ? { startsWith: action } : action };
}

export function auditWhere({ action, actor, from, to }: AuditQuery): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (from) at.gte = startOfShanghaiDay(from);
  if (to) at.lt = startOfShanghaiDay(addDays(to, 1));
  return {
    ...(action ? actionWhere(action) : {}),
    ...(actor
      ? { actor: { OR: [{ username: { contains: actor } }, { displayName: { contains: actor } }] } }
      : {}),
    ...(from || to ? { at } : {}),
  };
}

/** One page of the trail, newest first, for the bureau. */
export async function listAuditLog(_actor: BureauActor, query: AuditQuery) {
  const where = auditWhere(query);
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      select: {
        id: true,
        at: true,
        action: true,
        targetType: true,
        targetId: true,
        ip: true,
        detail: true,
        actor: { select: { username: true, displayName: true, role: true } },
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      ...pageWindow(query.page, query.pageSize),
    }),
  ]);
  return { total, entries: rows.map((row) => ({ ...row, detail: detailText(row.detail) })) };
}

/** The JSON detail as "key: value" pairs for the table, capped. */
function detailText(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return json.slice(0, 200);
  }
  if (parsed === null || typeof parsed !== "object") return String(parsed).slice(0, 200);
  return Object.entries(parsed as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("; ")
    .slice(0, 200);
}
