import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { AdminNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requireBureauUser } from "~/permissions.server";

import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { auditPage } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { ...(await auditPage(actor, new URL(request.url).searchParams)) };
}

export default function AdminAudit() {
  const { entries, total, page } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <PageHeader title={t("audit.title")} description={t("audit.intro")} />
      <AuditFilters />
      <p className="text-sm text-slate-600">{t("audit.count", { count: total })}</p>
      <AuditTable entries={entries} page={page} total={total} />
    </div>
  );
}
