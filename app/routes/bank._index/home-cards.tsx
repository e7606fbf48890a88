import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { SlaBadge } from "~/components/bank-sla";
import { StateBadge } from "~/components/state-badge";
import { Card, EmptyState, buttonClass } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The applications nearest their deadline, with their state and SLA. */
export function UrgentCard({ urgent }: { urgent: Data["urgent"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card
      title={t("bank.figures.urgent")}
      actions={
        <Link to="/bank/applications" className={buttonClass("secondary")}>
          {t("bank.figures.allApplications")}
        </Link>
      }
    >
      {urgent.length === 0 ? (
        <EmptyState title={t("bank.figures.urgentEmpty")} hint={t("bank.figures.urgentEmptyHint")} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {urgent.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <Link
                  to={`/bank/applications/${item.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {item.enterprise.name}
                </Link>
                <p className="text-sm text-slate-600">
                  {item.number} · {item.product.name} · {formatYuanAsWan(item.amountYuan, locale)}
                </p>
              </div>
              <div className="flex items-center gap-3">
                <StateBadge state={item.state} />
                <SlaBadge sla={item.sla} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Who at the bank looked at which firm's data lately, and why. */
export function RecentViews({ views }: { views: Data["views"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("bank.figures.recentViews")}>
      {views.length === 0 ? (
        <EmptyState title={t("bank.figures.noViews")} />
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {views.map((view) => (
            <li key={view.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {view.enterprise.name}
                <span className="block text-xs text-slate-500">
                  {t("bank.figures.viewLine", {
                    user: view.user.displayName,
                    scope: t(`domain.scope.${view.scope as "FULL"}`),
                    purpose: t(`domain.purpose.${view.purpose as "PRE_LOAN"}`),
                  })}
                </span>
              </span>
              <span className="text-slate-600">{formatDateTime(view.at, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
