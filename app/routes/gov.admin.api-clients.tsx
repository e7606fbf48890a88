import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { AdminNav, GovNav } from "~/components/gov-nav";
import {
  Badge,
  Card,
  EmptyState,
  Field,
  PageHeader,
  SubmitButton,
  fieldAria,
  inputClass,
} from "~/components/ui";
import { withClientIp } from "~/client-ip.server";
import { formatDateTime } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { listActiveOrganisations } from "~/models/admin.server";
import {
  DEFAULT_GRACE_HOURS,
  GRACE_HOURS,
  issueApiClient,
  listApiClients,
  revokeApiClient,
  rotateApiClientSecret,
} from "~/models/api-client.server";
import { requireBureauUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, json } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const id = z.string().trim().min(1).max(40);
const schemas = {
  issue: z.object({ bankId: id, label: z.string().trim().max(60).default("") }),
  rotate: z.object({
    id,
    graceHours: z.coerce.number().pipe(z.union(GRACE_HOURS.map((h) => z.literal(h)) as never)),
  }),
  revoke: z.object({ id }),
};

const ROTATE_ERRORS = {
  NOT_FOUND: "api.admin.errors.notFound",
  REVOKED: "api.admin.errors.revoked",
  CHANGED: "api.admin.errors.changed",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const [clients, { banks }] = await Promise.all([listApiClients(actor), listActiveOrganisations()]);
  return json({ role: actor.role, clients, banks }, { headers: { "Cache-Control": "no-store" } });
}

type Result = {
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  /** the credentials to hand over, shown on this response only */
  shown: { keyId: string; secret: string } | null;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const fail = (errors: FieldErrors, values: Result["values"] = {}) =>
    badRequest<Result>({ errors, values, shown: null });
  // the secret is in this response body only: never cached, never in a redirect or flash cookie
  const once = (shown: Result["shown"]) =>
    json<Result>({ errors: {}, values: {}, shown }, { headers: { "Cache-Control": "no-store" } });
  if (intent === "issue") {
    const parsed = parseForm(schemas.issue, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const issued = await issueApiClient(actor, parsed.data);
    if (!issued.ok) return fail({ bankId: { key: "api.admin.errors.bank" } }, { label: parsed.data.label });
    return once({ keyId: issued.client.keyId, secret: issued.client.secret });
  }
  if (intent === "rotate") {
    const parsed = parseForm(schemas.rotate, form);
    if (!parsed.ok) return fail(parsed.errors);
    const rotated = await rotateApiClientSecret(actor, parsed.data.id, {
      graceHours: parsed.data.graceHours,
    });
    if (!rotated.ok) return fail({ _form: { key: ROTATE_ERRORS[rotated.error] } });
    const client = (await listApiClients(actor)).find((c) => c.id === parsed.data.id);
    return once({ keyId: client?.keyId ?? "", secret: rotated.secret ?? "" });
  }
  if (intent === "revoke") {
    const parsed = parseForm(schemas.revoke, form);
    if (!parsed.ok) return fail(parsed.errors);
    const client = (await listApiClients(actor)).find((c) => c.id === parsed.data.id);
    const revoked = await revokeApiClient(actor, parsed.data.id);
    if (!revoked.ok)
      return fail({
        _form: {
          key: revoked.error === "NOT_FOUND" ? "api.admin.errors.notFound" : "api.admin.errors.revoked",
        },
      });
    return redirectWithFlash("/gov/admin/api-clients", {
      kind: "success",
      key: "api.admin.flash.revoked",
      params: { key: client?.keyId ?? "" },
    });
  }
  return fail({ _form: { key: "common.validation.invalidChoice" } });
}

export default function AdminApiClients() {
  const { role, clients, banks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const errors = result?.errors ?? {};
  const th = "px-3 py-2 text-left font-medium";
  const cell = "px-3 py-2 align-top";
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <AdminNav />
      <PageHeader title={t("api.admin.title")} description={t("api.admin.intro")} />
      {result?.shown && (
        <div role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-amber-950 ring-1 ring-amber-300">
          <p className="font-medium">{t("api.admin.shownOnce")}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-sm">
            <dt>{t("api.admin.keyId")}</dt>
            <dd className="break-all select-all">{result.shown.keyId}</dd>
            <dt>{t("api.admin.secret")}</dt>
            <dd className="break-all select-all">{result.shown.secret}</dd>
          </dl>
        </div>
      )}
      {errors._form && (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-red-800 ring-1 ring-red-200">
          {t(errors._form.key as "api.admin.errors.notFound")}
        </p>
      )}
      <Card title={t("api.admin.issueTitle")} className="max-w-2xl">
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="intent" value="issue" />
          <Field id="bankId" label={t("api.admin.bank")} error={errors.bankId}>
            <select
              {...fieldAria("bankId", errors.bankId)}
              name="bankId"
              className={inputClass}
              defaultValue=""
            >
              <option value="" disabled>
                —
              </option>
              {banks.map((bank) => (
                <option key={bank.id} value={bank.id}>
                  {locale === "zh-CN" ? bank.name : bank.nameEn}
                </option>
              ))}
            </select>
          </Field>
          <Field id="label" label={t("api.admin.label")} error={errors.label} hint={t("api.admin.labelHint")}>
            <input
              {...fieldAria("label", errors.label, true)}
              name="label"
              maxLength={60}
              className={inputClass}
            />
          </Field>
          <div>
            <SubmitButton name="intent" value="issue" pendingLabel={t("api.admin.issuing")}>
              {t("api.admin.issue")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
      {clients.length === 0 ? (
        <EmptyState title={t("api.admin.empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className={th}>
                  {t("api.admin.columns.key")}
                </th>
                <th scope="col" className={th}>
                  {t("api.admin.columns.bank")}
                </th>
                <th scope="col" className={th}>
                  {t("api.admin.columns.secret")}
                </th>
                <th scope="col" className={th}>
                  {t("api.admin.columns.issued")}
                </th>
                <th scope="col" className={th}>
                  {t("api.admin.columns.lastUsed")}
                </th>
                <th scope="col" className={th}>
                  {t("api.admin.columns.status")}
                </th>
                <th scope="col" className={th}>
                  {t("api.admin.columns.actions")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {clients.map((client) => (
                <tr key={client.id}>
                  <td className={`${cell} font-mono`}>
                    {client.keyId}
                    {client.label && <div className="font-sans text-xs text-slate-500">{client.label}</div>}
                  </td>
                  <td className={cell}>{locale === "zh-CN" ? client.bank.name : client.bank.nameEn}</td>
                  <td className={`${cell} font-mono`}>…{client.secretHint}</td>
                  <td className={`${cell} tabular-nums`}>
                    {formatDateTime(client.createdAt, locale)}
                    {client.rotatedAt && (
                      <div className="text-xs text-slate-500">
                        {t("api.admin.columns.rotated")} {formatDateTime(client.rotatedAt, locale)}
                      </div>
                    )}
                  </td>
                  <td className={`${cell} tabular-nums`}>
                    {client.lastUsedAt ? formatDateTime(client.lastUsedAt, locale) : t("api.admin.never")}
                  </td>
                  <td className={cell}>
                    {client.revokedAt ? (
                      <Badge tone="red">{t("api.admin.revoked")}</Badge>
                    ) : (
                      <Badge tone="green">{t("api.admin.active")}</Badge>
                    )}
                    {!client.revokedAt &&
                      client.previousValidUntil &&
                      new Date(client.previousValidUntil) > new Date() && (
                        <div className="text-xs text-slate-500">
                          {t("api.admin.grace", { time: formatDateTime(client.previousValidUntil, locale) })}
                        </div>
                      )}
                  </td>
                  <td className={cell}>
                    {!client.revokedAt && (
                      <div className="flex flex-col gap-2">
                        <Form method="post" className="flex flex-wrap items-end gap-2">
                          <input type="hidden" name="id" value={client.id} />
                          <label className="text-xs text-slate-600">
                            {t("api.admin.graceHours")}
                            <select
                              name="graceHours"
                              defaultValue={DEFAULT_GRACE_HOURS}
                              className={`${inputClass} mt-1`}
                            >
                              {GRACE_HOURS.map((hours) => (
                                <option key={hours} value={hours}>
                                  {t("api.admin.graceOption", { hours })}
                                </option>
                              ))}
                            </select>
                          </label>
                          <SubmitButton
                            name="intent"
                            value="rotate"
                            variant="secondary"
                            pendingLabel={t("api.admin.rotating")}
                          >
                            {t("api.admin.rotate")}
                          </SubmitButton>
                        </Form>
                        <Form
                          method="post"
                          onSubmit={(event) => {
                            if (!window.confirm(t("api.admin.revokeConfirm", { key: client.keyId })))
                              event.preventDefault();
                          }}
                        >
                          <input type="hidden" name="id" value={client.id} />
                          <SubmitButton
                            name="intent"
                            value="revoke"
                            variant="danger"
                            pendingLabel={t("api.admin.revoking")}
                          >
                            {t("api.admin.revoke")}
                          </SubmitButton>
                        </Form>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
