import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";

import { useT } from "~/i18n/use-t";

import { cx } from "./ui";

/**
 * A sortable column header: a link that sorts by this column (`firstDir` first, then
 * toggling), keeping the other query parameters and going back to page 1.
 */
export function SortHeader({
  column,
  current,
  children,
  align = "left",
  firstDir = "asc",
  className,
}: {
  column: string;
  current: { key: string; dir: "asc" | "desc" };
  children: ReactNode;
  align?: "left" | "right";
  firstDir?: "asc" | "desc";
  /** replaces the default padding, e.g. for a denser table or a sticky first column */
  className?: string;
}) {
  const t = useT();
  const location = useLocation();
  const active = current.key === column;
  const nextDir = active ? (current.dir === "asc" ? "desc" : "asc") : firstDir;
  const params = new URLSearchParams(location.search);
  params.set("sort", column);
  params.set("dir", nextDir);
  params.delete("page");
  return (
    <th
      scope="col"
      className={cx(className ?? "px-4 py-3", "font-medium", align === "right" && "text-right")}
      aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <Link
        to={`?${params}`}
        preventScrollReset
        className="inline-flex items-center gap-1 hover:text-brand-700 hover:underline"
      >
        {children}
        <span aria-hidden="true">{active ? (current.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">
          {active
            ? t(current.dir === "asc" ? "common.table.sortAscending" : "common.table.sortDescending")
            : ""}
        </span>
      </Link>
    </th>
  );
}
