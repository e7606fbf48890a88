import { Link, useLocation } from "@remix-run/react";

import { useT } from "~/i18n/use-t";

import { cx } from "./ui";

/** Page links that keep the rest of the query string (filters, sort). */
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const t = useT();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target <= 1) params.delete("page");
    else params.set("page", String(target));
    const query = params.toString();
    return query ? `?${query}` : location.pathname;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const linkClass = (disabled: boolean) =>
    cx(
      "rounded-md px-3 py-2 text-sm font-medium ring-1 ring-inset ring-slate-300",
      disabled ? "pointer-events-none text-slate-400" : "bg-white text-slate-800 hover:bg-slate-50",
    );
  return (
    <nav
      aria-label={t("common.table.pagination")}
      className="mt-4 flex flex-wrap items-center justify-between gap-3"
    >
      <p className="text-sm text-slate-600">{t("common.table.showing", { from, to, total })}</p>
      <div className="flex items-center gap-2">
        <Link
          to={hrefFor(page - 1)}
          className={linkClass(page <= 1)}
          aria-disabled={page <= 1}
          tabIndex={page <= 1 ? -1 : undefined}
          rel="prev"
          preventScrollReset
        >
          {t("common.table.previous")}
        </Link>
        <span className="text-sm text-slate-600">{t("common.table.page", { page, pages })}</span>
        <Link
          to={hrefFor(page + 1)}
          className={linkClass(page >= pages)}
          aria-disabled={page >= pages}
          tabIndex={page >= pages ? -1 : undefined}
          rel="next"
          preventScrollReset
        >
          {t("common.table.next")}
        </Link>
      </div>
    </nav>
  );
}
