import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { withClientIp } from "~/client-ip.server";
import { GovNav } from "~/components/gov-nav";
import { Pagination } from "~/components/pagination";
import { Card, EmptyState, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { TRAINING_AUDIENCES } from "~/domain/outreach";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listActiveOrganisations } from "~/models/admin.server";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { day, optionalText, text } from "~/utils/form-schema";
import { PAGE_SIZE, parseId, parsePage } from "~/domain/list-query";
import { listTrainings, recordTraining } from "~/models/training.server";
import { requireBureauUser, requireGovUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, formReused } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const optionalId = () =>
  z
    .string()
    .optional()
    .transform((value) => (value ? (parseId(value) ?? "invalid") : null))
    .refine((value) => value !== "invalid", "common.validation.invalidChoice");

const trainingSchema = () =>
  z.object({
    heldOn: day({ notAfter: shanghaiDate(new Date()) }),
    topic: text(100),
    audienceRole: z.enum(TRAINING_AUDIENCES),
    bankId: optionalId(),
    subDistrictId: optionalId(),
    organisation: optionalText(100),
    attendees: z
      .string({ required_error: "common.validation.required" })
      .trim()
      .regex(/^\d{1,6}$/, "outreach.training.errors.attendees")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 100_000, "outreach.training.errors.attendees"),
    materialsUrl: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .transform((value) => value || null)
      .refine(
        (value) => value === null || /^https?:\/\/[^\s]+$/i.test(value),
        "outreach.training.errors.url",
      ),
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const [list, choices] = await Promise.all([
    listTrainings(actor, { page, pageSize: PAGE_SIZE }),
    actor.role === "GOV_BUREAU"
      ? listActiveOrganisations()
      : Promise.resolve({ banks: [], subDistricts: [] }),
  ]);
  return {
    role: actor.role,
    page,
    ...list,
    ...choices,
    today: shanghaiDate(new Date()),
    formKey: newFormKey(),
  };
}

const ERROR_FIELDS = { BANK_REQUIRED: "bankId", OFFICE_REQUIRED: "subDistrictId" } as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const parsed = parseForm(trainingSchema(), form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const recorded = await recordTraining(actor, parsed.data, formKeyOf(form));
  if (!recorded.ok) {
    if (recorded.error === "KEY_TAKEN") return formReused();
    const field = ERROR_FIELDS[recorded.error];
    return badRequest({
      errors: { [field]: { key: `outreach.training.errors.${field}` } } as FieldErrors,
      values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).slice(0, 200)])),
    });
  }
  return redirectWithFlash("/gov/training", { kind: "success", key: "outreach.training.flash.recorded" });
}

export default function GovTraining() {
  const { role, page, total, sessions, banks, subDistricts, today, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors: FieldErrors = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const name = (org: { name: string; nameEn: string } | null) =>
    org ? (locale === "en" ? org.nameEn : org.name) : "";
  const select = (
    field: string,
    label: string,
    options: { id: string; name: string; nameEn: string }[],
    hint: string,
  ) => (
    <Field id={field} label={label} error={errors[field]} hint={hint}>
      <select
        {...fieldAria(field, errors[field], true)}
        name={field}
        defaultValue={values[field] ?? ""}
        className={inputClass}
      >
        <option value="">{t("outreach.training.none")}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {name(option)}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader title={t("outreach.training.title")} description={t("outreach.training.intro")} />
      {role === "GOV_BUREAU" && (
        <Card title={t("outreach.training.new")}>
          <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
            <input type="hidden" name="formKey" value={formKey} />
            <Field id="heldOn" label={t("outreach.training.heldOn")} error={errors.heldOn}>
              <input
                {...fieldAria("heldOn", errors.heldOn)}
                type="date"
                name="heldOn"
                max={today}
                defaultValue={values.heldOn ?? today}
                className={inputClass}
              />
            </Field>
            <Field id="topic" label={t("outreach.training.topic")} error={errors.topic}>
              <input
                {...fieldAria("topic", errors.topic)}
                name="topic"
                maxLength={100}
                defaultValue={values.topic ?? ""}
                className={inputClass}
              />
            </Field>
            <Field id="audienceRole" label={t("outreach.training.audience")} error={errors.audienceRole}>
              <select
                {...fieldAria("audienceRole", errors.audienceRole)}
                name="audienceRole"
                defaultValue={values.audienceRole ?? "BANK"}
                className={inputClass}
              >
                {TRAINING_AUDIENCES.map((audience) => (
                  <option key={audience} value={audience}>
                    {td(`common.roles.${audience}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="attendees" label={t("outreach.training.attendees")} error={errors.attendees}>
              <input
                {...fieldAria("attendees", errors.attendees)}
                name="attendees"
                inputMode="numeric"
                maxLength={6}
                defaultValue={values.attendees ?? ""}
                className={inputClass}
              />
            </Field>
            {select("bankId", t("outreach.training.bank"), banks, t("outreach.training.bankHint"))}
            {select(
              "subDistrictId",
              t("outreach.training.office"),
              subDistricts,
              t("outreach.training.officeHint"),
            )}
            <Field
              id="organisation"
              label={t("outreach.training.organisation")}
              error={errors.organisation}
              hint={t("outreach.training.organisationHint")}
            >
              <input
                {...fieldAria("organisation", errors.organisation, true)}
                name="organisation"
                maxLength={100}
                defaultValue={values.organisation ?? ""}
                className={inputClass}
              />
            </Field>
            <Field id="materialsUrl" label={t("outreach.training.materials")} error={errors.materialsUrl}>
              <input
                {...fieldAria("materialsUrl", errors.materialsUrl)}
                name="materialsUrl"
                type="url"
                placeholder="https://"
                maxLength={2000}
                defaultValue={values.materialsUrl ?? ""}
                className={inputClass}
              />
            </Field>
            <div className="sm:col-span-2">
              <SubmitButton pendingLabel={t("common.actions.saving")}>
                {t("outreach.training.save")}
              </SubmitButton>
            </div>
          </Form>
        </Card>
      )}
      <Card title={t("outreach.training.list")}>
        {sessions.length === 0 ? (
          <EmptyState
            title={t("outreach.training.empty")}
            hint={role === "GOV_BUREAU" ? t("outreach.training.emptyHint") : undefined}
          />
        ) : (
          <ul className="divide-y divide-slate-200 text-sm">
            {sessions.map((session) => (
              <li key={session.id} className="flex flex-wrap justify-between gap-2 py-3">
                <div>
                  <p className="font-medium">{session.topic}</p>
                  <p className="text-slate-600">
                    {td(`common.roles.${session.audienceRole}`)} ·{" "}
                    {name(session.bank) || name(session.subDistrict) || session.organisation}
                    {session.organisation && (session.bank || session.subDistrict)
                      ? ` · ${session.organisation}`
                      : ""}
                  </p>
                </div>
                <div className="text-right text-slate-600">
                  <p>{formatDate(session.heldOn, locale)}</p>
                  <p>{t("outreach.training.people", { count: session.attendees })}</p>
                  {session.materialsUrl && (
                    <a
                      href={session.materialsUrl}
                      rel="noopener noreferrer nofollow"
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {t("outreach.training.materialsLink")}
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
      </Card>
    </div>
  );
}
