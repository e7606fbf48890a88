import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { GovNav } from "~/components/gov-nav";
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
import { formatDate } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { getLocale } from "~/i18n/locale.server";
import { translate } from "~/i18n/translate";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { BureauActor } from "~/models/actor";
import { day, idList, text } from "~/utils/form-schema";
import {
  approveIntoBatch,
  listPendingReview,
  rejectRecommendations,
  nextBatchNumber,
} from "~/models/whitelist.server";
import { requireBureauUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const approveSchema = z
  .object({ ids: idList(), batchName: text(60), validFrom: day(), validUntil: day() })
  .refine((v) => v.validUntil >= v.validFrom, {
    path: ["validUntil"],
    message: "gov.review.errors.untilBeforeFrom",
  });
const rejectSchema = z.object({ ids: idList(), reason: text(500) });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const today = shanghaiDate(new Date());
  const [pending, next, locale] = await Promise.all([
    listPendingReview(actor),
    nextBatchNumber(),
    getLocale(request),
  ]);
  const batchName = translate(locale, "gov.review.batchNameDefault", next);
  return {
    role: actor.role,
    pending,
    defaults: { batchName, validFrom: today, validUntil: addDays(addDays(today, 365), -1) },
  };
}

type Failure = { errors: FieldErrors; values: Record<string, string | string[]> };

async function approve(actor: BureauActor, form: FormData) {
  const parsed = parseForm(approveSchema, form);
  if (!parsed.ok) return badRequest<Failure>({ errors: parsed.errors, values: parsed.values });
  const result = await approveIntoBatch(actor, parsed.data);
  if (!result.ok) {
    const errors: FieldErrors =
      result.error === "BATCH_NAME_TAKEN"
        ? { batchName: { key: "gov.review.errors.nameTaken" } }
        : { _form: { key: "gov.review.errors.nothingPending" } };
    return badRequest<Failure>({ errors, values: formDataToObject(form) });
  }
  return redirectWithFlash("/gov/whitelist", {
    kind: "success",
    key: result.skipped ? "gov.review.flash.approvedSome" : "gov.review.flash.approved",
    params: { count: result.approved, skipped: result.skipped },
  });
}

async function reject(actor: BureauActor, form: FormData) {
  const parsed = parseForm(rejectSchema, form);
  if (!parsed.ok) return badRequest<Failure>({ errors: parsed.errors, values: parsed.values });
  const { rejected } = await rejectRecommendations(actor, parsed.data);
  if (rejected === 0)
    return badRequest<Failure>({
      errors: { _form: { key: "gov.review.errors.nothingPending" } },
      values: formDataToObject(form),
    });
  return redirectWithFlash("/gov/review", {
    kind: "success",
    key: "gov.review.flash.rejected",
    params: { count: rejected },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireBureauUser(request);
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "approve":
      return approve(actor, form);
    case "reject":
      return reject(actor, form);
    default:
      return badRequest<Failure>({
        errors: { _form: { key: "common.validation.invalidChoice" } },
        values: {},
      });
  }
}

export default function GovReview() {
  const { role, pending, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const value = (name: string, fallback: string) =>
    typeof values[name] === "string" ? (values[name] as string) : fallback;
  const selected = new Set(
    Array.isArray(values.ids) ? values.ids : typeof values.ids === "string" ? [values.ids] : [],
  );
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader title={t("gov.review.title")} description={t("gov.review.intro")} />
      {errors._form && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(errors._form.key)}
        </p>
      )}
      {pending.length === 0 ? (
        <EmptyState
          title={t("gov.review.empty")}
          hint={t("gov.review.emptyHint")}
          action={
            <Link to="/gov/whitelist" className="text-sm font-medium text-brand-700 hover:underline">
              {t("gov.nav.whitelist")}
            </Link>
          }
        />
      ) : (
        <Form method="post" className="flex flex-col gap-6" noValidate>
          <fieldset
            className="min-w-0 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
            aria-describedby={errors.ids ? "ids-error" : undefined}
          >
            <legend className="sr-only">{t("gov.review.select")}</legend>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("gov.review.select")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("gov.recommendations.columns.firm")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("gov.recommendations.columns.office")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("gov.firms.columns.credit")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("gov.recommendations.columns.reason")}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-medium">
                    {t("gov.recommendations.columns.amount")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("gov.recommendations.columns.created")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {pending.map((r) => (
                  <tr key={r.id}>
                    <td className="px-4 py-3">
                      <input
                        type="checkbox"
                        name="ids"
                        value={r.id}
                        id={`pick-${r.id}`}
                        defaultChecked={selected.has(r.id)}
                        disabled={r.enterprise.onDishonestyList}
                        aria-label={t("gov.review.pick", { name: r.enterprise.name })}
                        className="size-4"
                      />
                    </td>
                    <td className="px-4 py-3">
                      <Link
                        to={`/gov/recommendations/${r.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {r.enterprise.name}
                      </Link>
                      <p className="font-mono text-xs text-slate-500">{r.enterprise.uscc}</p>
                    </td>
                    <td className="px-4 py-3">
                      {locale === "zh-CN" ? r.subDistrict.name : r.subDistrict.nameEn}
                    </td>
                    <td className="px-4 py-3">
                      <span className="flex flex-wrap gap-1">
                        <Badge>
                          {r.enterprise.taxGrade
                            ? t("gov.firm.taxShort", { grade: r.enterprise.taxGrade })
                            : t("gov.common.none")}
                        </Badge>
                        {r.enterprise.publicRating && (
                          <Badge>{t("gov.firm.ratingShort", { grade: r.enterprise.publicRating })}</Badge>
                        )}
                        {r.enterprise.onDishonestyList && (
                          <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>
                        )}
                        {r.enterprise.onRedList && <Badge tone="green">{t("gov.firm.redList")}</Badge>}
                      </span>
                    </td>
                    <td className="max-w-xs px-4 py-3">{r.reason}</td>
                    <td className="px-4 py-3 text-right tabular-nums">
                      {r.suggestedAmountYuan !== null
                        ? formatYuanAsWan(r.suggestedAmountYuan, locale)
                        : t("gov.common.none")}
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">{formatDate(r.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
          {errors.ids && (
            <p id="ids-error" role="alert" className="text-sm text-red-700">
              {td(errors.ids.key, errors.ids.params)}
            </p>
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title={t("gov.review.approveTitle")}>
              <div className="flex flex-col gap-4">
                <Field
                  id="batchName"
                  label={t("gov.review.batchName")}
                  error={errors.batchName}
                  hint={t("gov.review.batchNameHint")}
                >
                  <input
                    {...fieldAria("batchName", errors.batchName, true)}
                    name="batchName"
                    maxLength={60}
                    defaultValue={value("batchName", defaults.batchName)}
                    className={inputClass}
                  />
                </Field>
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field id="validFrom" label={t("gov.review.validFrom")} error={errors.validFrom}>
                    <input
                      {...fieldAria("validFrom", errors.validFrom)}
                      type="date"
                      name="validFrom"
                      defaultValue={value("validFrom", defaults.validFrom)}
                      className={inputClass}
                    />
                  </Field>
                  <Field id="validUntil" label={t("gov.review.validUntil")} error={errors.validUntil}>
                    <input
                      {...fieldAria("validUntil", errors.validUntil)}
                      type="date"
                      name="validUntil"
                      defaultValue={value("validUntil", defaults.validUntil)}
                      className={inputClass}
                    />
                  </Field>
                </div>
                <div>
                  <SubmitButton name="intent" value="approve" pendingLabel={t("common.actions.submitting")}>
                    {t("gov.review.approve")}
                  </SubmitButton>
                </div>
              </div>
            </Card>
            <Card title={t("gov.review.rejectTitle")}>
              <div className="flex flex-col gap-4">
                <Field id="reason" label={t("gov.review.rejectReason")} error={errors.reason}>
                  <textarea
                    {...fieldAria("reason", errors.reason)}
                    name="reason"
                    rows={3}
                    maxLength={500}
                    defaultValue={value("reason", "")}
                    className={inputClass}
                  />
                </Field>
                <div>
                  <SubmitButton
                    name="intent"
                    value="reject"
                    variant="danger"
                    pendingLabel={t("common.actions.submitting")}
                  >
                    {t("gov.review.reject")}
                  </SubmitButton>
                </div>
              </div>
            </Card>
          </div>
        </Form>
      )}
    </div>
  );
}
