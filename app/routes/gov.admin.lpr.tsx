import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { withClientIp } from "~/client-ip.server";
import { AdminNav, GovNav } from "~/components/gov-nav";
import { Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { bpToPercentInput, formatBp, parsePercentToBp } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { addLprRate, correctLprRate, listLprRates } from "~/models/admin.server";
import { day } from "~/models/gov-form";
import { denial, requireBureauUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

/** An LPR in %: 0.01–20.00 → bp. */
const rate = z.string({ required_error: "common.validation.required" }).transform((value, ctx) => {
  const bp = parsePercentToBp(value, { maxBp: 2000 });
  if (bp === null || bp <= 0) {
    ctx.addIssue({ code: "custom", message: "gov.admin.errors.rate" });
    return z.NEVER;
  }
  return bp;
});
const addSchema = z.object({ effectiveOn: day(), rate });
const correctSchema = z.object({ id: z.string().regex(/^[a-z0-9]{8,40}$/), rate });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { role: actor.role, rates: await listLprRates() };
}

type Failure = {
  intent: string;
  rowId?: string;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const rowId = String(form.get("id") ?? "");
  if (intent === "add") {
    const parsed = parseForm(addSchema, form);
    if (!parsed.ok) return badRequest<Failure>({ intent, errors: parsed.errors, values: parsed.values });
    const result = await addLprRate(actor, {
      effectiveOn: parsed.data.effectiveOn,
      rateBp: parsed.data.rate,
    });
    if (!result.ok) {
      if ("error" in result) throw denial(request);
      return badRequest<Failure>({
        intent,
        errors: { [result.field]: { key: result.key } },
        values: formDataToObject(form),
      });
    }
  } else if (intent === "correct") {
    const parsed = parseForm(correctSchema, form);
    if (!parsed.ok)
      return badRequest<Failure>({ intent, rowId, errors: parsed.errors, values: parsed.values });
    const result = await correctLprRate(actor, parsed.data.id, parsed.data.rate);
    if (!result.ok) throw denial(request);
  } else {
    return badRequest<Failure>({
      intent,
      errors: { _form: { key: "common.validation.invalidChoice" } },
      values: {},
    });
  }
  return redirectWithFlash("/gov/admin/lpr", { kind: "success", key: "gov.admin.flash.saved" });
}

export default function AdminLpr() {
  const { role, rates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const addErrors = actionData?.intent === "add" ? actionData.errors : {};
  const addValue = (name: string) =>
    actionData?.intent === "add" && typeof actionData.values[name] === "string"
      ? (actionData.values[name] as string)
      : "";
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <AdminNav />
      <PageHeader title={t("gov.admin.lpr.title")} description={t("gov.admin.lpr.intro")} />
      {actionData?.errors._form && (
        <p role="alert" className="text-sm text-red-700">
          {td(actionData.errors._form.key)}
        </p>
      )}
      <Card title={t("gov.admin.lpr.add")}>
        <Form method="post" className="grid gap-3 sm:grid-cols-3 sm:items-end" noValidate>
          <Field id="effectiveOn" label={t("gov.admin.lpr.effectiveOn")} error={addErrors.effectiveOn}>
            <input
              {...fieldAria("effectiveOn", addErrors.effectiveOn)}
              type="date"
              name="effectiveOn"
              defaultValue={addValue("effectiveOn")}
              className={inputClass}
            />
          </Field>
          <Field id="rate" label={t("gov.admin.lpr.rate")} error={addErrors.rate}>
            <input
              {...fieldAria("rate", addErrors.rate)}
              name="rate"
              inputMode="decimal"
              defaultValue={addValue("rate")}
              className={inputClass}
            />
          </Field>
          <SubmitButton name="intent" value="add">
            {t("gov.admin.lpr.addButton")}
          </SubmitButton>
        </Form>
      </Card>
      <Card title={t("gov.admin.lpr.history")}>
        <ul className="divide-y divide-slate-100">
          {rates.map((r) => {
            const errors =
              actionData?.intent === "correct" && actionData.rowId === r.id ? actionData.errors : {};
            return (
              <li key={r.id} className="py-2">
                <Form method="post" className="flex flex-wrap items-end gap-3">
                  <input type="hidden" name="id" value={r.id} />
                  <span className="w-40 text-sm">{formatDate(r.effectiveOn, locale)}</span>
                  <span className="w-20 text-sm tabular-nums">{formatBp(r.rateBp)}</span>
                  <div className="w-32">
                    <Field id={`rate-${r.id}`} label={t("gov.admin.lpr.correctTo")} error={errors.rate}>
                      <input
                        {...fieldAria(`rate-${r.id}`, errors.rate)}
                        name="rate"
                        inputMode="decimal"
                        defaultValue={bpToPercentInput(r.rateBp)}
                        className={inputClass}
                      />
                    </Field>
                  </div>
                  <SubmitButton name="intent" value="correct" variant="secondary">
                    {t("gov.admin.lpr.correct")}
                  </SubmitButton>
                </Form>
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}
