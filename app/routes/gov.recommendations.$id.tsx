import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";

import { GovNav } from "~/components/gov-nav";
import { Badge, Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { OfficeActor } from "~/models/actor";
import { parseId } from "~/domain/list-query";
import { text, wanAmount } from "~/utils/form-schema";
import {
  acceptRequest,
  declineRequest,
  getRecommendation,
  withdrawRecommendation,
  type ActResult,
} from "~/models/recommendation.server";
import { denial, requireGovUser, requireOfficeUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const acceptSchema = z.object({ reason: text(1000), amount: wanAmount({ required: false }) });
const declineSchema = z.object({ note: text(500) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const id = parseId(params.id);
  const recommendation = id ? await getRecommendation(actor, id) : null;
  if (!recommendation) notFound();
  return { role: actor.role, recommendation };
}

type Failure = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

async function respond(
  request: Request,
  id: string,
  result: ActResult,
  flashKey: string,
  form: FormData,
  intent: string,
) {
  if (result.ok) return redirectWithFlash(`/gov/recommendations/${id}`, { kind: "success", key: flashKey });
  if (result.error === "NOT_FOUND") throw denial(request);
  const key = result.error === "DISHONEST" ? "gov.recommendations.errors.dishonest" : "gov.errors.changed";
  return badRequest<Failure>({ intent, errors: { _form: { key } }, values: formDataToObject(form) });
}

async function accept(request: Request, actor: OfficeActor, id: string, form: FormData) {
  const parsed = parseForm(acceptSchema, form);
  if (!parsed.ok)
    return badRequest<Failure>({ intent: "accept", errors: parsed.errors, values: parsed.values });
  const result = await acceptRequest(actor, id, {
    reason: parsed.data.reason,
    suggestedAmountYuan: parsed.data.amount,
  });
  return respond(request, id, result, "gov.recommendations.flash.accepted", form, "accept");
}

async function decline(request: Request, actor: OfficeActor, id: string, form: FormData) {
  const parsed = parseForm(declineSchema, form);
  if (!parsed.ok)
    return badRequest<Failure>({ intent: "decline", errors: parsed.errors, values: parsed.values });
  const result = await declineRequest(actor, id, parsed.data.note);
  return respond(request, id, result, "gov.recommendations.flash.declined", form, "decline");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireOfficeUser(request);
  const id = parseId(params.id);
  if (!id) throw denial(request);
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "accept":
      return accept(request, actor, id, form);
    case "decline":
      return decline(request, actor, id, form);
    case "withdraw":
      return respond(
        request,
        id,
        await withdrawRecommendation(actor, id),
        "gov.recommendations.flash.withdrawn",
        form,
        "withdraw",
      );
    default:
      return badRequest<Failure>({
        intent: "",
        errors: { _form: { key: "common.validation.invalidChoice" } },
        values: {},
      });
  }
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-36 shrink-0 text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

export default function GovRecommendation() {
  const { role, recommendation: r } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const failed = actionData && "intent" in actionData ? actionData : null;
  const errorsFor = (intent: string) => (failed?.intent === intent ? failed.errors : {});
  const valueOf = (intent: string, name: string) => {
    const v = failed?.intent === intent ? failed.values[name] : undefined;
    return typeof v === "string" ? v : "";
  };
  const acceptErrors = errorsFor("accept");
  const declineErrors = errorsFor("decline");
  const office = role === "GOV_OFFICE";
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={t("gov.recommendations.detailTitle", { name: r.enterprise.name })}
        description={r.enterprise.uscc}
        actions={
          <Link to="/gov/recommendations" className="text-sm font-medium text-brand-700 hover:underline">
            {t("gov.recommendations.backToList")}
          </Link>
        }
      />
      {failed?.errors._form && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(failed.errors._form.key)}
        </p>
      )}
      <Card>
        <dl className="flex flex-col gap-2 text-sm">
          <Row label={t("gov.recommendations.columns.status")}>
            <Badge tone="blue">{td(`gov.recommendationStatus.${r.status}`)}</Badge>
            {r.batch && <span className="ml-2">{r.batch.name}</span>}
          </Row>
          <Row label={t("gov.recommendations.columns.firm")}>
            <Link to={`/gov/firms/${r.enterprise.id}`} className="text-brand-700 hover:underline">
              {r.enterprise.name}
            </Link>
            {r.enterprise.onDishonestyList && (
              <span className="ml-2">
                <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>
              </span>
            )}
          </Row>
          <Row label={t("gov.recommendations.columns.office")}>
            {locale === "zh-CN" ? r.subDistrict.name : r.subDistrict.nameEn}
          </Row>
          {r.requestNote && <Row label={t("gov.recommendations.requestNote")}>{r.requestNote}</Row>}
          {r.reason && <Row label={t("gov.recommendations.reason")}>{r.reason}</Row>}
          <Row label={t("gov.recommendations.columns.amount")}>
            {r.suggestedAmountYuan !== null
              ? formatYuanAsWan(r.suggestedAmountYuan, locale)
              : t("gov.common.none")}
          </Row>
          <Row label={t("gov.recommendations.columns.created")}>
            {formatDateTime(r.createdAt, locale)}
            {r.createdBy && ` · ${r.createdBy.displayName}`}
          </Row>
          {r.reviewedAt && (
            <Row label={t("gov.recommendations.reviewed")}>
              {formatDateTime(r.reviewedAt, locale)}
              {r.reviewedBy && ` · ${r.reviewedBy.displayName}`}
              {r.reviewNote && ` · ${r.reviewNote}`}
            </Row>
          )}
        </dl>
      </Card>
      {office && r.status === "REQUESTED" && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("gov.recommendations.acceptTitle")}>
            {r.enterprise.onDishonestyList ? (
              <p className="text-sm text-red-800">{t("gov.recommendations.errors.dishonest")}</p>
            ) : (
              <Form method="post" className="flex flex-col gap-4" noValidate>
                <Field id="reason" label={t("gov.recommendations.reason")} error={acceptErrors.reason}>
                  <textarea
                    {...fieldAria("reason", acceptErrors.reason)}
                    name="reason"
                    rows={3}
                    maxLength={1000}
                    defaultValue={valueOf("accept", "reason")}
                    className={inputClass}
                    required
                  />
                </Field>
                <Field id="amount" label={t("gov.recommendations.amountWan")} error={acceptErrors.amount}>
                  <input
                    {...fieldAria("amount", acceptErrors.amount)}
                    name="amount"
                    inputMode="decimal"
                    defaultValue={valueOf("accept", "amount")}
                    className={inputClass}
                  />
                </Field>
                <div>
                  <SubmitButton name="intent" value="accept" pendingLabel={t("common.actions.submitting")}>
                    {t("gov.recommendations.accept")}
                  </SubmitButton>
                </div>
              </Form>
            )}
          </Card>
          <Card title={t("gov.recommendations.declineTitle")}>
            <Form method="post" className="flex flex-col gap-4" noValidate>
              <Field id="note" label={t("gov.recommendations.declineNote")} error={declineErrors.note}>
                <textarea
                  {...fieldAria("note", declineErrors.note)}
                  name="note"
                  rows={3}
                  maxLength={500}
                  defaultValue={valueOf("decline", "note")}
                  className={inputClass}
                  required
                />
              </Field>
              <div>
                <SubmitButton
                  name="intent"
                  value="decline"
                  variant="danger"
                  pendingLabel={t("common.actions.submitting")}
                >
                  {t("gov.recommendations.decline")}
                </SubmitButton>
              </div>
            </Form>
          </Card>
        </div>
      )}
      {office && r.status === "PENDING" && (
        <Form method="post">
          <SubmitButton name="intent" value="withdraw" variant="secondary">
            {t("gov.recommendations.withdraw")}
          </SubmitButton>
        </Form>
      )}
    </div>
  );
}
