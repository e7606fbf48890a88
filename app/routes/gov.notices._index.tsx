import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { TabLink } from "~/components/tab-link";
import { GovNav } from "~/components/gov-nav";
import { DataTable, type Column } from "~/components/list-kit";
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

type Notice = SerializeFrom<typeof loader>["notices"][number];

export default function GovNotices() {
  const { role, status, page, total, notices, counts } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const tab = (value: string | null, label: string) => (
    <TabLink key={value ?? "all"} to={value ? `?status=${value}` : "?"} current={status === value}>
      {label}
    </TabLink>
  );
  const columns: Column<Notice>[] = [
    {
      key: "title",
      header: t("outreach.notices.form.title"),
      cell: (notice) => (
        <Link to={`/gov/notices/${notice.id}`} className="font-medium text-brand-700 hover:underline">
          {notice.title}
        </Link>
      ),
    },
    {
      key: "audience",
      header: t("outreach.notices.form.audience"),
      cell: (notice) => td(`outreach.notices.audiences.${notice.audience}`),
    },
    {
      key: "status",
      header: t("outreach.notices.status"),
      cell: (notice) => (
        <Badge tone={STATUS_TONES[notice.status as keyof typeof STATUS_TONES] ?? "gray"}>
          {td(`outreach.notices.statuses.${notice.status}`)}
        </Badge>
      ),
    },
    {
      key: "version",
      header: t("outreach.notices.version"),
      className: "tabular-nums",
      cell: (notice) => `v${notice.version}`,
    },
    {
      key: "updatedAt",
      header: t("outreach.notices.updatedAt"),
      cell: (notice) => formatDateTime(notice.updatedAt, locale),
    },
  ];
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
        <DataTable
          label={t("outreach.notices.manageTitle")}
          rows={notices}
          rowKey={(notice) => notice.id}
          columns={columns}
          dense
          framed={false}
          empty={
            <EmptyState
              title={t("outreach.notices.manageEmpty")}
              next={{ to: "/gov/notices/new", label: t("outreach.notices.new") }}
            />
          }
          pagination={{ page, pageSize: PAGE_SIZE, total }}
        />
      </Card>
    </div>
  );
}
