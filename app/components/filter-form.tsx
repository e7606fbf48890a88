/**
 * The filter forms of lists (GET forms of form-kit fields that start from the query string): a
 * module of its own so that a page with a table and no filters does not load the form kit.
 */
import { Form, Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";

import { useT } from "~/i18n/use-t";
import type { FieldErrors, FormValues } from "~/utils/forms";

import { FormScope } from "./form-kit";
import { buttonClass, cx } from "./ui";

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
