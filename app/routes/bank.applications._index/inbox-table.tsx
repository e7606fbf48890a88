import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { SlaBadge } from "~/components/bank-sla";
import { StateBadge } from "~/components/state-badge";
import { EmptyState } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

/** The inbox: number, firm, product, amount, submitted, state and SLA (an overdue row tinted). */
export function InboxTable({ items }: { items: SerializeFrom<typeof loader>["items"] }) {
  const t = useT();
  const locale = useLocale();
  return items.length === 0 ? (
    <EmptyState title={t("bank.applications.empty")} hint={t("bank.applications.emptyHint")} />
  ) : (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("bank.applications.columns.number")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("bank.applications.columns.firm")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("bank.applications.columns.product")}
            </th>
            <th scope="col" className="px-4 py-3 text-right font-medium">
              {t("bank.applications.columns.amount")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("bank.applications.columns.submitted")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("bank.applications.columns.state")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("bank.applications.columns.sla")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} className={item.sla?.overdue ? "bg-red-50/50" : undefined}>
              <td className="px-4 py-3">
                <Link
                  to={`/bank/applications/${item.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {item.number}
                </Link>
              </td>
              <td className="px-4 py-3">{item.enterprise.name}</td>
              <td className="px-4 py-3">{item.product.name}</td>
              <td className="px-4 py-3 text-right tabular-nums">
                {formatYuanAsWan(item.amountYuan, locale)}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(item.submittedAt, locale)}</td>
              <td className="px-4 py-3">
                <StateBadge state={item.state} />
              </td>
              <td className="px-4 py-3">
                <SlaBadge sla={item.sla} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
