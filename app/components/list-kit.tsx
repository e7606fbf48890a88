/**
 * The list kit: one table, one filter form, one way to sort and page (decision record 013).
 *
 * How to write a list (the loader's half is app/domain/list-query.ts):
 *
 *   const columns: Column<Firm>[] = [
 *     { key: "name", header: t("…name"), sortable: true, cell: (firm) => <Link …>{firm.name}</Link> },
 *     { key: "size", header: t("…size"), cell: (firm) => td(`domain.size.${firm.size}`) },
 *     { key: "createdAt", header: t("…registered"), sortable: "desc", nowrap: true, cell: … },
 *   ];
 *   <FilterForm label={t("…filters")} resetTo="/gov/firms" keep={["sort", "dir"]}>
 *     <TextField name="q" label={t("…search")} maxLength={50} />          // fields of the form kit
 *     <SelectField name="size" label={…} placeholder={t("gov.common.any")} options={…} />
 *   </FilterForm>
 *   <DataTable label={t("…title")} rows={firms} rowKey={(f) => f.id} columns={columns} sort={sort}
 *     empty={<EmptyState title={…} hint={…} />} pagination={{ page, pageSize: PAGE_SIZE, total }} />
 *
 * On a phone the table scrolls sideways inside its own box (its first column stays put) and the
 * page itself never does.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import type { Sort } from "~/domain/list-query";
import { useT } from "~/i18n/use-t";

import { Pagination } from "./pagination";
import { ScrollRegion } from "./scroll-region";
import { SortHeader } from "./sort-header";
import { buttonClass, cx } from "./ui";

export type Column<Row> = {
  /** React key of the column and, when sortable, the value of ?sort= */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** a sortable header; "desc" when the first click should sort descending (dates, amounts) */
  sortable?: boolean | "asc" | "desc";
  align?: "left" | "right";
  /** keep the cell on one line (dates, amounts, short badges) */
  nowrap?: boolean;
  /** extra classes of the column's cells */
  className?: string;
};

const CELL = "px-4 py-3";
const DENSE_CELL = "px-3 py-2";

/**
 * A table with sortable headers, an empty state and pagination. The first column is sticky
 * (names and numbers stay in view while the rest scrolls) unless `stickyFirst` is false.
 */
export function DataTable<Row>({
  label,
  rows,
  columns,
  rowKey,
  sort,
  empty,
  pagination,
  stickyFirst = true,
  dense = false,
  rowClassName,
  rowTestId,
  rowHeader = false,
  footer,
  framed = true,
}: {
  /** the table's accessible name (its caption for screen readers) */
  label: string;
  rows: readonly Row[];
  columns: readonly (Column<Row> | false | null | undefined)[];
  rowKey: (row: Row) => string;
  sort?: Sort<string>;
  /** shown instead of the table when there are no rows (say what to do next) */
  empty: ReactNode;
  pagination?: { page: number; pageSize: number; total: number };
  stickyFirst?: boolean;
  dense?: boolean;
  rowClassName?: (row: Row) => string | undefined;
  /** a data-testid on every body row (browser tests count the rows) */
  rowTestId?: string;
  /** the first column names its row (a <th scope="row">: a bank, an office) */
  rowHeader?: boolean;
  /** a <tfoot> row or rows (totals) */
  footer?: ReactNode;
  /** false inside a card, which draws the frame already */
  framed?: boolean;
}) {
  const shown = columns.filter((column): column is Column<Row> => Boolean(column));
  const pad = dense ? DENSE_CELL : CELL;
  const sticky = (index: number, background: string) =>
    stickyFirst && index === 0 ? cx("sticky left-0 z-10", background) : undefined;
  return (
    <>
      {rows.length === 0 ? (
        empty
      ) : (
        <ScrollRegion label={label} framed={framed}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{label}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                {shown.map((column, index) =>
                  column.sortable && sort ? (
                    <SortHeader
                      key={column.key}
                      column={column.key}
                      current={sort}
                      align={column.align}
                      firstDir={column.sortable === "desc" ? "desc" : "asc"}
                      className={cx(pad, sticky(index, "bg-slate-50"))}
                    >
                      {column.header}
                    </SortHeader>
                  ) : (
                    <th
                      key={column.key}
                      scope="col"
                      className={cx(
                        pad,
                        "font-medium",
                        column.align === "right" && "text-right",
                        sticky(index, "bg-slate-50"),
                      )}
                    >
                      {column.header}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={rowKey(row)} className={rowClassName?.(row)} data-testid={rowTestId}>
                  {shown.map((column, index) => {
                    const Cell = rowHeader && index === 0 ? "th" : "td";
                    return (
                      <Cell
                        key={column.key}
                        scope={Cell === "th" ? "row" : undefined}
                        className={cx(
                          pad,
                          Cell === "th" && "text-left font-medium",
                          column.align === "right" && "text-right tabular-nums",
                          // a wrapping column keeps a readable width: in a narrow scroll box
                          // Chinese text would otherwise break after every character
                          column.nowrap ? "whitespace-nowrap" : "min-w-32",
                          sticky(index, "bg-white"),
                          column.className,
                        )}
                      >
                        {column.cell(row)}
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            {footer}
          </table>
        </ScrollRegion>
      )}
      {pagination && <Pagination {...pagination} />}
    </>
  );
}

/** The "clear the filters" action of an empty, filtered list. */
export function ClearFilters({ to }: { to: string }) {
  const t = useT();
  return (
    <Link to={to} className={buttonClass("secondary")}>
      {t("common.actions.clearFilters")}
    </Link>
  );
}
