import type { ReactNode } from "react";

import { SortHeader } from "~/components/sort-header";
import { cx } from "~/components/ui";
import {
  INDICATOR_COLUMNS,
  formatCell,
  type Cell,
  type CellFormat,
  type IndicatorColumn,
  type TableRow,
  type TableSort,
} from "~/domain/indicator-table";
import type { Locale } from "~/i18n/locales";

import type { DashboardTexts } from "./types";

/** A figure, or "—" with the reason it has none (as a tooltip and for screen readers). */
export function CellText({
  cell,
  format,
  locale,
  texts,
}: {
  cell: Cell;
  format: CellFormat;
  locale: Locale;
  texts: DashboardTexts;
}) {
  if (cell.value !== null) return <>{formatCell(cell.value, format, locale)}</>;
  const reason = texts.nulls[cell.reason ?? "noBase"];
  return (
    <span title={reason} className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{reason}</span>
    </span>
  );
}

/** Columns that have a figure (or a "no base" dash) in at least one row: a bank row drops the firm figures. */
export function visibleColumns(rows: readonly TableRow[]): IndicatorColumn[] {
  return INDICATOR_COLUMNS.filter((column) =>
    rows.some((row) => row.cells[column.id].reason !== "notApplicable"),
  );
}

/**
 * Rows of figures as a table that scrolls sideways on a phone (the label column stays put).
 * With `sort`, the headers are links that sort by their column (kept in the URL).
 */
export function FigureTable({
  caption,
  firstHeader,
  rows,
  total,
  columns,
  locale,
  texts,
  sort,
  note,
}: {
  caption: ReactNode;
  firstHeader: string;
  rows: readonly TableRow[];
  total?: TableRow;
  columns: readonly IndicatorColumn[];
  locale: Locale;
  texts: DashboardTexts;
  sort?: TableSort;
  /** a column of text after the label, by row key (the league table's last training dates) */
  note?: { header: string; byKey: Record<string, string> };
}) {
  const labelCell = "sticky left-0 bg-white px-3 py-2 text-left font-medium whitespace-nowrap";
  return (
    <div
      role="region"
      aria-label={typeof caption === "string" ? caption : undefined}
      // A region that scrolls sideways must take focus so a keyboard can scroll it (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            {sort ? (
              <SortHeader column="label" current={sort} className="sticky left-0 bg-slate-50 px-3 py-2">
                <span className="whitespace-nowrap">{firstHeader}</span>
              </SortHeader>
            ) : (
              <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 font-medium">
                {firstHeader}
              </th>
            )}
            {note && (
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {note.header}
              </th>
            )}
            {columns.map((column) =>
              sort ? (
                <SortHeader
                  key={column.id}
                  column={column.id}
                  current={sort}
                  align="right"
                  firstDir="desc"
                  className="px-3 py-2"
                >
                  <span className="whitespace-nowrap">{texts.columns[column.id]}</span>
                </SortHeader>
              ) : (
                <th
                  key={column.id}
                  scope="col"
                  className="px-3 py-2 text-right font-medium whitespace-nowrap"
                >
                  {texts.columns[column.id]}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className={labelCell}>
                {row.label}
              </th>
              {note && <td className="px-3 py-2 whitespace-nowrap">{note.byKey[row.key] ?? "—"}</td>}
              {columns.map((column) => (
                <td key={column.id} className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  <CellText
                    cell={row.cells[column.id]}
                    format={column.format}
                    locale={locale}
                    texts={texts}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot className="border-t-2 border-slate-300 font-semibold">
            <tr>
              <th scope="row" className={cx(labelCell, "font-semibold")}>
                {total.label}
              </th>
              {note && <td />}
              {columns.map((column) => (
                <td key={column.id} className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  <CellText
                    cell={total.cells[column.id]}
                    format={column.format}
                    locale={locale}
                    texts={texts}
                  />
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
