import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { GovNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { recordTraining } from "~/models/training.server";
import { requireBureauUser, requireGovUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, formReused } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { trainingPage } from "./queries.server";
import { trainingSchema } from "./schema.server";
import { SessionsList } from "./sessions-list";
import { TrainingForm } from "./training-form";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  return {
    role: actor.role,
    ...(await trainingPage(actor, new URL(request.url).searchParams)),
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
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader title={t("outreach.training.title")} description={t("outreach.training.intro")} />
      {role === "GOV_BUREAU" && (
        <TrainingForm
          banks={banks}
          subDistricts={subDistricts}
          today={today}
          formKey={formKey}
          result={actionData}
        />
      )}
      <SessionsList role={role} sessions={sessions} page={page} total={total} />
    </div>
  );
}
