import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { FirmPicker } from "~/components/firm-picker";
import { withPickedFirm } from "~/components/firm-picker.server";
import { MoneyField, PostForm, TextareaField } from "~/components/form-kit";
import { GovNav } from "~/components/gov-nav";
import { Card, EmptyState, PageHeader, SubmitButton } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { firmPickerStart } from "~/models/gov-firms.server";
import { recommendFirm } from "~/models/recommendation.server";
import { denial, requireOfficeUser } from "~/permissions.server";
import { parseId } from "~/domain/list-query";
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
  const firmId = parseId(new URL(request.url).searchParams.get("firm"));
  return { role: actor.role, ...(await firmPickerStart(actor, firmId)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireOfficeUser(request);
  const form = await withPickedFirm(actor, await readForm(request));
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
  const { role, hasFirms, chosenFirm } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div>
      <GovNav role={role} />
      <PageHeader title={t("gov.recommendations.newTitle")} description={t("gov.recommendations.newIntro")} />
      <Card className="max-w-2xl">
        {!hasFirms ? (
          <EmptyState title={t("gov.visits.noFirms")} />
        ) : (
          <PostForm result={actionData} alert={false} className="flex flex-col gap-4">
            <FirmPicker
              name="enterpriseId"
              label={t("gov.recommendations.firm")}
              hint={t("gov.recommendations.firmHint")}
              initial={chosenFirm}
              unavailable={(firm) => (firm.onDishonestyList ? t("gov.recommendations.dishonest") : null)}
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
