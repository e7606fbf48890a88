import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { AUTHORIZATION_SCOPES } from "~/domain/enterprise-terms";
import { addDays } from "~/domain/shanghai-time";
import { useT, useTDynamic } from "~/i18n/use-t";

import { ALL_BANKS } from "./constants";
import type { loader } from "./route";
import { useBankName } from "./use-labels";

type Data = SerializeFrom<typeof loader>;

/** 授权银行: a bank (or all), a scope, and an expiry from tomorrow to a year ahead. */
export function GrantForm({
  banks,
  today,
  maxDay,
  formKey,
  errors,
  values,
}: Pick<Data, "banks" | "today" | "maxDay" | "formKey"> & {
  errors: Record<string, { key: string }>;
  values: Record<string, string>;
}) {
  const t = useT();
  const td = useTDynamic();
  const bankName = useBankName();
  return (
    <Card title={t("enterprise.authorizations.grantTitle")}>
      <Form method="post" className="grid gap-4 md:grid-cols-4 md:items-end" noValidate>
        <input type="hidden" name="formKey" value={formKey} />
        <Field id="bankId" label={t("enterprise.authorizations.bank")} error={errors.bankId}>
          <select
            {...fieldAria("bankId", errors.bankId)}
            name="bankId"
            defaultValue={values.bankId ?? ""}
            className={inputClass}
          >
            <option value="">{t("enterprise.authorizations.chooseBank")}</option>
            <option value={ALL_BANKS}>{t("enterprise.authorizations.allBanks")}</option>
            {banks.map((b) => (
              <option key={b.id} value={b.id}>
                {bankName(b)}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium text-slate-800">
            {t("enterprise.authorizations.scope")}
          </legend>
          {AUTHORIZATION_SCOPES.map((scope) => (
            <label
              key={scope}
              className="flex items-start gap-2 text-sm"
              title={td(`enterprise.authorizations.scopeHint.${scope}`)}
            >
              <input
                type="radio"
                name="scope"
                value={scope}
                defaultChecked={(values.scope ?? "FULL") === scope}
                className="mt-1"
              />
              <span>{td(`domain.scope.${scope}`)}</span>
            </label>
          ))}
        </fieldset>
        <Field
          id="expiresOn"
          label={t("enterprise.authorizations.expiresOn")}
          error={errors.expiresOn}
          hint={t("enterprise.authorizations.expiresHint")}
        >
          <input
            {...fieldAria("expiresOn", errors.expiresOn, true)}
            type="date"
            name="expiresOn"
            min={addDays(today, 1)}
            max={maxDay}
            defaultValue={values.expiresOn ?? maxDay}
            className={inputClass}
          />
        </Field>
        <SubmitButton name="intent" value="grant" pendingLabel={t("enterprise.authorizations.granting")}>
          {t("enterprise.authorizations.grant")}
        </SubmitButton>
      </Form>
      <ul className="mt-4 text-xs text-slate-500">
        {AUTHORIZATION_SCOPES.map((scope) => (
          <li key={scope}>{td(`enterprise.authorizations.scopeHint.${scope}`)}</li>
        ))}
      </ul>
    </Card>
  );
}
