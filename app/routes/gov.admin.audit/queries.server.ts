import { AUDIT_FILTERS } from "~/domain/audit-actions";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { isIsoDay } from "~/domain/shanghai-time";
import type { BureauActor } from "~/models/actor";
import { listAuditLog } from "~/models/audit.server";

function parseDay(value: string | null) {
  return value && isIsoDay(value) ? value : null;
}

/** A page of the audit log, filtered by action (or group), actor and days. */
export async function auditPage(actor: BureauActor, params: URLSearchParams) {
  const page = parsePage(params.get("page"));
  const list = await listAuditLog(actor, {
    action: parseChoice(AUDIT_FILTERS, params.get("action")),
    actor: params.get("actor")?.trim().slice(0, 40) || null,
    from: parseDay(params.get("from")),
    to: parseDay(params.get("to")),
    page,
    pageSize: PAGE_SIZE,
  });
  return { ...list, page };
}
