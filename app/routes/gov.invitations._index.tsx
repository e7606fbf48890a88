import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { GovNav } from "~/components/gov-nav";
import { InvitationStateBadge } from "~/components/invitation-state";
import { Pagination } from "~/components/pagination";
import { Card, EmptyState, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { INVITATION_CHANNELS } from "~/domain/outreach";
import { normalizeUscc, usccProblem } from "~/domain/uscc";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { optionalText, text } from "~/utils/form-schema";
import { PAGE_SIZE, parsePage } from "~/domain/list-query";
import { createInvitation, listInvitations } from "~/models/invitation.server";
import { getSettings } from "~/models/settings.server";
import { requireGovUser, requireOfficeUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, formReused } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const invitationSchema = () =>
  z.object({
    firmName: text(100),
    uscc: z
      .string()
      .max(64)
      .optional()
      .transform((value) => normalizeUscc(value ?? ""))
      .refine((value) => value === "" || !usccProblem(value), "outreach.invitations.errors.uscc")
      .transform((value) => value || null),
    contactName: optionalText(40),
    contactMobile: z
      .string()
      .trim()
      .optional()
      .transform((value) => value ?? "")
      .refine((value) => value === "" || /^1[3-9]\d{9}$/.test(value), "outreach.invitations.errors.mobile"),
    channel: z.enum(INVITATION_CHANNELS),
    note: optionalText(500),
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const [list, settings] = await Promise.all([
    listInvitations(actor, { page, pageSize: PAGE_SIZE }),
    getSettings(),
  ]);
  return {
    role: actor.role,
    page,
    ...list,
    validDays: settings["invitation.validDays"],
    formKey: newFormKey(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireOfficeUser(request);
  const form = await readForm(request);
  const parsed = parseForm(invitationSchema(), form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const created = await createInvitation(actor, parsed.data, formKeyOf(form));
  if (!created.ok && created.error === "ALREADY_REGISTERED")
    return badRequest({
      errors: { uscc: { key: "outreach.invitations.errors.registered" } },
      values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).slice(0, 200)])),
    });
  if (!created.ok) return formReused();
  return redirectWithFlash(`/gov/invitations/${created.row.id}`, {
    kind: "success",
    key: "outreach.invitations.flash.created",
  });
}

export default function GovInvitations() {
  const { role, page, total, invitations, validDays, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors: FieldErrors = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const input = (name: string, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={name} label={label} error={errors[name]} hint={hint}>
      <input
        {...fieldAria(name, errors[name], Boolean(hint))}
        name={name}
        defaultValue={values[name] ?? ""}
        className={inputClass}
        {...props}
      />
    </Field>
  );
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={t("outreach.invitations.title")}
        description={t("outreach.invitations.intro", { days: validDays })}
      />
      {role === "GOV_OFFICE" && (
        <Card title={t("outreach.invitations.new")}>
          <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
            <input type="hidden" name="formKey" value={formKey} />
            {input("firmName", t("outreach.invitations.firmName"), { maxLength: 100, required: true })}
            {input(
              "uscc",
              t("outreach.invitations.uscc"),
              {
                maxLength: 18,
                autoComplete: "off",
                spellCheck: false,
                className: `${inputClass} font-mono uppercase`,
              },
              t("outreach.invitations.usccHint"),
            )}
            {input("contactName", t("outreach.invitations.contactName"), { maxLength: 40 })}
            {input("contactMobile", t("outreach.invitations.contactMobile"), {
              maxLength: 11,
              inputMode: "numeric",
            })}
            <Field id="channel" label={t("outreach.invitations.channel")} error={errors.channel}>
              <select
                {...fieldAria("channel", errors.channel)}
                name="channel"
                defaultValue={values.channel ?? "VISIT"}
                className={inputClass}
              >
                {INVITATION_CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {td(`outreach.invitations.channels.${channel}`)}
                  </option>
                ))}
              </select>
            </Field>
            {input("note", t("outreach.invitations.note"), { maxLength: 500 })}
            <div className="sm:col-span-2">
              <SubmitButton pendingLabel={t("common.actions.saving")}>
                {t("outreach.invitations.create")}
              </SubmitButton>
            </div>
          </Form>
        </Card>
      )}
      <Card title={t("outreach.invitations.list")}>
        {invitations.length === 0 ? (
          <EmptyState
            title={t("outreach.invitations.empty")}
            hint={role === "GOV_OFFICE" ? t("outreach.invitations.emptyHint") : undefined}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t("outreach.invitations.list")}</caption>
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("outreach.invitations.firmName")}
                  </th>
                  {role === "GOV_BUREAU" && (
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t("outreach.invitations.office")}
                    </th>
                  )}
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("outreach.invitations.channel")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("outreach.invitations.createdAt")}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t("outreach.invitations.state")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td className="py-2 pr-4">
                      <Link
                        to={`/gov/invitations/${invitation.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {invitation.firmName}
                      </Link>
                      {invitation.uscc && (
                        <span className="ml-2 font-mono text-xs text-slate-500">{invitation.uscc}</span>
                      )}
                    </td>
                    {role === "GOV_BUREAU" && (
                      <td className="py-2 pr-4">
                        {locale === "en" ? invitation.subDistrict.nameEn : invitation.subDistrict.name}
                      </td>
                    )}
                    <td className="py-2 pr-4">{td(`outreach.invitations.channels.${invitation.channel}`)}</td>
                    <td className="py-2 pr-4">{formatDate(invitation.createdAt, locale)}</td>
                    <td className="py-2">
                      <InvitationStateBadge state={invitation.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
      </Card>
    </div>
  );
}
