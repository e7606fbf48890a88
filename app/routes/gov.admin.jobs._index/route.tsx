import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { AdminNav } from "~/components/gov-nav";
import { JobDuration, JobStatus, RunNowForm, useJobName } from "~/components/job-runs";
import { PageHeader } from "~/components/ui";
import { clientIpOf } from "~/client-ip.server";
import { formatDateTime } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { getLocale } from "~/i18n/locale.server";
import { hasMessage, translate } from "~/i18n/translate";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listJobs, runJobNow } from "~/jobs/admin.server";
import { requireBureauUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { runSchema } from "./schema.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { ...(await listJobs(actor)) };
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
  const locale = useLocale();
  const jobName = useJobName();
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
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("jobs.table")}</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              {(["job", "schedule", "nextRun", "lastRun", "items", "errors", "actions"] as const).map(
                (column) => (
                  <th key={column} scope="col" className="px-4 py-3 font-medium whitespace-nowrap">
                    {t(`jobs.columns.${column}`)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {jobs.map((job) => (
              <tr key={job.name} className="align-top">
                <th scope="row" className="px-4 py-3 text-left font-medium">
                  <Link to={`/gov/admin/jobs/${job.name}`} className="text-brand-700 hover:underline">
                    {jobName(job.name)}
                  </Link>
                  <p className="font-mono text-xs font-normal text-slate-500">{job.name}</p>
                  {hasMessage(locale, `jobs.descriptions.${job.name}`) && (
                    <p className="mt-1 max-w-xs text-xs font-normal text-slate-600">
                      {td(`jobs.descriptions.${job.name}`)}
                    </p>
                  )}
                </th>
                <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">{job.schedule}</td>
                <td className="px-4 py-3 whitespace-nowrap">
                  {job.nextRunAt ? formatDateTime(job.nextRunAt, locale) : ""}
                </td>
                <td className="px-4 py-3">
                  {job.runningOn ? (
                    <span className="text-brand-700">{t("jobs.runningOn", { host: job.runningOn })}</span>
                  ) : job.lastRun ? (
                    <div className="flex flex-col items-start gap-1">
                      <JobStatus status={job.lastRun.status} />
                      <span className="text-xs whitespace-nowrap text-slate-600">
                        {formatDateTime(job.lastRun.startedAt, locale)} ·{" "}
                        <JobDuration startedAt={job.lastRun.startedAt} finishedAt={job.lastRun.finishedAt} />
                      </span>
                      {job.lastRun.errorSample[0] && (
                        <span className="max-w-xs text-xs break-words text-red-800">
                          {job.lastRun.errorSample[0]}
                        </span>
                      )}
                    </div>
                  ) : (
                    <span className="text-slate-500">{t("jobs.never")}</span>
                  )}
                </td>
                <td className="px-4 py-3 tabular-nums">{job.lastRun?.items ?? ""}</td>
                <td className="px-4 py-3 tabular-nums">{job.lastRun?.errors ?? ""}</td>
                <td className="px-4 py-3">
                  <RunNowForm name={job.name} disabled={Boolean(job.runningOn)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
