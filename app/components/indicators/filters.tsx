import { Form, Link, useLocation, useSubmit } from "@remix-run/react";
import { useState, type FormEvent, type ReactNode } from "react";

import { buttonClass, inputClass } from "~/components/ui";
import { INDICATOR_PERIODS } from "~/domain/indicators";

import type { DashboardData } from "./types";

/** Drops what the URL does not need: empty filters, the dates of a preset period, the defaults. */
function cleanQuery(form: FormData) {
  const params = new URLSearchParams();
  const period = String(form.get("period") ?? "year");
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || value === "") continue;
    if ((name === "from" || name === "to") && period !== "custom") continue;
    if (name === "period" && value === "year") continue;
    params.append(name, value);
  }
  return params;
}

function Select({
  name,
  label,
  value,
  options,
  all,
  error,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  all?: string;
  error?: string;
}) {
  const id = `filter-${name}`;
  return (
    <Control id={id} label={label} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      >
        {all !== undefined && <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Control>
  );
}

function Control({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex min-w-36 flex-1 flex-col gap-1 sm:flex-none">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The filters as a GET form: the view lives in the URL (shareable, Back works). A changed
 * select applies at once; the dates apply with the button (a custom period needs both).
 */
export function IndicatorFilters({ data }: { data: DashboardData }) {
  const { texts, form, options, errors, breakdown } = data;
  const submit = useSubmit();
  const { pathname } = useLocation();
  const [period, setPeriod] = useState(form.period);
  const f = texts.filters;
  /** a select of the form, starting from the value in effect and showing its error */
  const select = (
    name: Exclude<keyof typeof form, "from" | "to">,
    label: string,
    choices: readonly { value: string; label: string }[],
    all?: string,
  ) => (
    <Select name={name} label={label} value={form[name]} options={choices} all={all} error={errors[name]} />
  );

  const send = (element: HTMLFormElement) =>
    submit(cleanQuery(new FormData(element)), { method: "get", preventScrollReset: true });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(event.currentTarget);
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName === "INPUT" && target.getAttribute("type") === "date") {
      // Picking a date means a custom period (applied with the button, once both are set).
      const select = event.currentTarget.elements.namedItem("period") as HTMLSelectElement | null;
      if (select) select.value = "custom";
      setPeriod("custom");
      return;
    }
    if (target.tagName !== "SELECT") return;
    if (target.getAttribute("name") === "period") {
      const value = (target as HTMLSelectElement).value as typeof period;
      setPeriod(value);
      if (value === "custom") return;
    }
    send(event.currentTarget);
  };

  return (
    <Form
      method="get"
      onSubmit={onSubmit}
      onChange={onChange}
      aria-label={f.legend}
      className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      {select(
        "period",
        f.period,
        INDICATOR_PERIODS.map((p) => ({ value: p, label: f.periods[p] })),
      )}
      <Control id="filter-from" label={f.from} error={errors.from}>
        <input
          id="filter-from"
          type="date"
          name="from"
          defaultValue={form.from}
          aria-invalid={errors.from ? true : undefined}
          aria-describedby={errors.from ? "filter-from-error" : "filter-dates-hint"}
          className={inputClass}
        />
      </Control>
      <Control id="filter-to" label={f.to}>
        <input
          id="filter-to"
          type="date"
          name="to"
          defaultValue={form.to}
          aria-describedby="filter-dates-hint"
          className={inputClass}
        />
      </Control>
      {options.subDistricts.length > 0 && select("subDistrict", f.subDistrict, options.subDistricts, f.all)}
      {options.banks.length > 0 && select("bank", f.bank, options.banks, f.all)}
      {select("section", f.section, options.sections, f.all)}
      {select("size", f.size, options.sizes, f.all)}
      {select(
        "whitelist",
        f.whitelist,
        [
          { value: "yes", label: f.whitelistOptions.yes },
          { value: "no", label: f.whitelistOptions.no },
        ],
        f.all,
      )}
      {select(
        "by",
        f.by,
        options.dimensions.map((d) => ({ value: d, label: f.dimensionLabels[d] })),
      )}
      {breakdown.sort.key !== "applications" || breakdown.sort.dir !== "desc" ? (
        <>
          <input type="hidden" name="sort" value={breakdown.sort.key} />
          <input type="hidden" name="dir" value={breakdown.sort.dir} />
        </>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {f.apply}
        </button>
        <Link to={pathname} className={buttonClass("ghost")}>
          {f.reset}
        </Link>
      </div>
      <p id="filter-dates-hint" className={period === "custom" ? "sr-only" : "w-full text-xs text-slate-500"}>
        {f.customHint}
      </p>
    </Form>
  );
}
