import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { Card, EmptyState, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { listFirmChoices } from "~/models/gov-firms.server";
import { recommendFirm } from "~/models/recommendation.server";
import { denial, requireOfficeUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { recommendSchema } from "./schema.server";

const ERROR_KEYS = {
  DISHONEST: "gov.recommendations.errors.dishonest",
  WHITELISTED: "gov.recommendations.errors.whitelisted",
  ALREADY_OPEN: "gov.recommendations.errors.alreadyOpen",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireOfficeUser(request);
  return { role: actor.role, firms: await listFirmChoices(actor) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireOfficeUser(request);
  const form = await readForm(request);
  const parsed = parseForm(recommendSchema(), form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const { enterpriseId, reason, amount } = parsed.data;
  const result = await recommendFirm(actor, { enterpriseId, reason, suggestedAmountYuan: amount });
  if (!result.ok) {
    if (result.error === "NOT_FOUND") throw denial(request);
    const errors: FieldErrors = { enterpriseId: { key: ERROR_KEYS[result.error] } };
    return badRequest({ errors, values: formDataToObject(form) });
  }
  return redirectWithFlash(`/gov/recommendations/${result.id}`, {
    kind: "success",
    key: "gov.recommendations.flash.recommended",
  });
}

export default function NewRecommendation() {
  const { role, firms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const errors = actionData?.errors ?? {};
  const values: Record<string, string | string[]> = actionData?.values ?? {};
  const value = (name: string, fallback = "") =>
    typeof values[name] === "string" ? (values[name] as string) : fallback;
  return (
    <div>
      <GovNav role={role} />
      <PageHeader title={t("gov.recommendations.newTitle")} description={t("gov.recommendations.newIntro")} />
      <Card className="max-w-2xl">
        {firms.length === 0 ? (
          <EmptyState title={t("gov.visits.noFirms")} />
        ) : (
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <Field
              id="enterpriseId"
              label={t("gov.recommendations.firm")}
              error={errors.enterpriseId}
              hint={t("gov.recommendations.firmHint")}
            >
              <select
                {...fieldAria("enterpriseId", errors.enterpriseId, true)}
                name="enterpriseId"
                defaultValue={value("enterpriseId", params.get("firm") ?? "")}
                className={inputClass}
                required
              >
                <option value="">{t("gov.visits.chooseFirm")}</option>
                {firms.map((firm) => (
                  <option key={firm.id} value={firm.id} disabled={firm.onDishonestyList}>
                    {firm.onDishonestyList
                      ? t("gov.recommendations.dishonestOption", { name: firm.name })
                      : firm.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="reason" label={t("gov.recommendations.reason")} error={errors.reason}>
              <textarea
                {...fieldAria("reason", errors.reason)}
                name="reason"
                rows={4}
                maxLength={1000}
                defaultValue={value("reason")}
                className={inputClass}
                required
              />
            </Field>
            <Field
              id="amount"
              label={t("gov.recommendations.amountWan")}
              error={errors.amount}
              hint={t("gov.recommendations.amountHint")}
            >
              <input
                {...fieldAria("amount", errors.amount, true)}
                name="amount"
                inputMode="decimal"
                defaultValue={value("amount")}
                className={inputClass}
              />
            </Field>
            <div>
              <SubmitButton pendingLabel={t("common.actions.submitting")}>
                {t("gov.recommendations.submit")}
              </SubmitButton>
            </div>
          </Form>
        )}
      </Card>
    </div>
  );
}
