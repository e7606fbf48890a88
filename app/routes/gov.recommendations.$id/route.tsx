import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { FormAlert } from "~/components/form-kit";
import { GovNav } from "~/components/gov-nav";
import { PageHeader, SubmitButton } from "~/components/ui";
import { parseId } from "~/domain/list-query";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import type { OfficeActor } from "~/models/actor";
import {
  acceptRequest,
  declineRequest,
  getRecommendation,
  withdrawRecommendation,
  type ActResult,
} from "~/models/recommendation.server";
import { denial, requireGovUser, requireOfficeUser } from "~/permissions.server";
import { formDataToObject, parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { RecommendationCard } from "./recommendation-card";
import { RequestForms, type Failure } from "./request-forms";
import { acceptSchema, declineSchema } from "./schema.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const id = parseId(params.id);
  const recommendation = id ? await getRecommendation(actor, id) : null;
  if (!recommendation) notFound();
  return { role: actor.role, recommendation };
}
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
  const parsed = parseForm(acceptSchema(), form);
  if (!parsed.ok)
    return badRequest<Failure>({ intent: "accept", errors: parsed.errors, values: parsed.values });
  const result = await acceptRequest(actor, id, {
    reason: parsed.data.reason,
    suggestedAmountYuan: parsed.data.amount,
  });
  return respond(request, id, result, "gov.recommendations.flash.accepted", form, "accept");
}

async function decline(request: Request, actor: OfficeActor, id: string, form: FormData) {
  const parsed = parseForm(declineSchema(), form);
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

export default function GovRecommendation() {
  const { role, recommendation: r } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const failed = actionData && "intent" in actionData ? actionData : null;
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
      <FormAlert error={failed?.errors._form} />
      <RecommendationCard r={r} />
      {office && r.status === "REQUESTED" && <RequestForms r={r} failed={failed} />}
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
