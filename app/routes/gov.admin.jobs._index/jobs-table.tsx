import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { JobDuration, JobStatus, RunNowForm, useJobName } from "~/components/job-runs";
import { DataTable, type Column } from "~/components/list-kit";
import { formatDateTime } from "~/domain/format-date";
import { hasMessage } from "~/i18n/translate";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Job = SerializeFrom<typeof loader>["jobs"][number];

/** The scheduled jobs: name and what it does, schedule, next and last run, and a button to run it now. */
export function JobsTable({ jobs }: { jobs: readonly Job[] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const jobName = useJobName();
  const columns: Column<Job>[] = [
    {
      key: "job",
      header: t("jobs.columns.job"),
      cell: (job) => (
        <>
          <Link to={`/gov/admin/jobs/${job.name}`} className="text-brand-700 hover:underline">
            {jobName(job.name)}
          </Link>
          <p className="font-mono text-xs font-normal text-slate-500">{job.name}</p>
          {hasMessage(locale, `jobs.descriptions.${job.name}`) && (
            <p className="mt-1 max-w-xs text-xs font-normal text-slate-600">
              {td(`jobs.descriptions.${job.name}`)}
            </p>
          )}
        </>
      ),
    },
    {
      key: "schedule",
      header: t("jobs.columns.schedule"),
      nowrap: true,
      className: "font-mono text-xs",
      cell: (job) => job.schedule,
    },
    {
      key: "nextRun",
      header: t("jobs.columns.nextRun"),
      nowrap: true,
      cell: (job) => (job.nextRunAt ? formatDateTime(job.nextRunAt, locale) : ""),
    },
    {
      key: "lastRun",
      header: t("jobs.columns.lastRun"),
      cell: (job) =>
        job.runningOn ? (
          <span className="text-brand-700">{t("jobs.runningOn", { host: job.runningOn })}</span>
        ) : job.lastRun ? (
          <div className="flex flex-col items-start gap-1">
            <JobStatus status={job.lastRun.status} />
            <span className="text-xs whitespace-nowrap text-slate-600">
              {formatDateTime(job.lastRun.startedAt, locale)} ·{" "}
              <JobDuration startedAt={job.lastRun.startedAt} finishedAt={job.lastRun.finishedAt} />
            </span>
            {job.lastRun.errorSample[0] && (
              <span className="max-w-xs text-xs break-words text-red-800">{job.lastRun.errorSample[0]}</span>
            )}
          </div>
        ) : (
          <span className="text-slate-500">{t("jobs.never")}</span>
        ),
    },
    {
      key: "items",
      header: t("jobs.columns.items"),
      className: "tabular-nums",
      cell: (job) => job.lastRun?.items ?? "",
    },
    {
      key: "errors",
      header: t("jobs.columns.errors"),
      className: "tabular-nums",
      cell: (job) => job.lastRun?.errors ?? "",
    },
    {
      key: "actions",
      header: t("jobs.columns.actions"),
      cell: (job) => <RunNowForm name={job.name} disabled={Boolean(job.runningOn)} />,
    },
  ];
  return (
    <DataTable
      label={t("jobs.table")}
      rows={jobs}
      rowKey={(job) => job.name}
      columns={columns}
      rowHeader
      stickyFirst={false}
      rowClassName={() => "align-top"}
      empty={null}
    />
  );
}
