import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { SlaBadge } from "~/components/bank-sla";
import { DataTable, type Column } from "~/components/list-kit";
import { StateBadge } from "~/components/state-badge";
import { EmptyState } from "~/components/ui";
import { INBOX_PAGE_SIZE } from "~/domain/bank-choices";
import { formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Item = Data["items"][number];

/** The inbox: number, firm, product, amount, submitted, state and SLA (an overdue row tinted). */
export function InboxTable({ items, page, total }: Pick<Data, "items" | "page" | "total">) {
  const t = useT();
  const locale = useLocale();
  const columns: Column<Item>[] = [
    {
      key: "number",
      header: t("bank.applications.columns.number"),
      cell: (item) => (
        <Link to={`/bank/applications/${item.id}`} className="font-medium text-brand-700 hover:underline">
          {item.number}
        </Link>
      ),
    },
    { key: "firm", header: t("bank.applications.columns.firm"), cell: (item) => item.enterprise.name },
    { key: "product", header: t("bank.applications.columns.product"), cell: (item) => item.product.name },
    {
      key: "amount",
      header: t("bank.applications.columns.amount"),
      align: "right",
      cell: (item) => formatYuanAsWan(item.amountYuan, locale),
    },
    {
      key: "submitted",
      header: t("bank.applications.columns.submitted"),
      nowrap: true,
      cell: (item) => formatDateTime(item.submittedAt, locale),
    },
    {
      key: "state",
      header: t("bank.applications.columns.state"),
      cell: (item) => <StateBadge state={item.state} />,
    },
    { key: "sla", header: t("bank.applications.columns.sla"), cell: (item) => <SlaBadge sla={item.sla} /> },
  ];
  return (
    <DataTable
      label={t("bank.applications.title")}
      rows={items}
      rowKey={(item) => item.id}
      columns={columns}
      rowClassName={(item) => (item.sla?.overdue ? "bg-red-50/50" : undefined)}
      empty={<EmptyState title={t("bank.applications.empty")} hint={t("bank.applications.emptyHint")} />}
      pagination={{ page, pageSize: INBOX_PAGE_SIZE, total }}
    />
  );
}
