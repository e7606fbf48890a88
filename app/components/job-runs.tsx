import { Form } from "@remix-run/react";

import { formatDateTime } from "~/domain/format-date";
import { hasMessage } from "~/i18n/translate";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import { DataTable, type Column } from "./list-kit";
import { Badge, SubmitButton } from "./ui";

const STATUS_TONES = {
  RUNNING: "blue",
  SUCCEEDED: "green",
  PARTIAL: "amber",
  FAILED: "red",
  INTERRUPTED: "amber",
} as const;

export function JobStatus({ status }: { status: string }) {
  const td = useTDynamic();
  const tone = STATUS_TONES[status as keyof typeof STATUS_TONES] ?? "gray";
  return <Badge tone={tone}>{td(`jobs.statuses.${status}`)}</Badge>;
}

/** A job's name in the reader's language (the code when the catalogue has none). */
export function useJobName() {
  const locale = useLocale();
  const td = useTDynamic();
  return (name: string) => (hasMessage(locale, `jobs.names.${name}`) ? td(`jobs.names.${name}`) : name);
}

export function JobDuration({ startedAt, finishedAt }: { startedAt: string; finishedAt: string | null }) {
  const t = useT();
  if (!finishedAt) return null;
  const seconds = Math.max(0, Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 1000));
  return (
    <>
      {seconds < 60
        ? t("jobs.seconds", { n: seconds })
        : t("jobs.minutes", { m: Math.floor(seconds / 60), s: seconds % 60 })}
    </>
  );
}

export type JobRunView = {
  id: string;
  trigger: string;
  triggeredBy: string | null;
  host: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  items: number;
  errors: number;
  errorSample: string[];
  summary: Record<string, number>;
};

/** The runs of one job, newest first, with their counts and the first failures. */
export function JobRunsTable({ runs }: { runs: JobRunView[] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const columns: Column<JobRunView>[] = [
    {
      key: "started",
      header: t("jobs.columns.started"),
      nowrap: true,
      cell: (run) => formatDateTime(run.startedAt, locale),
    },
    {
      key: "status",
      header: t("jobs.columns.status"),
      cell: (run) => (
        <>
          <JobStatus status={run.status} />
          {run.errorSample.length > 0 && (
            <details className="mt-2 max-w-md text-xs text-slate-700">
              <summary className="cursor-pointer">{t("jobs.errorSample")}</summary>
              <ul className="mt-1 list-disc pl-4 break-words">
                {run.errorSample.map((message, index) => (
                  <li key={index}>{message}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      ),
    },
    {
      key: "duration",
      header: t("jobs.columns.duration"),
      nowrap: true,
      cell: (run) => <JobDuration startedAt={run.startedAt} finishedAt={run.finishedAt} />,
    },
    { key: "items", header: t("jobs.columns.items"), className: "tabular-nums", cell: (run) => run.items },
    { key: "errors", header: t("jobs.columns.errors"), className: "tabular-nums", cell: (run) => run.errors },
    {
      key: "counts",
      header: t("jobs.columns.counts"),
      className: "text-xs text-slate-600",
      cell: (run) =>
        Object.entries(run.summary)
          .map(([key, n]) => `${key}: ${n}`)
          .join("; "),
    },
    {
      key: "trigger",
      header: t("jobs.columns.trigger"),
      nowrap: true,
      cell: (run) => (
        <>
          {td(`jobs.triggers.${run.trigger}`)}
          {run.triggeredBy && <p className="text-xs text-slate-500">{run.triggeredBy}</p>}
        </>
      ),
    },
    { key: "host", header: t("jobs.columns.host"), className: "font-mono text-xs", cell: (run) => run.host },
  ];
  // The page shows its own empty state and pagination around the table.
  return (
    <DataTable
      label={t("jobs.runsTable")}
      rows={runs}
      rowKey={(run) => run.id}
      columns={columns}
      rowClassName={() => "align-top"}
      empty={null}
    />
  );
}

/** "Run now": posts the job's name; the button shows it is starting. */
export function RunNowForm({ name, disabled }: { name: string; disabled?: boolean }) {
  const t = useT();
  const jobName = useJobName();
  return (
    <Form method="post" action="/gov/admin/jobs">
      <input type="hidden" name="job" value={name} />
      <SubmitButton
        name="intent"
        value="run"
        variant="secondary"
        disabled={disabled}
        pendingLabel={t("jobs.starting")}
        aria-label={t("jobs.runNowLabel", { job: jobName(name) })}
      >
        {t("jobs.runNow")}
      </SubmitButton>
    </Form>
  );
}
