import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { AdminNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { addCalendarOverride, listCalendarOverrides, removeCalendarOverride } from "~/models/admin.server";
import { denial, requireBureauUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { AddOverrideCard, OverridesCard } from "./calendar-cards";
import { addSchema } from "./schema.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauUser(request);
  return { overrides: await listCalendarOverrides() };
}

type Failure = { errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "add") {
    const parsed = parseForm(addSchema(), form);
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
  const { overrides } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const errors = actionData?.errors ?? {};
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <PageHeader title={t("gov.admin.calendar.title")} description={t("gov.admin.calendar.intro")} />
      {errors._form && (
        <p role="alert" className="text-sm text-red-700">
          {td(errors._form.key)}
        </p>
      )}
      <AddOverrideCard result={actionData} />
      <OverridesCard overrides={overrides} />
    </div>
  );
}
