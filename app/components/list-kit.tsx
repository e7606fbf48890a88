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
import { Form, Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";

import type { Sort } from "~/domain/list-query";
import { useT } from "~/i18n/use-t";
import type { FieldErrors, FormValues } from "~/utils/forms";

import { FormScope } from "./form-kit";
import { Pagination } from "./pagination";
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

/**
 * The filters of a list: a GET form whose fields (form-kit fields) start from the query string,
 * with Filter and Reset buttons. `keep` carries query parameters the form does not show (the
 * sort of the table) through a new filter; the page number is dropped on purpose.
 */
export function FilterForm({
  label,
  resetTo,
  keep = [],
  errors,
  title,
  layout = "bar",
  children,
}: {
  label: string;
  resetTo: string;
  keep?: readonly string[];
  /** errors of filter values that did not parse (shown next to their field) */
  errors?: FieldErrors;
  /** a visible heading (the sidebar layout) */
  title?: ReactNode;
  /** "bar": a grid of fields above the list; "sidebar": one column beside it */
  layout?: "bar" | "sidebar";
  children: ReactNode;
}) {
  const t = useT();
  const [params] = useSearchParams();
  const values = useQueryValues();
  return (
    <Form
      method="get"
      aria-label={label}
      className={cx(
        "rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200",
        layout === "bar"
          ? "mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
          : "flex min-w-0 flex-col gap-4 self-start",
      )}
    >
      {title && <h2 className="font-semibold">{title}</h2>}
      {keep.map((name) => {
        const value = params.get(name);
        return value === null ? null : <input key={name} type="hidden" name={name} value={value} />;
      })}
      <FormScope result={{ errors: errors ?? {}, values }}>{children}</FormScope>
      <div className={cx("flex gap-2", layout === "bar" && "lg:col-span-full lg:justify-end")}>
        <button type="submit" className={buttonClass("primary", layout === "sidebar" ? "flex-1" : undefined)}>
          {t("common.actions.filter")}
        </button>
        <Link to={resetTo} className={buttonClass("secondary")}>
          {t("common.actions.reset")}
        </Link>
      </div>
    </Form>
  );
}

/** A choice or two that narrow a short list (the firm's own lists): no frame, no reset. */
export function QuickFilter({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Form method="get" className="flex flex-wrap items-end gap-2">
      <FormScope result={{ values: useQueryValues() }}>{children}</FormScope>
      <button type="submit" className={buttonClass("secondary")}>
        {t("common.actions.filter")}
      </button>
    </Form>
  );
}

/**
 * The query string as form values, so that the fields of a GET form (form-kit fields inside a
 * FormScope) start from what was asked.
 */
export function useQueryValues(): FormValues {
  const [params] = useSearchParams();
  const values: FormValues = {};
  for (const name of new Set(params.keys())) {
    const all = params.getAll(name);
    values[name] = all.length > 1 ? all : all[0];
  }
  return values;
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

/**
 * A box whose content (a table) may scroll sideways on a phone: labelled and a tab stop, so it
 * can be scrolled from the keyboard (WCAG 2.1.1, axe's scrollable-region-focusable). `relative`
 * keeps a table's sr-only caption inside it instead of widening the page; `framed` draws the
 * card's frame around it.
 */
export function ScrollRegion({
  label,
  framed = false,
  children,
}: {
  label: string;
  framed?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={cx(
        "relative max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600",
        framed && "rounded-lg bg-white shadow-sm ring-1 ring-slate-200",
      )}
    >
      {children}
    </div>
  );
}
