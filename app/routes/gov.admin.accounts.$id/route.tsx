import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import { withClientIp } from "~/client-ip.server";
import { AdminNav, GovNav } from "~/components/gov-nav";
import { Badge, Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import {
  disableAccount,
  enableAccount,
  getAccount,
  listAccountAudit,
  resetPassword,
  unlockAccount,
  type AccountChange,
} from "~/models/admin.server";
import { parseId } from "~/domain/list-query";
import { denial, requireBureauUser } from "~/permissions.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest, json, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  const account = id ? await getAccount(actor, id) : null;
  if (!account) notFound();
  return {
    role: actor.role,
    self: actor.id === account.id,
    account,
    audit: await listAccountAudit(actor, account.id),
    now: new Date().toISOString(),
  };
}

type Result = { errors: FieldErrors; password: string | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const id = parseId(params.id);
  if (!id) throw denial(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  let result: AccountChange;
  switch (intent) {
    case "disable":
      result = await disableAccount(actor, id);
      break;
    case "enable":
      result = await enableAccount(actor, id);
      break;
    case "unlock":
      result = await unlockAccount(actor, id);
      break;
    case "reset": {
      const typed = form.get("password");
      if (typeof typed !== "string" || typed.length > 128)
        return badRequest<Result>({
          errors: { password: { key: "gov.admin.passwordProblem.tooLong" } },
          password: null,
        });
      result = await resetPassword(actor, id, typed);
      break;
    }
    default:
      return badRequest<Result>({
        errors: { _form: { key: "common.validation.invalidChoice" } },
        password: null,
      });
  }
  if (!result.ok) {
    if ("field" in result)
      return badRequest<Result>({ errors: { [result.field]: { key: result.key } }, password: null });
    if (result.error === "SELF")
      return badRequest<Result>({ errors: { _form: { key: "gov.admin.errors.self" } }, password: null });
    throw denial(request);
  }
  if (intent === "reset" && result.password) return json<Result>({ errors: {}, password: result.password });
  return redirectWithFlash(`/gov/admin/accounts/${id}`, {
    kind: "success",
    key: `gov.admin.flash.${intent}`,
  });
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-40 shrink-0 text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

export default function AdminAccount() {
  const { role, self, account: a, audit, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors = actionData?.errors ?? {};
  const org = a.bank ?? a.subDistrict;
  const locked = a.lockedUntil !== null && a.lockedUntil > now;
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <AdminNav />
      <PageHeader
        title={a.displayName}
        description={a.username}
        actions={
          <Link to="/gov/admin" className="text-sm font-medium text-brand-700 hover:underline">
            {t("gov.admin.accounts.backToList")}
          </Link>
        }
      />
      {errors._form && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(errors._form.key)}
        </p>
      )}
      {actionData?.password && (
        <div
          role="status"
          className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          <p className="font-medium">{t("gov.admin.accounts.newPassword")}</p>
          <p className="mt-2">
            <code className="rounded bg-white px-2 py-1 font-mono text-base" data-testid="generated-password">
              {actionData.password}
            </code>
          </p>
          <p className="mt-2">{t("gov.admin.passwordShownOnce")}</p>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("gov.admin.accounts.details")}>
          <dl className="flex flex-col gap-2 text-sm">
            <Row label={t("gov.admin.accounts.role")}>{td(`common.roles.${a.role}`)}</Row>
            <Row label={t("gov.admin.accounts.organisation")}>
              {org ? (locale === "zh-CN" ? org.name : org.nameEn) : t("gov.common.none")}
            </Row>
            <Row label={t("gov.admin.accounts.mobile")}>{a.mobile ?? t("gov.common.none")}</Row>
            <Row label={t("gov.admin.accounts.state")}>
              <span className="flex flex-wrap gap-1">
                {a.disabledAt ? (
                  <Badge tone="red">
                    {t("gov.admin.accounts.disabledSince", { date: formatDateTime(a.disabledAt, locale) })}
                  </Badge>
                ) : (
                  <Badge tone="green">{t("gov.admin.accounts.active")}</Badge>
                )}
                {locked && a.lockedUntil && (
                  <Badge tone="amber">
                    {t("gov.admin.accounts.lockedUntil", { date: formatDateTime(a.lockedUntil, locale) })}
                  </Badge>
                )}
              </span>
            </Row>
            <Row label={t("gov.admin.accounts.failedLogins")}>{a.failedLoginCount}</Row>
            <Row label={t("gov.admin.accounts.sessions")}>{a._count.sessions}</Row>
            <Row label={t("gov.admin.accounts.lastLogin")}>
              {a.lastLoginAt ? formatDateTime(a.lastLoginAt, locale) : t("gov.common.none")}
            </Row>
            <Row label={t("gov.admin.accounts.passwordChanged")}>
              {formatDateTime(a.passwordChangedAt, locale)}
            </Row>
            <Row label={t("gov.admin.accounts.created")}>{formatDateTime(a.createdAt, locale)}</Row>
          </dl>
          <div className="mt-4 flex flex-wrap gap-2">
            {!self && (
              <Form method="post">
                {a.disabledAt ? (
                  <SubmitButton name="intent" value="enable" variant="secondary">
                    {t("gov.admin.accounts.enable")}
                  </SubmitButton>
                ) : (
                  <SubmitButton name="intent" value="disable" variant="danger">
                    {t("gov.admin.accounts.disable")}
                  </SubmitButton>
                )}
              </Form>
            )}
            {(locked || a.failedLoginCount > 0) && (
              <Form method="post">
                <SubmitButton name="intent" value="unlock" variant="secondary">
                  {t("gov.admin.accounts.unlock")}
                </SubmitButton>
              </Form>
            )}
          </div>
        </Card>
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
      </div>
      <Card title={t("gov.admin.accounts.audit")}>
        {audit.length === 0 ? (
          <p className="text-sm text-slate-600">{t("gov.admin.accounts.noAudit")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {audit.map((row) => (
              <li key={row.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>{td(`gov.admin.auditAction.${row.action.replace("account.", "")}`)}</span>
                <span className="text-slate-600">
                  {formatDateTime(row.at, locale)}
                  {row.actor && ` · ${row.actor.displayName}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
