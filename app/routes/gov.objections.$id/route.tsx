import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { FormAlert } from "~/components/form-kit";
import { GovNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { parseId } from "~/domain/list-query";
import { calendarDaysBetween } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { answerObjection, getObjection } from "~/models/objection-review.server";
import { denial, requireBureauUser } from "~/permissions.server";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { AnswerForms } from "./answer-forms";
import { ObjectionFacts } from "./objection-facts";
import { parseAnswer, type Failure } from "./queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  const objection = id ? await getObjection(actor, id) : null;
  if (!objection) notFound();
  const now = new Date();
  return {
    role: actor.role,
    objection,
    daysLeft: calendarDaysBetween(now, objection.dueAt),
    overdue: objection.dueAt < now,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  if (!id) throw denial(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const parsed = parseAnswer(intent, form);
  if (!parsed.ok) return badRequest<Failure>(parsed.failure);
  const { answer } = parsed;
  const result = await answerObjection(actor, id, answer);
  if (result.ok)
    return redirectWithFlash("/gov/objections", { kind: "success", key: `gov.objections.flash.${intent}` });
  if (result.error === "NOT_FOUND") throw denial(request);
  return badRequest<Failure>({
    intent,
    errors: { _form: { key: "gov.errors.changed" } },
    values: { responseText: answer.responseText },
  });
}

export default function GovObjection() {
  const { role, objection: o, daysLeft, overdue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={t("gov.objections.detailTitle", { name: o.enterprise.name })}
        description={o.enterprise.uscc}
        actions={
          <Link to="/gov/objections" className="text-sm font-medium text-brand-700 hover:underline">
            {t("gov.objections.backToList")}
          </Link>
        }
      />
      <FormAlert error={actionData?.errors._form} />
      <ObjectionFacts objection={o} daysLeft={daysLeft} overdue={overdue} />
      {o.status === "OPEN" && <AnswerForms result={actionData} />}
    </div>
  );
}
