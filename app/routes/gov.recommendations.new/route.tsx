import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { MoneyField, PostForm, SelectField, TextareaField } from "~/components/form-kit";
import { GovNav } from "~/components/gov-nav";
import { Card, EmptyState, PageHeader, SubmitButton } from "~/components/ui";
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
  return (
    <div>
      <GovNav role={role} />
      <PageHeader title={t("gov.recommendations.newTitle")} description={t("gov.recommendations.newIntro")} />
      <Card className="max-w-2xl">
        {firms.length === 0 ? (
          <EmptyState title={t("gov.visits.noFirms")} />
        ) : (
          <PostForm
            result={actionData}
            defaults={{ enterpriseId: params.get("firm") }}
            alert={false}
            className="flex flex-col gap-4"
          >
            <SelectField
              name="enterpriseId"
              label={t("gov.recommendations.firm")}
              hint={t("gov.recommendations.firmHint")}
              placeholder={t("gov.visits.chooseFirm")}
              options={firms.map((firm) => ({
                value: firm.id,
                disabled: firm.onDishonestyList,
                label: firm.onDishonestyList
                  ? t("gov.recommendations.dishonestOption", { name: firm.name })
                  : firm.name,
              }))}
              required
            />
            <TextareaField
              name="reason"
              label={t("gov.recommendations.reason")}
              rows={4}
              maxLength={1000}
              required
            />
            <MoneyField
              name="amount"
              label={t("gov.recommendations.amountWan")}
              hint={t("gov.recommendations.amountHint")}
            />
            <div>
              <SubmitButton pendingLabel={t("common.actions.submitting")}>
                {t("gov.recommendations.submit")}
              </SubmitButton>
            </div>
          </PostForm>
        )}
      </Card>
    </div>
  );
}
