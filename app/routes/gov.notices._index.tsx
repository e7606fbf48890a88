import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { Pagination } from "~/components/pagination";
import { Badge, Card, EmptyState, PageHeader, buttonClass } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { NOTICE_STATUSES } from "~/domain/outreach";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { listNoticesForBureau } from "~/models/notice.server";
import { requireBureauUser } from "~/permissions.server";

const STATUS_TONES = { DRAFT: "gray", PUBLISHED: "green", WITHDRAWN: "amber" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const params = new URL(request.url).searchParams;
  const status = parseChoice(NOTICE_STATUSES, params.get("status"));
  const page = parsePage(params.get("page"));
  const list = await listNoticesForBureau(actor, { status, page, pageSize: PAGE_SIZE });
  return { role: actor.role, status, page, ...list };
}

export default function GovNotices() {
  const { role, status, page, total, notices, counts } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const tab = (value: string | null, label: string) => (
    <Link
      to={value ? `?status=${value}` : "?"}
      aria-current={status === value ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${status === value ? "bg-brand-600 text-white" : "text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={t("outreach.notices.manageTitle")}
        description={t("outreach.notices.manageIntro")}
        actions={
          <Link to="/gov/notices/new" className={buttonClass("primary")}>
            {t("outreach.notices.new")}
          </Link>
        }
      />
      <nav aria-label={t("outreach.notices.statusFilter")} className="flex flex-wrap gap-2">
        {tab(null, t("outreach.notices.allStatuses"))}
        {NOTICE_STATUSES.map((value) =>
          tab(value, `${td(`outreach.notices.statuses.${value}`)} (${counts[value] ?? 0})`),
        )}
      </nav>
      <Card>
        {notices.length === 0 ? (
          <EmptyState
            title={t("outreach.notices.manageEmpty")}
            action={
              <Link to="/gov/notices/new" className={buttonClass("primary")}>
                {t("outreach.notices.new")}
              </Link>
            }
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t("outreach.notices.manageTitle")}</caption>
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("outreach.notices.form.title")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("outreach.notices.form.audience")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("outreach.notices.status")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("outreach.notices.version")}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t("outreach.notices.updatedAt")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {notices.map((notice) => (
                  <tr key={notice.id}>
                    <td className="py-2 pr-4">
                      <Link
                        to={`/gov/notices/${notice.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {notice.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-4">{td(`outreach.notices.audiences.${notice.audience}`)}</td>
                    <td className="py-2 pr-4">
                      <Badge tone={STATUS_TONES[notice.status as keyof typeof STATUS_TONES] ?? "gray"}>
                        {td(`outreach.notices.statuses.${notice.status}`)}
                      </Badge>
                    </td>
                    <td className="py-2 pr-4 tabular-nums">v{notice.version}</td>
                    <td className="py-2">{formatDateTime(notice.updatedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
      </Card>
    </div>
  );
}
