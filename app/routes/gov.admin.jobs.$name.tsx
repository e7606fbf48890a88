import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { AdminNav } from "~/components/gov-nav";
import { JobRunsTable, RunNowForm, useJobName } from "~/components/job-runs";
import { Pagination } from "~/components/pagination";
import { BackLink, EmptyState, PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { listJobRuns } from "~/jobs/admin.server";
import { PAGE_SIZE, parsePage } from "~/domain/list-query";
import { requireBureauUser } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const list = await listJobRuns(actor, params.name ?? "", { page, pageSize: PAGE_SIZE });
  if (!list) notFound();
  return { ...list, page };
}

export default function AdminJobRuns() {
  const { name, runs, total, page } = useLoaderData<typeof loader>();
  const t = useT();
  const jobName = useJobName();
  const running = runs.some((run) => run.status === "RUNNING");
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <BackLink to="/gov/admin/jobs" flush>
        {t("jobs.back")}
      </BackLink>
      <PageHeader
        title={jobName(name)}
        description={t("jobs.history")}
        actions={<RunNowForm name={name} disabled={running} />}
      />
      {runs.length === 0 ? (
        <EmptyState title={t("jobs.empty")} />
      ) : (
        <>
          <JobRunsTable runs={runs} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
        </>
      )}
    </div>
  );
}
