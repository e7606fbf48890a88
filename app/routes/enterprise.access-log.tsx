import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { DataTable, type Column } from "~/components/list-kit";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listOwnAccessLog } from "~/models/access-log-view.server";
import { requireEnterpriseUser } from "~/permissions.server";

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const pageParam = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const page = Number.isSafeInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { total, items } = await listOwnAccessLog(actor, { page, pageSize: PAGE_SIZE });
  return { total, items, page };
}

type Entry = SerializeFrom<typeof loader>["items"][number];

export default function AccessLog() {
  const { total, items, page } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const columns: Column<Entry>[] = [
    {
      key: "at",
      header: t("enterprise.accessLog.columns.at"),
      className: "tabular-nums",
      cell: (row) => formatDateTime(row.at, locale),
    },
    {
      key: "who",
      header: t("enterprise.accessLog.columns.who"),
      cell: (row) =>
        row.bank
          ? locale === "zh-CN"
            ? row.bank.name
            : row.bank.nameEn
          : t("enterprise.accessLog.government"),
    },
    {
      key: "officer",
      header: t("enterprise.accessLog.columns.officer"),
      cell: (row) =>
        row.channel === "API"
          ? t("enterprise.accessLog.viaApi")
          : `${row.user.displayName} · ${td(`common.roles.${row.user.role}`)}`,
    },
    {
      key: "scope",
      header: t("enterprise.accessLog.columns.scope"),
      cell: (row) => td(`domain.scope.${row.scope}`),
    },
    {
      key: "purpose",
      header: t("enterprise.accessLog.columns.purpose"),
      cell: (row) => td(`domain.purpose.${row.purpose}`),
    },
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("enterprise.accessLog.title")} description={t("enterprise.accessLog.intro")} />
      <EnterpriseNav />
      <Card>
        <DataTable
          label={t("enterprise.accessLog.title")}
          rows={items}
          rowKey={(row) => row.id}
          columns={columns}
          dense
          framed={false}
          empty={<EmptyState title={t("enterprise.accessLog.empty")} />}
          pagination={{ page, pageSize: PAGE_SIZE, total }}
        />
      </Card>
    </div>
  );
}
