/**
 * A short table inside a card, without sorting or pages (a claim's few recoveries), on the list
 * kit's column definitions: the same columns as a DataTable, without loading the list kit on a
 * page that has no list (the first-load budget of tests/e2e/bundle-budget.e2e.ts).
 */
import type { Column } from "./list-kit";
import { ScrollRegion } from "./scroll-region";
import { cx } from "./ui";

const cellClass = (column: Column<never>) =>
  cx(
    "px-3 py-2",
    column.align === "right" && "text-right tabular-nums",
    column.nowrap && "whitespace-nowrap",
    column.className,
  );

export function PlainTable<Row>({
  label,
  rows,
  rowKey,
  columns,
}: {
  label: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: readonly Column<Row>[];
}) {
  const headers = columns.map((column) => (
    <th key={column.key} scope="col" className={cx(cellClass(column), "font-medium")}>
      {column.header}
    </th>
  ));
  return (
    <ScrollRegion label={label}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="text-left text-slate-600">
          <tr>{headers}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <PlainRow key={rowKey(row)} row={row} columns={columns} />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function PlainRow<Row>({ row, columns }: { row: Row; columns: readonly Column<Row>[] }) {
  return (
    <tr>
      {columns.map((column) => (
        <td key={column.key} className={cellClass(column)}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
}
