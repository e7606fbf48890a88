import type { SerializeFrom } from "@remix-run/node";

import { DateField, PostForm, SelectField, type AnyFormResult } from "~/components/form-kit";
import { Card, SubmitButton } from "~/components/ui";
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
  result,
}: Pick<Data, "banks" | "today" | "maxDay" | "formKey"> & { result: AnyFormResult }) {
  const t = useT();
  const td = useTDynamic();
  const bankName = useBankName();
  return (
    <Card title={t("enterprise.authorizations.grantTitle")}>
      <PostForm result={result} alert={false} className="grid gap-4 md:grid-cols-4 md:items-end">
        <input type="hidden" name="formKey" value={formKey} />
        <SelectField
          name="bankId"
          label={t("enterprise.authorizations.bank")}
          placeholder={t("enterprise.authorizations.chooseBank")}
          options={[
            { value: ALL_BANKS, label: t("enterprise.authorizations.allBanks") },
            ...banks.map((b) => ({ value: b.id, label: bankName(b) })),
          ]}
        />
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
                defaultChecked={(result?.values?.scope ?? "FULL") === scope}
                className="mt-1"
              />
              <span>{td(`domain.scope.${scope}`)}</span>
            </label>
          ))}
        </fieldset>
        <DateField
          name="expiresOn"
          label={t("enterprise.authorizations.expiresOn")}
          hint={t("enterprise.authorizations.expiresHint")}
          min={addDays(today, 1)}
          max={maxDay}
          defaultValue={maxDay}
        />
        <SubmitButton name="intent" value="grant" pendingLabel={t("enterprise.authorizations.granting")}>
          {t("enterprise.authorizations.grant")}
        </SubmitButton>
      </PostForm>
      <ul className="mt-4 text-xs text-slate-500">
        {AUTHORIZATION_SCOPES.map((scope) => (
          <li key={scope}>{td(`enterprise.authorizations.scopeHint.${scope}`)}</li>
        ))}
      </ul>
    </Card>
  );
}
