import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { withClientIp } from "~/client-ip.server";
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
import { formatDay } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { addCalendarOverride, listCalendarOverrides, removeCalendarOverride } from "~/models/admin.server";
import { day, optionalText } from "~/utils/form-schema";
import { denial, requireBureauUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const KINDS = ["HOLIDAY", "WORKDAY"] as const;
const addSchema = z.object({ date: day(), kind: z.enum(KINDS), note: optionalText(100) });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { role: actor.role, overrides: await listCalendarOverrides() };
}

type Failure = { errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "add") {
    const parsed = parseForm(addSchema, form);
    if (!parsed.ok) return badRequest<Failure>({ errors: parsed.errors, values: parsed.values });
    const result = await addCalendarOverride(actor, parsed.data);
    if (!result.ok) {
      if ("error" in result) throw denial(request);
      return badRequest<Failure>({
        errors: { [result.field]: { key: result.key } },
        values: formDataToObject(form),
      });
    }
  } else if (intent === "remove") {
    const id = String(form.get("id") ?? "");
    const result = /^[a-z0-9]{8,40}$/.test(id)
      ? await removeCalendarOverride(actor, id)
      : { ok: false as const };
    if (!result.ok) throw denial(request);
  } else {
    return badRequest<Failure>({ errors: { _form: { key: "common.validation.invalidChoice" } }, values: {} });
  }
  return redirectWithFlash("/gov/admin/calendar", { kind: "success", key: "gov.admin.flash.saved" });
}

export default function AdminCalendar() {
  const { role, overrides } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors = actionData?.errors ?? {};
  const value = (name: string, fallback = "") =>
    typeof actionData?.values[name] === "string" ? (actionData.values[name] as string) : fallback;
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <AdminNav />
      <PageHeader title={t("gov.admin.calendar.title")} description={t("gov.admin.calendar.intro")} />
      {errors._form && (
        <p role="alert" className="text-sm text-red-700">
          {td(errors._form.key)}
        </p>
      )}
      <Card title={t("gov.admin.calendar.add")}>
        <Form method="post" className="grid gap-3 sm:grid-cols-4 sm:items-end" noValidate>
          <Field id="date" label={t("gov.admin.calendar.date")} error={errors.date}>
            <input
              {...fieldAria("date", errors.date)}
              type="date"
              name="date"
              defaultValue={value("date")}
              className={inputClass}
            />
          </Field>
          <Field id="kind" label={t("gov.admin.calendar.kind")} error={errors.kind}>
            <select
              {...fieldAria("kind", errors.kind)}
              name="kind"
              defaultValue={value("kind", "HOLIDAY")}
              className={inputClass}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {td(`gov.admin.calendar.kinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="note" label={t("gov.admin.calendar.note")} error={errors.note}>
            <input
              {...fieldAria("note", errors.note)}
              name="note"
              maxLength={100}
              defaultValue={value("note")}
              className={inputClass}
            />
          </Field>
          <SubmitButton name="intent" value="add">
            {t("gov.admin.calendar.addButton")}
          </SubmitButton>
        </Form>
      </Card>
      <Card title={t("gov.admin.calendar.list")}>
        {overrides.length === 0 ? (
          <EmptyState title={t("gov.admin.calendar.empty")} hint={t("gov.admin.calendar.emptyHint")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {overrides.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="w-36">{formatDay(o.date, locale)}</span>
                  <Badge tone={o.kind === "HOLIDAY" ? "amber" : "blue"}>
                    {td(`gov.admin.calendar.kinds.${o.kind}`)}
                  </Badge>
                  <span className="text-slate-600">{o.note}</span>
                </span>
                <Form method="post">
                  <input type="hidden" name="id" value={o.id} />
                  <SubmitButton
                    name="intent"
                    value="remove"
                    variant="ghost"
                    aria-label={t("gov.admin.calendar.removeLabel", { date: o.date })}
                  >
                    {t("gov.admin.calendar.remove")}
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
