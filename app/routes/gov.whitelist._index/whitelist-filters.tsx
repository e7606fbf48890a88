import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";

import { Field, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";
import { ENTRY_STATUSES } from "~/models/gov-codes";

import type { loader } from "./route";

/** Search a firm, pick a status or a batch. */
export function WhitelistFilters({ batches }: { batches: SerializeFrom<typeof loader>["batches"] }) {
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  return (
    <Form
      method="get"
      className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4"
      aria-label={t("gov.firms.filters")}
    >
      <Field id="q" label={t("gov.firms.search")}>
        <input
          {...fieldAria("q")}
          name="q"
          defaultValue={params.get("q") ?? ""}
          maxLength={50}
          placeholder={t("gov.firms.searchPlaceholder")}
          className={inputClass}
        />
      </Field>
      <Field id="status" label={t("gov.whitelist.status")}>
        <select
          {...fieldAria("status")}
          name="status"
          defaultValue={params.get("status") ?? ""}
          className={inputClass}
        >
          <option value="">{t("gov.common.any")}</option>
          {ENTRY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {td(`gov.entryStatus.${status}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="batch" label={t("gov.whitelist.batch")}>
        <select
          {...fieldAria("batch")}
          name="batch"
          defaultValue={params.get("batch") ?? ""}
          className={inputClass}
        >
          <option value="">{t("gov.common.any")}</option>
          {batches.map((batch) => (
            <option key={batch.id} value={batch.id}>
              {batch.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("common.actions.filter")}
        </button>
        <Link to="/gov/whitelist" className={buttonClass("secondary")}>
          {t("common.actions.reset")}
        </Link>
      </div>
    </Form>
  );
}
