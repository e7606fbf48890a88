import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { SelectField, TextField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { AdminNav } from "~/components/gov-nav";
import { FilterForm } from "~/components/filter-form";
import { Card, PageHeader } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { createAccount } from "~/models/admin.server";
import { MANAGED_ROLES } from "~/models/gov-codes";
import { requireBureauUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, json } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { AccountForm } from "./account-form";
import { AccountsTable } from "./accounts-table";
import { accountsPage } from "./queries.server";
import { accountSchema } from "./schema.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const data = await accountsPage(actor, new URL(request.url).searchParams);
  return { ...data, now: new Date().toISOString() };
}

type Result = {
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  created: { username: string; password: string } | null;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const parsed = parseForm(accountSchema(), form);
  if (!parsed.ok) return badRequest<Result>({ errors: parsed.errors, values: parsed.values, created: null });
  const input = parsed.data;
  const result = await createAccount(actor, {
    ...input,
    bankId: input.bankId || null,
    subDistrictId: input.subDistrictId || null,
    mobile: input.mobile || null,
  });
  if (!result.ok) {
    const { password: _password, ...values } = formDataToObject(form);
    return badRequest<Result>({ errors: { [result.field]: { key: result.key } }, values, created: null });
  }
  // A generated password is shown once, on this response, and never stored in clear.
  if (result.password)
    return json<Result>({
      errors: {},
      values: {},
      created: { username: input.username, password: result.password },
    });
  return redirectWithFlash(`/gov/admin/accounts/${result.id}`, {
    kind: "success",
    key: "gov.admin.flash.created",
  });
}

export default function AdminAccounts() {
  const { accounts, total, banks, subDistricts, page, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <PageHeader title={t("gov.admin.accounts.title")} description={t("gov.admin.accounts.intro")} />
      {actionData?.created && (
        <div
          role="status"
          className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          <p className="font-medium">
            {t("gov.admin.accounts.createdWithPassword", { username: actionData.created.username })}
          </p>
          <p className="mt-2">
            <code className="rounded bg-white px-2 py-1 font-mono text-base" data-testid="generated-password">
              {actionData.created.password}
            </code>
          </p>
          <p className="mt-2">{t("gov.admin.passwordShownOnce")}</p>
        </div>
      )}
      <Card title={t("gov.admin.accounts.new")}>
        <AccountForm result={actionData} banks={banks} subDistricts={subDistricts} />
      </Card>
      <FilterForm label={t("gov.firms.filters")} resetTo="/gov/admin">
        <TextField name="q" label={t("gov.admin.accounts.search")} maxLength={40} />
        <SelectField
          name="role"
          id="role-filter"
          label={t("gov.admin.accounts.role")}
          placeholder={t("gov.common.any")}
          options={optionsOf(MANAGED_ROLES, (r) => td(`common.roles.${r}`))}
        />
      </FilterForm>
      <AccountsTable accounts={accounts} total={total} page={page} now={now} />
    </div>
  );
}
