import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { GovNav } from "~/components/gov-nav";
import { Pagination } from "~/components/pagination";
import { Card, EmptyState, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { listFirmChoices } from "~/models/gov-firms.server";
import { PAGE_SIZE, parseId, parsePage } from "~/domain/list-query";
import { day, optionalText, text, wanAmount } from "~/utils/form-schema";
import { listVisits, logVisit } from "~/models/visit.server";
import { denial, requireGovUser, requireOfficeUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { badRequest, formReused } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const visitSchema = () =>
  z.object({
    enterpriseId: z
      .string({ required_error: "gov.visits.errors.firm" })
      .regex(/^[a-z0-9]{8,40}$/, "gov.visits.errors.firm"),
    visitedOn: day({ notAfter: shanghaiDate(new Date()) }),
    findings: text(2000),
    need: wanAmount({ required: false }),
    nextStep: optionalText(500),
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const params = new URL(request.url).searchParams;
  const enterpriseId = parseId(params.get("firm"));
  const page = parsePage(params.get("page"));
  const [list, firms] = await Promise.all([
    listVisits(actor, { enterpriseId, page, pageSize: PAGE_SIZE }),
    actor.role === "GOV_OFFICE" ? listFirmChoices(actor) : Promise.resolve([]),
  ]);
  return { role: actor.role, ...list, firms, page, today: shanghaiDate(new Date()), formKey: newFormKey() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireOfficeUser(request);
  const form = await readForm(request);
  const parsed = parseForm(visitSchema(), form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const { enterpriseId, visitedOn, findings, need, nextStep } = parsed.data;
  const visit = await logVisit(
    actor,
    { enterpriseId, visitedOn, findings, needYuan: need, nextStep },
    formKeyOf(form),
  );
  if (!visit) throw denial(request);
  if (!visit.ok) return formReused();
  return redirectWithFlash(`/gov/visits?firm=${visit.row.enterpriseId}`, {
    kind: "success",
    key: "gov.visits.flash.logged",
  });
}

export default function GovVisits() {
  const { role, visits, total, firms, page, today, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const value = (name: string, fallback = "") =>
    typeof values[name] === "string" ? (values[name] as string) : fallback;
  const firmFilter = params.get("firm");
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={t("gov.visits.title")}
        description={t("gov.visits.intro")}
        actions={
          role === "GOV_OFFICE" ? (
            <Link to="/gov/invitations" className="text-sm font-medium text-brand-700 hover:underline">
              {t("outreach.invitations.inviteFromVisits")}
            </Link>
          ) : undefined
        }
      />
      {role === "GOV_OFFICE" && (
        <Card title={<span id="new-visit">{t("gov.visits.new")}</span>}>
          {firms.length === 0 ? (
            <EmptyState title={t("gov.visits.noFirms")} />
          ) : (
            <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
              <input type="hidden" name="formKey" value={formKey} />
              <Field id="enterpriseId" label={t("gov.visits.firm")} error={errors.enterpriseId}>
                <select
                  {...fieldAria("enterpriseId", errors.enterpriseId)}
                  name="enterpriseId"
                  defaultValue={value("enterpriseId", firmFilter ?? "")}
                  className={inputClass}
                  required
                >
                  <option value="">{t("gov.visits.chooseFirm")}</option>
                  {firms.map((firm) => (
                    <option key={firm.id} value={firm.id}>
                      {firm.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="visitedOn" label={t("gov.visits.date")} error={errors.visitedOn}>
                <input
                  {...fieldAria("visitedOn", errors.visitedOn)}
                  type="date"
                  name="visitedOn"
                  max={today}
                  defaultValue={value("visitedOn", today)}
                  className={inputClass}
                  required
                />
              </Field>
              <div className="sm:col-span-2">
                <Field id="findings" label={t("gov.visits.findings")} error={errors.findings}>
                  <textarea
                    {...fieldAria("findings", errors.findings)}
                    name="findings"
                    rows={4}
                    maxLength={2000}
                    defaultValue={value("findings")}
                    className={inputClass}
                    required
                  />
                </Field>
              </div>
              <Field
                id="need"
                label={t("gov.visits.needWan")}
                error={errors.need}
                hint={t("gov.visits.needHint")}
              >
                <input
                  {...fieldAria("need", errors.need, true)}
                  name="need"
                  inputMode="decimal"
                  defaultValue={value("need")}
                  className={inputClass}
                />
              </Field>
              <Field id="nextStep" label={t("gov.visits.nextStep")} error={errors.nextStep}>
                <input
                  {...fieldAria("nextStep", errors.nextStep)}
                  name="nextStep"
                  maxLength={500}
                  defaultValue={value("nextStep")}
                  className={inputClass}
                />
              </Field>
              <div className="sm:col-span-2">
                <SubmitButton pendingLabel={t("common.actions.saving")}>{t("gov.visits.save")}</SubmitButton>
              </div>
            </Form>
          )}
        </Card>
      )}
      <Card
        title={t("gov.visits.history")}
        actions={
          firmFilter ? (
            <Link to="/gov/visits" className="text-sm font-medium text-brand-700 hover:underline">
              {t("gov.visits.allFirms")}
            </Link>
          ) : undefined
        }
      >
        {visits.length === 0 ? (
          <EmptyState
            title={t("gov.visits.empty")}
            hint={role === "GOV_OFFICE" ? t("gov.visits.emptyHint") : undefined}
          />
        ) : (
          <ol className="flex flex-col gap-3 text-sm">
            {visits.map((visit) => (
              <li key={visit.id} className="rounded-md bg-slate-50 p-3">
                <p className="flex flex-wrap items-center gap-x-2 font-medium">
                  <span>{formatDate(visit.visitedOn, locale)}</span>
                  <Link to={`/gov/firms/${visit.enterprise.id}`} className="text-brand-700 hover:underline">
                    {visit.enterprise.name}
                  </Link>
                  {visit.enterprise.invitations[0] && (
                    <Link
                      to={`/gov/invitations/${visit.enterprise.invitations[0].id}`}
                      className="text-xs font-normal text-brand-700 hover:underline"
                    >
                      {t("outreach.invitations.cameThrough")}
                    </Link>
                  )}
                  <span className="font-normal text-slate-600">
                    {visit.user.displayName} ·{" "}
                    {locale === "zh-CN" ? visit.subDistrict.name : visit.subDistrict.nameEn}
                  </span>
                </p>
                <p className="mt-1 whitespace-pre-line">{visit.findings}</p>
                {visit.needYuan !== null && (
                  <p className="mt-1 text-slate-600">
                    {t("gov.visits.need")}: {formatYuanAsWan(visit.needYuan, locale)}
                  </p>
                )}
                {visit.nextStep && (
                  <p className="mt-1 text-slate-600">
                    {t("gov.visits.nextStep")}: {visit.nextStep}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
      </Card>
    </div>
  );
}
