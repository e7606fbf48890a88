import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";

import { DueClock, GovNav } from "~/components/gov-nav";
import { Badge, Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { calendarDaysBetween } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { parseId } from "~/domain/list-query";
import { text } from "~/utils/form-schema";
import { OBJECTION_RESOLUTIONS } from "~/models/gov-codes";
import { answerObjection, getObjection } from "~/models/objection-review.server";
import { denial, requireBureauUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const acceptSchema = z.object({ resolution: z.enum(OBJECTION_RESOLUTIONS), responseText: text(1000) });
const rejectSchema = z.object({ responseText: text(1000) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  const objection = id ? await getObjection(actor, id) : null;
  if (!objection) notFound();
  const now = new Date();
  return {
    role: actor.role,
    objection,
    daysLeft: calendarDaysBetween(now, objection.dueAt),
    overdue: objection.dueAt < now,
  };
}

type Failure = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  if (!id) throw denial(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  let answer;
  if (intent === "accept") {
    const parsed = parseForm(acceptSchema, form);
    if (!parsed.ok) return badRequest<Failure>({ intent, errors: parsed.errors, values: parsed.values });
    answer = { decision: "accept" as const, ...parsed.data };
  } else if (intent === "reject") {
    const parsed = parseForm(rejectSchema, form);
    if (!parsed.ok) return badRequest<Failure>({ intent, errors: parsed.errors, values: parsed.values });
    answer = { decision: "reject" as const, ...parsed.data };
  } else {
    return badRequest<Failure>({
      intent,
      errors: { _form: { key: "common.validation.invalidChoice" } },
      values: {},
    });
  }
  const result = await answerObjection(actor, id, answer);
  if (result.ok)
    return redirectWithFlash("/gov/objections", { kind: "success", key: `gov.objections.flash.${intent}` });
  if (result.error === "NOT_FOUND") throw denial(request);
  return badRequest<Failure>({
    intent,
    errors: { _form: { key: "gov.errors.changed" } },
    values: { responseText: answer.responseText },
  });
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-36 shrink-0 text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

export default function GovObjection() {
  const { role, objection: o, daysLeft, overdue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : {});
  const valueOf = (intent: string, name: string) => {
    const v = actionData?.intent === intent ? actionData.values[name] : undefined;
    return typeof v === "string" ? v : "";
  };
  const acceptErrors = errorsFor("accept");
  const rejectErrors = errorsFor("reject");
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={t("gov.objections.detailTitle", { name: o.enterprise.name })}
        description={o.enterprise.uscc}
        actions={
          <Link to="/gov/objections" className="text-sm font-medium text-brand-700 hover:underline">
            {t("gov.objections.backToList")}
          </Link>
        }
      />
      {actionData?.errors._form && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(actionData.errors._form.key)}
        </p>
      )}
      <Card>
        <dl className="flex flex-col gap-2 text-sm">
          <Row label={t("gov.objections.columns.status")}>
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={o.status === "OPEN" ? "blue" : o.status === "ACCEPTED" ? "green" : "gray"}>
                {td(`gov.objectionStatus.${o.status}`)}
              </Badge>
              {o.resolution && <Badge tone="green">{td(`gov.objectionResolution.${o.resolution}`)}</Badge>}
              {o.status === "OPEN" && <DueClock daysLeft={daysLeft} overdue={overdue} />}
            </span>
          </Row>
          <Row label={t("gov.objections.columns.due")}>{formatDate(o.dueAt, locale)}</Row>
          <Row label={t("gov.objections.source")}>{td(`gov.creditSource.${o.source}`)}</Row>
          <Row label={t("gov.objections.columns.record")}>{o.recordSummary}</Row>
          <Row label={t("gov.objections.recordKey")}>
            <span className="font-mono">{o.recordKey}</span>
          </Row>
          <Row label={t("gov.objections.reason")}>
            <span className="whitespace-pre-line">{o.reason}</span>
          </Row>
          {o.attachmentNote && <Row label={t("gov.objections.attachment")}>{o.attachmentNote}</Row>}
          <Row label={t("gov.objections.columns.filed")}>
            {formatDateTime(o.createdAt, locale)} · {o.filedBy.displayName}
          </Row>
          {o.handledAt && (
            <Row label={t("gov.objections.handled")}>
              {formatDateTime(o.handledAt, locale)}
              {o.handledBy && ` · ${o.handledBy.displayName}`}
            </Row>
          )}
          {o.responseText && <Row label={t("gov.objections.response")}>{o.responseText}</Row>}
        </dl>
      </Card>
      {o.status === "OPEN" && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("gov.objections.acceptTitle")}>
            <Form method="post" className="flex flex-col gap-4" noValidate>
              <fieldset
                className="flex flex-col gap-2"
                aria-describedby={acceptErrors.resolution ? "resolution-error" : undefined}
              >
                <legend className="text-sm font-medium text-slate-800">
                  {t("gov.objections.resolution")}
                </legend>
                {OBJECTION_RESOLUTIONS.map((resolution) => (
                  <label key={resolution} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="resolution"
                      value={resolution}
                      defaultChecked={valueOf("accept", "resolution") === resolution}
                      className="size-4"
                    />
                    {td(`gov.objectionResolution.${resolution}`)}
                  </label>
                ))}
                {acceptErrors.resolution && (
                  <p id="resolution-error" role="alert" className="text-sm text-red-700">
                    {td(acceptErrors.resolution.key)}
                  </p>
                )}
              </fieldset>
              <Field
                id="accept-response"
                label={t("gov.objections.acceptResponse")}
                error={acceptErrors.responseText}
              >
                <textarea
                  {...fieldAria("accept-response", acceptErrors.responseText)}
                  name="responseText"
                  rows={3}
                  maxLength={1000}
                  defaultValue={valueOf("accept", "responseText")}
                  className={inputClass}
                />
              </Field>
              <div>
                <SubmitButton name="intent" value="accept">
                  {t("gov.objections.accept")}
                </SubmitButton>
              </div>
            </Form>
          </Card>
          <Card title={t("gov.objections.rejectTitle")}>
            <Form method="post" className="flex flex-col gap-4" noValidate>
              <Field
                id="reject-response"
                label={t("gov.objections.rejectReason")}
                error={rejectErrors.responseText}
              >
                <textarea
                  {...fieldAria("reject-response", rejectErrors.responseText)}
                  name="responseText"
                  rows={3}
                  maxLength={1000}
                  defaultValue={valueOf("reject", "responseText")}
                  className={inputClass}
                />
              </Field>
              <div>
                <SubmitButton name="intent" value="reject" variant="danger">
                  {t("gov.objections.reject")}
                </SubmitButton>
              </div>
            </Form>
          </Card>
        </div>
      )}
    </div>
  );
}
