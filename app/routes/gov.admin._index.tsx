import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { withClientIp } from "~/client-ip.server";
import { AdminNav, GovNav } from "~/components/gov-nav";
import { Pagination } from "~/components/pagination";
import {
  Badge,
  Card,
  EmptyState,
  Field,
  PageHeader,
  SubmitButton,
  buttonClass,
  fieldAria,
  inputClass,
} from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { createAccount, listAccounts, listActiveOrganisations } from "~/models/admin.server";
import { MANAGED_ROLES } from "~/models/gov-codes";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { optionalText, text } from "~/utils/form-schema";
import { requireBureauUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, json } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const accountSchema = z.object({
  username: text(32).refine((v) => /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/.test(v), "gov.admin.errors.username"),
  displayName: text(40),
  role: z.enum(MANAGED_ROLES),
  bankId: optionalText(40),
  subDistrictId: optionalText(40),
  mobile: optionalText(11).refine((v) => v === "" || /^1[3-9]\d{9}$/.test(v), "gov.admin.errors.mobile"),
  password: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(128)),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const params = new URL(request.url).searchParams;
  const role = parseChoice(MANAGED_ROLES, params.get("role"));
  const q = params.get("q")?.trim().slice(0, 40) || null;
  const page = parsePage(params.get("page"));
  const [list, orgs] = await Promise.all([
    listAccounts(actor, { role, q, page, pageSize: PAGE_SIZE }),
    listActiveOrganisations(),
  ]);
  return { role: actor.role, ...list, ...orgs, page, now: new Date().toISOString() };
}

type Result = {
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  created: { username: string; password: string } | null;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const parsed = parseForm(accountSchema, form);
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
  const { role, accounts, total, banks, subDistricts, page, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const value = (name: string, fallback = "") =>
    typeof values[name] === "string" ? (values[name] as string) : fallback;
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
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
        <Form
          method="post"
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
          noValidate
          autoComplete="off"
        >
          <Field
            id="username"
            label={t("gov.admin.accounts.username")}
            error={errors.username}
            hint={t("gov.admin.accounts.usernameHint")}
          >
            <input
              {...fieldAria("username", errors.username, true)}
              name="username"
              maxLength={32}
              defaultValue={value("username")}
              className={inputClass}
              required
            />
          </Field>
          <Field id="displayName" label={t("gov.admin.accounts.displayName")} error={errors.displayName}>
            <input
              {...fieldAria("displayName", errors.displayName)}
              name="displayName"
              maxLength={40}
              defaultValue={value("displayName")}
              className={inputClass}
              required
            />
          </Field>
          <Field id="role" label={t("gov.admin.accounts.role")} error={errors.role}>
            <select
              {...fieldAria("role", errors.role)}
              name="role"
              defaultValue={value("role", "BANK")}
              className={inputClass}
            >
              {MANAGED_ROLES.map((r) => (
                <option key={r} value={r}>
                  {td(`common.roles.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="bankId"
            label={t("gov.admin.accounts.bank")}
            error={errors.bankId}
            hint={t("gov.admin.accounts.bankHint")}
          >
            <select
              {...fieldAria("bankId", errors.bankId, true)}
              name="bankId"
              defaultValue={value("bankId")}
              className={inputClass}
            >
              <option value="">{t("gov.common.none")}</option>
              {banks.map((bank) => (
                <option key={bank.id} value={bank.id}>
                  {locale === "zh-CN" ? bank.name : bank.nameEn}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="subDistrictId"
            label={t("gov.admin.accounts.subDistrict")}
            error={errors.subDistrictId}
            hint={t("gov.admin.accounts.subDistrictHint")}
          >
            <select
              {...fieldAria("subDistrictId", errors.subDistrictId, true)}
              name="subDistrictId"
              defaultValue={value("subDistrictId")}
              className={inputClass}
            >
              <option value="">{t("gov.common.none")}</option>
              {subDistricts.map((s) => (
                <option key={s.id} value={s.id}>
                  {locale === "zh-CN" ? s.name : s.nameEn}
                </option>
              ))}
            </select>
          </Field>
          <Field id="mobile" label={t("gov.admin.accounts.mobile")} error={errors.mobile}>
            <input
              {...fieldAria("mobile", errors.mobile)}
              name="mobile"
              inputMode="tel"
              maxLength={11}
              defaultValue={value("mobile")}
              className={inputClass}
            />
          </Field>
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
          <div className="flex items-end">
            <SubmitButton pendingLabel={t("common.actions.saving")}>
              {t("gov.admin.accounts.create")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
      <Form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-label={t("gov.firms.filters")}
      >
        <div className="w-full sm:w-56">
          <Field id="q" label={t("gov.admin.accounts.search")}>
            <input
              {...fieldAria("q")}
              name="q"
              maxLength={40}
              defaultValue={params.get("q") ?? ""}
              className={inputClass}
            />
          </Field>
        </div>
        <div className="w-full sm:w-48">
          <Field id="role-filter" label={t("gov.admin.accounts.role")}>
            <select
              {...fieldAria("role-filter")}
              name="role"
              defaultValue={params.get("role") ?? ""}
              className={inputClass}
            >
              <option value="">{t("gov.common.any")}</option>
              {MANAGED_ROLES.map((r) => (
                <option key={r} value={r}>
                  {td(`common.roles.${r}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("common.actions.filter")}
        </button>
        <Link to="/gov/admin" className={buttonClass("secondary")}>
          {t("common.actions.reset")}
        </Link>
      </Form>
      {accounts.length === 0 ? (
        <EmptyState title={t("gov.admin.accounts.empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.admin.accounts.username")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.admin.accounts.role")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.admin.accounts.organisation")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.admin.accounts.state")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.admin.accounts.lastLogin")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {accounts.map((a) => {
                const org = a.bank ?? a.subDistrict;
                return (
                  <tr key={a.id}>
                    <td className="px-4 py-3">
                      <Link
                        to={`/gov/admin/accounts/${a.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {a.username}
                      </Link>
                      <p className="text-xs text-slate-500">{a.displayName}</p>
                    </td>
                    <td className="px-4 py-3">{td(`common.roles.${a.role}`)}</td>
                    <td className="px-4 py-3">
                      {org ? (locale === "zh-CN" ? org.name : org.nameEn) : t("gov.common.none")}
                    </td>
                    <td className="px-4 py-3">
                      <span className="flex flex-wrap gap-1">
                        {a.disabledAt ? (
                          <Badge tone="red">{t("gov.admin.accounts.disabled")}</Badge>
                        ) : (
                          <Badge tone="green">{t("gov.admin.accounts.active")}</Badge>
                        )}
                        {a.lockedUntil && a.lockedUntil > now && (
                          <Badge tone="amber">{t("gov.admin.accounts.locked")}</Badge>
                        )}
                      </span>
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">
                      {a.lastLoginAt ? formatDateTime(a.lastLoginAt, locale) : t("gov.common.none")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
