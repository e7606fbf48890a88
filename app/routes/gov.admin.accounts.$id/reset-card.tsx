import { Form } from "@remix-run/react";

import { Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

/** Reset the account's password: to one the bureau types, or to a generated one shown once. */
export function ResetCard({ errors }: { errors: FieldErrors }) {
  const t = useT();
  return (
    <Card title={t("gov.admin.accounts.resetTitle")}>
      <Form method="post" className="flex flex-col gap-4" noValidate autoComplete="off">
        <Field
          id="password"
          label={t("gov.admin.accounts.password")}
          error={errors.password}
          hint={t("gov.admin.passwordHint")}
        >
          <input
            {...fieldAria("password", errors.password, true)}
            name="password"
            type="password"
            autoComplete="new-password"
            maxLength={128}
            className={inputClass}
          />
        </Field>
        <p className="text-sm text-slate-600">{t("gov.admin.accounts.resetNote")}</p>
        <div>
          <SubmitButton name="intent" value="reset">
            {t("gov.admin.accounts.reset")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
