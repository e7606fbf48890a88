import { Form } from "@remix-run/react";

import { formatDateTime } from "~/domain/format-date";
import { hasMessage } from "~/i18n/translate";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

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
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("jobs.runsTable")}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {(["started", "status", "duration", "items", "errors", "counts", "trigger", "host"] as const).map(
              (column) => (
                <th key={column} scope="col" className="px-4 py-3 font-medium whitespace-nowrap">
                  {t(`jobs.columns.${column}`)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id} className="align-top">
              <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(run.startedAt, locale)}</td>
              <td className="px-4 py-3">
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
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <JobDuration startedAt={run.startedAt} finishedAt={run.finishedAt} />
              </td>
              <td className="px-4 py-3 tabular-nums">{run.items}</td>
              <td className="px-4 py-3 tabular-nums">{run.errors}</td>
              <td className="px-4 py-3 text-xs text-slate-600">
                {Object.entries(run.summary)
                  .map(([key, n]) => `${key}: ${n}`)
                  .join("; ")}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {td(`jobs.triggers.${run.trigger}`)}
                {run.triggeredBy && <p className="text-xs text-slate-500">{run.triggeredBy}</p>}
              </td>
              <td className="px-4 py-3 font-mono text-xs">{run.host}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
