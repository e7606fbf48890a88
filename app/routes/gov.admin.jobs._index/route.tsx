import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { AdminNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { clientIpOf } from "~/client-ip.server";
import { redirectWithFlash } from "~/flash.server";
import { getLocale } from "~/i18n/locale.server";
import { hasMessage, translate } from "~/i18n/translate";
import { useT, useTDynamic } from "~/i18n/use-t";
import { listJobs, runJobNow } from "~/jobs/admin.server";
import { requireBureauUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { JobsTable } from "./jobs-table";
import { runSchema } from "./schema.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return listJobs(actor);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireBureauUser(request);
  // the form has nothing to type: anything else did not come from it
  const invalid = () =>
    badRequest({ errors: { _form: { key: "common.validation.invalidChoice" } } as FieldErrors });
  const parsed = parseForm(runSchema(), await readForm(request));
  if (!parsed.ok) return invalid();
  const { job } = parsed.data;
  const result = await runJobNow(actor, job, clientIpOf(context));
  if (!result.ok && result.error === "NOT_FOUND") return invalid();
  const locale = await getLocale(request);
  const params = {
    job: hasMessage(locale, `jobs.names.${job}`) ? translate(locale, `jobs.names.${job}`) : job,
  };
  return redirectWithFlash(
    `/gov/admin/jobs/${encodeURIComponent(job)}`,
    result.ok
      ? { kind: "success", key: "jobs.flash.started", params }
      : { kind: "info", key: "jobs.flash.busy", params },
  );
}

export default function AdminJobs() {
  const { schedulerOn, jobs } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const formError = useActionData<typeof action>()?.errors._form;
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <PageHeader title={t("jobs.title")} description={t("jobs.intro")} />
      <p
        role="status"
        className={
          schedulerOn
            ? "rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200"
            : "rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
        }
      >
        {schedulerOn ? t("jobs.schedulerOn") : t("jobs.schedulerOff")}
      </p>
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {td(formError.key)}
        </p>
      )}
      <JobsTable jobs={jobs} />
    </div>
  );
}
