import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { PostForm, SelectField, TextField } from "~/components/form-kit";
import { AdminNav, GovNav } from "~/components/gov-nav";
import { DataTable, type Column } from "~/components/list-kit";
import { Badge, Card, EmptyState, PageHeader, SubmitButton } from "~/components/ui";
import { DEFAULT_GRACE_HOURS, GRACE_HOURS } from "~/domain/api-credentials";
import { formatDateTime } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { listActiveOrganisations } from "~/models/admin.server";
import {
  issueApiClient,
  listApiClients,
  revokeApiClient,
  rotateApiClientSecret,
} from "~/models/api-client.server";
import { requireBureauUser } from "~/permissions.server";
import { dispatchIntent, parseSubmission, replyFieldError, replyFormError } from "~/utils/form-action.server";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { json } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { issueSchema, revokeSchema, rotateSchema } from "./schema.server";

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

type Shown = {
  errors: FieldErrors;
  values: FormValues;
  /** the credentials to hand over, shown on this response only */
  shown: { keyId: string; secret: string };
};

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  // the secret is in this response body only: never cached, never in a redirect or flash cookie
  const once = (shown: Shown["shown"]) =>
    json<Shown>({ errors: {}, values: {}, shown }, { headers: { "Cache-Control": "no-store" } });
  return dispatchIntent(form, {
    issue: async () => {
      const submission = parseSubmission(form, issueSchema());
      if (!submission.ok) return submission.reply;
      const issued = await issueApiClient(actor, submission.data);
      if (!issued.ok)
        return replyFieldError("bankId", { key: "api.admin.errors.bank" }, { values: submission.values });
      return once({ keyId: issued.client.keyId, secret: issued.client.secret });
    },
    rotate: async () => {
      const submission = parseSubmission(form, rotateSchema());
      if (!submission.ok) return submission.reply;
      const rotated = await rotateApiClientSecret(actor, submission.data.id, {
        graceHours: submission.data.graceHours,
      });
      if (!rotated.ok) return replyFormError(ROTATE_ERRORS[rotated.error], { values: submission.values });
      const client = (await listApiClients(actor)).find((c) => c.id === submission.data.id);
      return once({ keyId: client?.keyId ?? "", secret: rotated.secret ?? "" });
    },
    revoke: async () => {
      const submission = parseSubmission(form, revokeSchema());
      if (!submission.ok) return submission.reply;
      const client = (await listApiClients(actor)).find((c) => c.id === submission.data.id);
      const revoked = await revokeApiClient(actor, submission.data.id);
      if (!revoked.ok)
        return replyFormError(
          revoked.error === "NOT_FOUND" ? "api.admin.errors.notFound" : "api.admin.errors.revoked",
          { values: submission.values },
        );
      return redirectWithFlash("/gov/admin/api-clients", {
        kind: "success",
        key: "api.admin.flash.revoked",
        params: { key: client?.keyId ?? "" },
      });
    },
  });
}

type Client = ReturnType<typeof useLoaderData<typeof loader>>["clients"][number];

export default function AdminApiClients() {
  const { role, clients, banks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const shown = (result as Partial<Shown> | undefined)?.shown ?? null;
  const columns: Column<Client>[] = [
    {
      key: "key",
      header: t("api.admin.columns.key"),
      className: "font-mono",
      cell: (client) => (
        <>
          {client.keyId}
          {client.label && <div className="font-sans text-xs text-slate-500">{client.label}</div>}
        </>
      ),
    },
    {
      key: "bank",
      header: t("api.admin.columns.bank"),
      cell: (client) => (locale === "zh-CN" ? client.bank.name : client.bank.nameEn),
    },
    {
      key: "secret",
      header: t("api.admin.columns.secret"),
      className: "font-mono",
      cell: (client) => `…${client.secretHint}`,
    },
    {
      key: "issued",
      header: t("api.admin.columns.issued"),
      className: "tabular-nums",
      cell: (client) => (
        <>
          {formatDateTime(client.createdAt, locale)}
          {client.rotatedAt && (
            <div className="text-xs text-slate-500">
              {t("api.admin.columns.rotated")} {formatDateTime(client.rotatedAt, locale)}
            </div>
          )}
        </>
      ),
    },
    {
      key: "lastUsed",
      header: t("api.admin.columns.lastUsed"),
      className: "tabular-nums",
      cell: (client) =>
        client.lastUsedAt ? formatDateTime(client.lastUsedAt, locale) : t("api.admin.never"),
    },
    {
      key: "status",
      header: t("api.admin.columns.status"),
      cell: (client) => (
        <>
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
        </>
      ),
    },
    {
      key: "actions",
      header: t("api.admin.columns.actions"),
      cell: (client) =>
        !client.revokedAt && (
          <div className="flex flex-col gap-2">
            <PostForm
              result={result}
              intent="rotate"
              rowId={client.id}
              idPrefix={`${client.id}-`}
              defaults={{ graceHours: String(DEFAULT_GRACE_HOURS) }}
              className="flex flex-wrap items-end gap-2"
            >
              <input type="hidden" name="id" value={client.id} />
              <SelectField
                name="graceHours"
                label={t("api.admin.graceHours")}
                options={GRACE_HOURS.map((hours) => ({
                  value: String(hours),
                  label: t("api.admin.graceOption", { hours }),
                }))}
              />
              <SubmitButton
                name="intent"
                value="rotate"
                variant="secondary"
                pendingLabel={t("api.admin.rotating")}
              >
                {t("api.admin.rotate")}
              </SubmitButton>
            </PostForm>
            <PostForm
              result={result}
              intent="revoke"
              rowId={client.id}
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
            </PostForm>
          </div>
        ),
    },
  ];
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <AdminNav />
      <PageHeader title={t("api.admin.title")} description={t("api.admin.intro")} />
      {shown && (
        <div role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-amber-950 ring-1 ring-amber-300">
          <p className="font-medium">{t("api.admin.shownOnce")}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-sm">
            <dt>{t("api.admin.keyId")}</dt>
            <dd className="break-all select-all">{shown.keyId}</dd>
            <dt>{t("api.admin.secret")}</dt>
            <dd className="break-all select-all">{shown.secret}</dd>
          </dl>
        </div>
      )}
      <Card title={t("api.admin.issueTitle")} className="max-w-2xl">
        <PostForm result={result} intent="issue" className="flex flex-col gap-4">
          <SelectField
            name="bankId"
            label={t("api.admin.bank")}
            placeholder="—"
            options={banks.map((bank) => ({
              value: bank.id,
              label: locale === "zh-CN" ? bank.name : bank.nameEn,
            }))}
          />
          <TextField
            name="label"
            label={t("api.admin.label")}
            hint={t("api.admin.labelHint")}
            maxLength={60}
          />
          <div>
            <SubmitButton name="intent" value="issue" pendingLabel={t("api.admin.issuing")}>
              {t("api.admin.issue")}
            </SubmitButton>
          </div>
        </PostForm>
      </Card>
      <DataTable
        label={t("api.admin.title")}
        rows={clients}
        rowKey={(client) => client.id}
        columns={columns}
        dense
        empty={<EmptyState title={t("api.admin.empty")} />}
      />
    </div>
  );
}
