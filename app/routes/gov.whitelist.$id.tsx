import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";

import { GovNav } from "~/components/gov-nav";
import { Badge, Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { parseId } from "~/domain/list-query";
import { text } from "~/utils/form-schema";
import { getEntry, restoreEntry, revokeEntry, type EntryChangeResult } from "~/models/whitelist.server";
import { denial, requireBureauUser, requireGovUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const reasonSchema = z.object({ reason: text(500) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const id = parseId(params.id);
  const entry = id ? await getEntry(actor, id) : null;
  if (!entry) notFound();
  return { role: actor.role, entry };
}

type Failure = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

const ERROR_KEYS = { STALE: "gov.errors.changed", STILL_LISTED: "gov.whitelist.errors.stillListed" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  if (!id) throw denial(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent !== "revoke" && intent !== "restore") {
    return badRequest<Failure>({
      intent,
      errors: { _form: { key: "common.validation.invalidChoice" } },
      values: {},
    });
  }
  const parsed = parseForm(reasonSchema, form);
  if (!parsed.ok) return badRequest<Failure>({ intent, errors: parsed.errors, values: parsed.values });
  const result: EntryChangeResult =
    intent === "revoke"
      ? await revokeEntry(actor, id, parsed.data.reason)
      : await restoreEntry(actor, id, parsed.data.reason);
  if (result.ok)
    return redirectWithFlash(`/gov/whitelist/${id}`, {
      kind: "success",
      key: `gov.whitelist.flash.${intent}`,
    });
  if (result.error === "NOT_FOUND") throw denial(request);
  return badRequest<Failure>({
    intent,
    errors: { _form: { key: ERROR_KEYS[result.error] } },
    values: { reason: parsed.data.reason },
  });
}

const TONES = { ACTIVE: "green", SUSPENDED: "amber", REVOKED: "red" } as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-36 shrink-0 text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

export default function GovWhitelistEntry() {
  const { role, entry } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : {});
  const valueOf = (intent: string) => {
    const v = actionData?.intent === intent ? actionData.values.reason : undefined;
    return typeof v === "string" ? v : "";
  };
  const bureau = role === "GOV_BUREAU";
  const restoreErrors = errorsFor("restore");
  const revokeErrors = errorsFor("revoke");
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={entry.enterprise.name}
        description={entry.enterprise.uscc}
        actions={
          <Link to="/gov/whitelist" className="text-sm font-medium text-brand-700 hover:underline">
            {t("gov.whitelist.backToList")}
          </Link>
        }
      />
      {actionData?.errors._form && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(actionData.errors._form.key)}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("gov.whitelist.entry")}>
          <dl className="flex flex-col gap-2 text-sm">
            <Row label={t("gov.whitelist.status")}>
              <Badge tone={TONES[entry.status as keyof typeof TONES] ?? "gray"}>
                {td(`gov.entryStatus.${entry.status}`)}
              </Badge>
            </Row>
            {entry.statusReason && <Row label={t("gov.whitelist.statusReason")}>{entry.statusReason}</Row>}
            <Row label={t("gov.whitelist.batch")}>{entry.batch.name}</Row>
            <Row label={t("gov.whitelist.validity")}>
              {formatDate(entry.batch.validFrom, locale)} – {formatDate(entry.batch.validUntil, locale)}
            </Row>
            <Row label={t("gov.recommendations.columns.amount")}>
              {entry.suggestedAmountYuan !== null
                ? formatYuanAsWan(entry.suggestedAmountYuan, locale)
                : t("gov.common.none")}
            </Row>
            <Row label={t("gov.recommendations.columns.office")}>
              {locale === "zh-CN" ? entry.enterprise.subDistrict.name : entry.enterprise.subDistrict.nameEn}
            </Row>
            <Row label={t("gov.firm.lists")}>
              {entry.enterprise.onDishonestyList ? (
                <Badge tone="red">{t("gov.firm.dishonest")}</Badge>
              ) : (
                <Badge>{t("gov.firm.notDishonest")}</Badge>
              )}
            </Row>
            {entry.recommendation.reason && (
              <Row label={t("gov.recommendations.reason")}>{entry.recommendation.reason}</Row>
            )}
            <Row label={t("gov.whitelist.firmPage")}>
              <Link to={`/gov/firms/${entry.enterprise.id}`} className="text-brand-700 hover:underline">
                {t("gov.whitelist.openFirm")}
              </Link>
            </Row>
          </dl>
        </Card>
        <Card title={t("gov.whitelist.events")}>
          <ol className="flex flex-col gap-3 border-l-2 border-slate-200 pl-4 text-sm">
            {entry.events.map((event) => (
              <li key={event.id}>
                <p className="font-medium">{td(`gov.whitelistEvent.${event.kind}`)}</p>
                <p className="text-slate-600">
                  {formatDateTime(event.at, locale)} ·{" "}
                  {event.actor ? event.actor.displayName : t("gov.whitelist.system")}
                </p>
                {event.reason && <p className="text-slate-700">{event.reason}</p>}
              </li>
            ))}
          </ol>
        </Card>
      </div>
      {bureau && entry.status !== "REVOKED" && (
        <div className="grid gap-6 lg:grid-cols-2">
          {entry.status === "SUSPENDED" && (
            <Card title={t("gov.whitelist.restoreTitle")}>
              {entry.enterprise.onDishonestyList ? (
                <p className="text-sm text-red-800">{t("gov.whitelist.errors.stillListed")}</p>
              ) : (
                <Form method="post" className="flex flex-col gap-4" noValidate>
                  <Field id="restore-reason" label={t("gov.whitelist.reason")} error={restoreErrors.reason}>
                    <textarea
                      {...fieldAria("restore-reason", restoreErrors.reason)}
                      name="reason"
                      rows={3}
                      maxLength={500}
                      defaultValue={valueOf("restore")}
                      className={inputClass}
                    />
                  </Field>
                  <div>
                    <SubmitButton name="intent" value="restore">
                      {t("gov.whitelist.restore")}
                    </SubmitButton>
                  </div>
                </Form>
              )}
            </Card>
          )}
          <Card title={t("gov.whitelist.revokeTitle")}>
            <Form method="post" className="flex flex-col gap-4" noValidate>
              <Field id="revoke-reason" label={t("gov.whitelist.reason")} error={revokeErrors.reason}>
                <textarea
                  {...fieldAria("revoke-reason", revokeErrors.reason)}
                  name="reason"
                  rows={3}
                  maxLength={500}
                  defaultValue={valueOf("revoke")}
                  className={inputClass}
                />
              </Field>
              <div>
                <SubmitButton name="intent" value="revoke" variant="danger">
                  {t("gov.whitelist.revoke")}
                </SubmitButton>
              </div>
            </Form>
          </Card>
        </div>
      )}
    </div>
  );
}
