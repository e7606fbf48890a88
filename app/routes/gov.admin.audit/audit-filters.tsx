import { Form, Link, useSearchParams } from "@remix-run/react";

import { DateField, FormScope, TextField } from "~/components/form-kit";
import { useQueryValues } from "~/components/filter-form";
import { Field, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS } from "~/domain/audit-actions";
import { useT, useTDynamic } from "~/i18n/use-t";

import { useActionLabel } from "./action-label";

/** The log's filters: an action or a group of them, who did it, from and to which day. */
export function AuditFilters() {
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const actionLabel = useActionLabel();
  return (
    <Form
      method="get"
      className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-label={t("audit.filters")}
    >
      <div className="w-full sm:w-56">
        <Field id="action" label={t("audit.action")}>
          <select
            {...fieldAria("action")}
            name="action"
            defaultValue={params.get("action") ?? ""}
            className={inputClass}
          >
            <option value="">{t("audit.anyAction")}</option>
            <optgroup label={t("audit.groups")}>
              {AUDIT_ACTION_GROUPS.map((group) => (
                <option key={group} value={group}>
                  {td(`audit.groupLabels.${group}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("audit.single")}>
              {AUDIT_ACTIONS.map((code) => (
                <option key={code} value={code}>
                  {actionLabel(code)}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
      </div>
      <FormScope result={{ values: useQueryValues() }}>
        <TextField
          name="actor"
          label={t("audit.actor")}
          className="w-full sm:w-48"
          maxLength={40}
          placeholder={t("audit.actorHint")}
        />
        <DateField name="from" label={t("audit.from")} className="w-full sm:w-40" />
        <DateField name="to" label={t("audit.to")} className="w-full sm:w-40" />
      </FormScope>
      <button type="submit" className={buttonClass("primary")}>
        {t("common.actions.filter")}
      </button>
      <Link to="/gov/admin/audit" className={buttonClass("secondary")}>
        {t("common.actions.reset")}
      </Link>
    </Form>
  );
}
