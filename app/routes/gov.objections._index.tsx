import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { TabLink } from "~/components/tab-link";
import { DueClock, GovNav } from "~/components/gov-nav";
import { DataTable, type Column } from "~/components/list-kit";
import { Badge, EmptyState, PageHeader } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { calendarDaysBetween } from "~/domain/shanghai-time";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { OBJECTION_STATUSES } from "~/models/gov-codes";
import { listObjections } from "~/models/objection-review.server";
import { requireBureauUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const params = new URL(request.url).searchParams;
  const status = parseChoice(OBJECTION_STATUSES, params.get("status")) ?? "OPEN";
  const page = parsePage(params.get("page"));
  const now = new Date();
  const result = await listObjections(actor, { status, page, pageSize: PAGE_SIZE });
  return {
    role: actor.role,
    status,
    page,
    total: result.total,
    counts: result.counts,
    items: result.items.map((item) => ({
      ...item,
      daysLeft: item.status === "OPEN" ? calendarDaysBetween(now, item.dueAt) : null,
      overdue: item.status === "OPEN" && item.dueAt < now,
    })),
  };
}

type Item = SerializeFrom<typeof loader>["items"][number];

export default function GovObjections() {
  const { role, status, items, total, counts, page } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const columns: Column<Item>[] = [
    {
      key: "firm",
      header: t("gov.objections.columns.firm"),
      cell: (item) => (
        <>
          <Link to={`/gov/objections/${item.id}`} className="font-medium text-brand-700 hover:underline">
            {item.enterprise.name}
          </Link>
          <p className="font-mono text-xs text-slate-500">{item.enterprise.uscc}</p>
        </>
      ),
    },
    {
      key: "record",
      header: t("gov.objections.columns.record"),
      className: "max-w-sm",
      cell: (item) => (
        <>
          <span className="text-xs text-slate-500">{td(`gov.creditSource.${item.source}`)}</span>
          <p className="line-clamp-2">{item.recordSummary}</p>
        </>
      ),
    },
    {
      key: "filed",
      header: t("gov.objections.columns.filed"),
      nowrap: true,
      cell: (item) => formatDate(item.createdAt, locale),
    },
    {
      key: "due",
      header: status === "OPEN" ? t("gov.objections.columns.due") : t("gov.objections.columns.outcome"),
      nowrap: true,
      cell: (item) =>
        item.daysLeft !== null ? (
          <span className="flex flex-col gap-1">
            <DueClock daysLeft={item.daysLeft} overdue={item.overdue} />
            <span className="text-xs text-slate-500">{formatDate(item.dueAt, locale)}</span>
          </span>
        ) : (
          <Badge tone={item.status === "ACCEPTED" ? "green" : "gray"}>
            {item.resolution
              ? td(`gov.objectionResolution.${item.resolution}`)
              : td(`gov.objectionStatus.${item.status}`)}
          </Badge>
        ),
    },
  ];
  return (
    <div>
      <GovNav role={role} />
      <PageHeader title={t("gov.objections.title")} description={t("gov.objections.intro")} />
      <nav aria-label={t("gov.objections.statusFilter")} className="mb-4 flex flex-wrap gap-2">
        {OBJECTION_STATUSES.map((value) => (
          <TabLink key={value} to={`?status=${value}`} current={status === value} look="pill">
            {td(`gov.objectionStatus.${value}`)} ({counts[value] ?? 0})
          </TabLink>
        ))}
      </nav>
      <DataTable
        label={t("gov.objections.title")}
        rows={items}
        rowKey={(item) => item.id}
        columns={columns}
        // the first cell keeps the overdue row's tint (a sticky cell would paint it white)
        stickyFirst={false}
        rowClassName={(item) => (item.overdue ? "bg-red-50/50" : undefined)}
        empty={
          <EmptyState title={status === "OPEN" ? t("gov.objections.emptyOpen") : t("gov.objections.empty")} />
        }
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </div>
  );
}
