import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { StateBadge } from "~/components/state-badge";
import { EnterpriseNav } from "~/components/enterprise-nav";
import { SelectField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { DataTable, type Column } from "~/components/list-kit";
import { QuickFilter } from "~/components/filter-form";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { APPLICATION_STATES, type ApplicationState } from "~/domain/application-machine";
import { APPLICATION_SORTS, type ApplicationSort } from "~/domain/enterprise-terms";
import { formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listOwnApplicationsPage } from "~/models/enterprise-application.server";
import { requireEnterpriseUser } from "~/permissions.server";

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const params = new URL(request.url).searchParams;
  const stateParam = params.get("state") ?? "";
  const state = (APPLICATION_STATES as readonly string[]).includes(stateParam)
    ? (stateParam as ApplicationState)
    : undefined;
  const sortParam = params.get("sort") ?? "";
  const sort = (
    (APPLICATION_SORTS as readonly string[]).includes(sortParam) ? sortParam : "newest"
  ) as ApplicationSort;
  const pageParam = Number(params.get("page") ?? "1");
  const page = Number.isSafeInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { total, items } = await listOwnApplicationsPage(actor, { state, sort, page, pageSize: PAGE_SIZE });
  return { total, items, page };
}

type Application = SerializeFrom<typeof loader>["items"][number];

export default function Applications() {
  const { total, items, page } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const columns: Column<Application>[] = [
    {
      key: "number",
      header: t("enterprise.applications.columns.number"),
      className: "font-mono",
      cell: (a) => (
        <Link to={`/enterprise/applications/${a.id}`} className="text-brand-700 hover:underline">
          {a.number}
        </Link>
      ),
    },
    { key: "product", header: t("enterprise.applications.columns.product"), cell: (a) => a.product.name },
    {
      key: "bank",
      header: t("enterprise.applications.columns.bank"),
      cell: (a) => (locale === "zh-CN" ? a.bank.name : a.bank.nameEn),
    },
    {
      key: "amount",
      header: t("enterprise.applications.columns.amount"),
      className: "tabular-nums",
      cell: (a) => formatYuanAsWan(a.amountYuan, locale),
    },
    {
      key: "state",
      header: t("enterprise.applications.columns.state"),
      cell: (a) => <StateBadge state={a.state} />,
    },
    {
      key: "submittedAt",
      header: t("enterprise.applications.columns.submittedAt"),
      className: "tabular-nums",
      cell: (a) => formatDateTime(a.submittedAt, locale),
    },
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("enterprise.applications.title")}
        description={t("enterprise.applications.intro")}
      />
      <EnterpriseNav />
      <QuickFilter>
        <SelectField
          name="state"
          label={t("enterprise.applications.filterState")}
          placeholder={t("enterprise.applications.all")}
          options={optionsOf(APPLICATION_STATES, (s) => td(`domain.applicationState.${s}`))}
        />
        <SelectField
          name="sort"
          label={t("enterprise.applications.sort")}
          defaultValue="newest"
          options={optionsOf(APPLICATION_SORTS, (s) => td(`enterprise.applications.sorts.${s}`))}
        />
      </QuickFilter>
      <Card>
        <DataTable
          label={t("enterprise.applications.title")}
          rows={items}
          rowKey={(a) => a.id}
          columns={columns}
          dense
          framed={false}
          empty={
            <EmptyState
              title={t("enterprise.applications.empty")}
              hint={t("enterprise.applications.emptyHint")}
              next={{ to: "/products", label: t("workspace.enterprise.browseProducts") }}
            />
          }
          pagination={{ page, pageSize: PAGE_SIZE, total }}
        />
      </Card>
    </div>
  );
}
