import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { StateBadge } from "~/components/state-badge";
import { BankNav } from "~/components/bank-nav";
import { SlaBadge } from "~/components/bank-sla";
import {
  Card,
  EmptyState,
  Field,
  PageHeader,
  Stat,
  buttonClass,
  cx,
  fieldAria,
  inputClass,
} from "~/components/ui";
import { formatDateTime, formatDay } from "~/domain/format-date";
import { INDICATOR_PERIODS } from "~/domain/indicators";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import type { BankActor } from "~/models/actor";
import { listOwnAccessLog } from "~/models/access-log.server";
import { listMostUrgent } from "~/models/bank-application.server";
import { getBankFigures, parseFigurePeriod } from "~/models/bank-figures.server";
import { requireHomeRole } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requireHomeRole(request, ["BANK"])) as BankActor;
  const period = parseFigurePeriod(new URL(request.url).searchParams);
  const [figures, urgent, views] = await Promise.all([
    getBankFigures(actor, { fromDay: period.fromDay, toDay: period.toDay }),
    listMostUrgent(actor, 10),
    listOwnAccessLog(actor, 8),
  ]);
  return { bank: actor.organization, period, figures, urgent, views };
}

export default function BankHome() {
  const { bank, period, figures, urgent, views } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const none = t("bank.figures.noData");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <BankNav />
        <PageHeader
          title={t("workspace.bank.title")}
          description={bank ? (locale === "zh-CN" ? bank.zh : bank.en) : undefined}
        />
      </div>
      <section
        aria-labelledby="period-heading"
        className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="period-heading" className="font-semibold">
            {t("bank.figures.period")}:{" "}
            {t("bank.figures.range", {
              from: formatDay(period.fromDay, locale),
              to: formatDay(period.toDay, locale),
            })}
          </h2>
          <nav aria-label={t("bank.figures.period")} className="flex flex-wrap gap-2">
            {INDICATOR_PERIODS.filter((p) => p !== "custom").map((p) => (
              <Link
                key={p}
                to={p === "year" ? "/bank" : `?period=${p}`}
                aria-current={period.period === p ? "page" : undefined}
                className={cx(
                  "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset",
                  period.period === p
                    ? "bg-brand-600 text-white ring-brand-600"
                    : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {t(`bank.figures.periods.${p}`)}
              </Link>
            ))}
          </nav>
        </div>
        <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="period" value="custom" />
          <Field id="from" label={t("bank.figures.from")}>
            <input
              {...fieldAria("from")}
              type="date"
              name="from"
              defaultValue={period.fromDay}
              className={inputClass}
            />
          </Field>
          <Field id="to" label={t("bank.figures.to")}>
            <input
              {...fieldAria("to")}
              type="date"
              name="to"
              defaultValue={period.toDay}
              className={inputClass}
            />
          </Field>
          <button type="submit" className={buttonClass("secondary")}>
            {t("bank.figures.apply")}
          </button>
        </Form>
        {period.error && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {t("bank.figures.badPeriod")}
          </p>
        )}
      </section>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="bank-figures">
        <Stat
          label={t("bank.figures.responseTime")}
          value={figures.responseDays ?? none}
          unit={figures.responseDays !== null ? t("common.units.workingDays") : undefined}
          hint={t("bank.figures.responseTimeHint", { count: figures.responses })}
        />
        <Stat
          label={t("bank.figures.overdue")}
          value={figures.overdue}
          hint={t("bank.figures.overdueHint")}
        />
        <Stat
          label={t("bank.figures.approvalRate")}
          value={
            figures.approvalRatePermille !== null
              ? `${(figures.approvalRatePermille / 10).toFixed(1)}%`
              : none
          }
          hint={t("bank.figures.approvalRateHint", {
            approved: figures.approved,
            rejected: figures.rejected,
          })}
        />
        <Stat
          label={t("bank.figures.disbursed")}
          value={formatYuanAsWan(figures.disbursedYuan, locale)}
          hint={t("bank.figures.disbursedHint", { count: figures.disbursedCount })}
        />
        <Stat
          label={t("bank.figures.weightedRate")}
          value={figures.weightedRateBp !== null ? formatBp(figures.weightedRateBp) : none}
          hint={t("bank.figures.weightedRateHint")}
        />
      </dl>
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
    </div>
  );
}
