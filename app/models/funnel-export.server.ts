/**
 * The funnel's export: CSV of the actor's scope for a period (from/to, default this year), with
 * the same figures as the dashboard; every export writes an AuditLog row "export.funnel".
 */
import { toCsv } from "~/domain/indicator-table";
import { isIsoDay, shanghaiDate } from "~/domain/shanghai-time";
import type { Locale } from "~/i18n/locales";
import { translate } from "~/i18n/translate.server";

import type { GovActor } from "./actor";
import { recordAudit } from "./audit.server";
import { funnelSheet, getInvitationFunnel, type FunnelReport } from "./invitation-funnel.server";

/** The period of the request: two valid days in order, else this year up to today. */
export function funnelPeriod(params: URLSearchParams, now = new Date()) {
  const today = shanghaiDate(now);
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  if (isIsoDay(from) && isIsoDay(to) && from <= to) return { fromDay: from, toDay: to };
  return { fromDay: `${today.slice(0, 4)}-01-01`, toDay: today };
}

/** The sheet's texts in the reader's language. */
export function funnelTexts(locale: Locale) {
  const t = (key: string) => translate(locale, key);
  return {
    office: t("outreach.funnel.office"),
    total: t("outreach.funnel.total"),
    medianDays: t("outreach.funnel.medianDaysShort"),
    conversion: t("outreach.funnel.conversion"),
    steps: Object.fromEntries(
      ["invited", "registered", "authorised", "applied", "disbursed"].map((step) => [
        step,
        t(`outreach.funnel.steps.${step}`),
      ]),
    ),
  };
}

export function funnelRows(report: FunnelReport, locale: Locale) {
  return funnelSheet(report, funnelTexts(locale), locale);
}

export async function exportFunnel(
  actor: GovActor,
  params: URLSearchParams,
  { locale, ip }: { locale: Locale; ip: string },
): Promise<Response> {
  const period = funnelPeriod(params);
  const report = await getInvitationFunnel(actor, period);
  const rows = funnelRows(report, locale);
  await recordAudit({
    actorId: actor.id,
    action: "export.funnel",
    targetType: "InvitationFunnel",
    ip,
    detail: { format: "csv", ...period, rows: rows.length - 1 },
  });
  const name = `funnel-${period.fromDay}_${period.toDay}.csv`;
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
