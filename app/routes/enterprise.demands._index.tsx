import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { SelectField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { DataTable, type Column } from "~/components/list-kit";
import { QuickFilter } from "~/components/filter-form";
import { Badge, Card, EmptyState, PageHeader, buttonClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { DEMAND_STATUSES } from "~/domain/enterprise-terms";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listOwnDemands } from "~/models/demand.server";
import { requireEnterpriseUser } from "~/permissions.server";

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const params = new URL(request.url).searchParams;
  const statusParam = params.get("status") ?? "";
  const status = (DEMAND_STATUSES as readonly string[]).includes(statusParam) ? statusParam : undefined;
  const pageParam = Number(params.get("page") ?? "1");
  const page = Number.isSafeInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { total, items } = await listOwnDemands(actor, { status, page, pageSize: PAGE_SIZE });
  return { total, items, page, now: new Date().toISOString() };
}

type Demand = SerializeFrom<typeof loader>["items"][number];

export default function Demands() {
  const { total, items, page, now } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const columns: Column<Demand>[] = [
    {
      key: "amount",
      header: t("enterprise.demands.columns.amount"),
      className: "tabular-nums",
      cell: (d) => (
        <Link to={`/enterprise/demands/${d.id}`} className="font-medium text-brand-700 hover:underline">
          {formatYuanAsWan(d.amountYuan, locale)}
        </Link>
      ),
    },
    {
      key: "term",
      header: t("enterprise.demands.columns.term"),
      cell: (d) => t("enterprise.demands.termValue", { months: d.termMonths }),
    },
    {
      key: "purpose",
      header: t("enterprise.demands.columns.purpose"),
      className: "max-w-xs truncate",
      cell: (d) => d.purpose,
    },
    {
      key: "validUntil",
      header: t("enterprise.demands.columns.validUntil"),
      cell: (d) => formatDate(d.validUntil, locale),
    },
    {
      key: "status",
      header: t("enterprise.demands.columns.status"),
      cell: (d) =>
        d.status === "OPEN" && d.validUntil < now ? (
          <Badge>{t("enterprise.demands.expired")}</Badge>
        ) : (
          <Badge tone={d.status === "OPEN" ? "blue" : d.status === "FULFILLED" ? "green" : "gray"}>
            {td(`enterprise.demands.status.${d.status}`)}
          </Badge>
        ),
    },
    {
      key: "offers",
      header: t("enterprise.demands.columns.offers"),
      cell: (d) => (d.pendingOffers > 0 ? <Badge tone="amber">{d.pendingOffers}</Badge> : "0"),
    },
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("enterprise.demands.title")}
        description={t("enterprise.demands.intro")}
        actions={
          <Link to="/enterprise/demands/new" className={buttonClass("primary")}>
            {t("enterprise.demands.new")}
          </Link>
        }
      />
      <EnterpriseNav />
      <QuickFilter>
        <SelectField
          name="status"
          label={t("enterprise.demands.filter")}
          placeholder={t("enterprise.demands.all")}
          options={optionsOf(DEMAND_STATUSES, (s) => td(`enterprise.demands.status.${s}`))}
        />
      </QuickFilter>
      <Card>
        <DataTable
          label={t("enterprise.demands.title")}
          rows={items}
          rowKey={(d) => d.id}
          columns={columns}
          dense
          framed={false}
          empty={
            <EmptyState
              title={t("enterprise.demands.empty")}
              hint={t("enterprise.demands.emptyHint")}
              next={{ to: "/enterprise/demands/new", label: t("enterprise.demands.new") }}
            />
          }
          pagination={{ page, pageSize: PAGE_SIZE, total }}
        />
      </Card>
    </div>
  );
}
