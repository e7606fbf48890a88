/**
 * The dashboard's tables as a file: CSV (one table, UTF-8 with BOM) or XLSX (every table of the
 * view, one sheet each). Same scope and figures as the page (getIndicatorTables); every export
 * writes an AuditLog row "export.indicators".
 */
import { interpolate } from "~/i18n/translate.server";
import ExcelJS from "exceljs";

import {
  INDICATOR_COLUMNS,
  exportValue,
  toCsv,
  type IndicatorColumn,
  type TableRow,
} from "~/domain/indicator-table";
import type { Locale } from "~/i18n/locales";
import { translate } from "~/i18n/translate.server";
import type { IndicatorTexts } from "~/i18n/zh-CN/indicators.server";

import type { GovActor } from "./actor";
import { recordAudit } from "./audit.server";
import { funnelRows } from "./funnel-export.server";
import { getInvitationFunnel } from "./invitation-funnel.server";
import type { IndicatorActor } from "./indicators.server";
import { getIndicatorTables, scopeLabel } from "./indicator-dashboard.server";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_TABLES = ["breakdown", "monthly"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

type Sheet = (string | number | null)[][];

function header(column: IndicatorColumn, texts: IndicatorTexts) {
  const name = texts.columns[column.id];
  const unit = column.format === "count" || column.format === "days" ? null : texts.units[column.format];
  return unit ? `${name} (${unit})` : name;
}

/** A table as rows of cells: the header, one row per group, the total row last (when given). */
export function sheetOf(
  firstHeader: string,
  rows: readonly TableRow[],
  total: TableRow | null,
  texts: IndicatorTexts,
): Sheet {
  const body = [...rows, ...(total ? [total] : [])].map((row) => [
    row.label,
    ...INDICATOR_COLUMNS.map((column) => exportValue(row.cells[column.id].value, column.format)),
  ]);
  return [[firstHeader, ...INDICATOR_COLUMNS.map((column) => header(column, texts))], ...body];
}

function contentDisposition(name: string, asciiName: string) {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The export of the view the URL describes, as a download Response. */
export async function exportIndicators(
  actor: IndicatorActor,
  params: URLSearchParams,
  { locale, ip, now = new Date() }: { locale: Locale; ip: string; now?: Date },
): Promise<Response> {
  const format: ExportFormat = params.get("format") === "xlsx" ? "xlsx" : "csv";
  const table: ExportTable = params.get("table") === "monthly" ? "monthly" : "breakdown";
  const tables = await getIndicatorTables(actor, params, locale, now);
  const { texts, report, query } = tables;
  const dimensionName = texts.filters.dimensionLabels[query.dimension];
  const breakdown = sheetOf(dimensionName, tables.breakdownRows, tables.total, texts);
  const monthly = sheetOf(texts.tables.month, tables.monthlyRows, tables.total, texts);
  const period = `${report.filter.fromDay}_${report.filter.toDay}`;

  let body: BodyInit;
  let type: string;
  let rows: number;
  if (format === "csv") {
    const sheet = table === "monthly" ? monthly : breakdown;
    body = toCsv(sheet);
    type = "text/csv; charset=utf-8";
    rows = sheet.length - 1;
  } else {
    const workbook = new ExcelJS.Workbook();
    workbook.created = now;
    const info = workbook.addWorksheet(texts.title);
    info.addRows([
      [texts.export.scopeRow, scopeLabel(actor, texts, locale)],
      [texts.export.periodRow, `${report.filter.fromDay} – ${report.filter.toDay}`],
      [texts.filters.by, dimensionName],
      [interpolate(texts.generatedAt, { time: report.generatedAt })],
    ]);
    workbook.addWorksheet(texts.export.sheetBreakdown).addRows(breakdown);
    workbook.addWorksheet(texts.export.sheetMonthly).addRows(monthly);
    workbook
      .addWorksheet(texts.export.sheetReasons)
      .addRows([
        [texts.tables.reason, texts.tables.count, `${texts.tables.share} (%)`],
        ...tables.reasons.map((r) => [r.label, r.count, exportValue(r.sharePermille, "permille")]),
      ]);
    if (actor.role === "GOV_OFFICE" || actor.role === "GOV_BUREAU") {
      // the invitation funnel of the same scope and period (its own module: invitation-funnel.server.ts)
      const funnel = await getInvitationFunnel(actor as GovActor, {
        fromDay: report.filter.fromDay,
        toDay: report.filter.toDay,
      });
      workbook.addWorksheet(translate(locale, "outreach.funnel.title")).addRows(funnelRows(funnel, locale));
    }
    body = new Uint8Array(await workbook.xlsx.writeBuffer());
    type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    rows = breakdown.length - 1 + monthly.length - 1;
  }

  // "export.<what>": the audit log's export group (app/models/audit.server.ts).
  await recordAudit({
    actorId: actor.id,
    action: "export.indicators",
    targetType: "IndicatorReport",
    ip,
    detail: {
      format,
      table: format === "csv" ? table : "all",
      dimension: query.dimension,
      filter: report.filter,
      rows,
    },
  });

  const extension = format === "csv" ? "csv" : "xlsx";
  const tableName = table === "monthly" ? texts.export.sheetMonthly : texts.export.sheetBreakdown;
  const name = format === "csv" ? `${texts.export.fileName}-${tableName}` : texts.export.fileName;
  const asciiName = format === "csv" ? `indicators-${table}` : "indicators";
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": contentDisposition(
        `${name}-${period}.${extension}`,
        `${asciiName}-${period}.${extension}`,
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
