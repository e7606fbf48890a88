import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { FunnelTable } from "~/components/funnel-table";
import { GovNav } from "~/components/gov-nav";
import { NotificationText } from "~/components/notification-text";
import { Badge, Card, EmptyState, PageHeader, Stat } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { GovActor } from "~/models/actor";
import { funnelPeriod } from "~/models/funnel-export.server";
import { getGovHome } from "~/models/gov-home.server";
import { getInvitationFunnel } from "~/models/invitation-funnel.server";
import { requireHomeRole } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requireHomeRole(request, ["GOV_OFFICE", "GOV_BUREAU"])) as GovActor;
  const [home, funnel] = await Promise.all([
    getGovHome(actor),
    getInvitationFunnel(actor, funnelPeriod(new URLSearchParams())),
  ]);
  return { role: actor.role, org: actor.organization, ...home, funnel };
}

function QueueLink({
  to,
  label,
  count,
  tone = "blue",
}: {
  to: string;
  label: string;
  count: number;
  tone?: "blue" | "red" | "amber";
}) {
  return (
    <li>
      <Link
        to={to}
        className="flex items-center justify-between gap-3 rounded-md px-3 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <span className="text-slate-800">{label}</span>
        <Badge tone={count > 0 ? tone : "gray"}>{count}</Badge>
      </Link>
    </li>
  );
}

export default function GovHome() {
  const { role, org, summary, queues, notifications, funnel } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const office = role === "GOV_OFFICE";
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={office ? t("workspace.gov.officeTitle") : t("workspace.gov.bureauTitle")}
        description={org ? (locale === "zh-CN" ? org.zh : org.en) : undefined}
      />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label={office ? t("workspace.gov.firms") : t("workspace.gov.firmsDistrict")}
          value={summary.firms}
        />
        <Stat label={t("workspace.gov.whitelisted")} value={summary.whitelisted} />
        <Stat label={t("workspace.gov.applicationsThisYear")} value={summary.applications} />
        <Stat
          label={t("workspace.gov.disbursedThisYear")}
          value={formatYuanAsWan(summary.disbursedYuan, locale)}
        />
      </dl>
      <FunnelTable
        report={funnel}
        exportHref={`/gov/invitations/export?${new URLSearchParams({ from: funnel.fromDay, to: funnel.toDay })}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("gov.home.queues")}>
          <ul className="-mx-3 divide-y divide-slate-100">
            {office ? (
              <>
                <QueueLink
                  to="/gov/recommendations?status=REQUESTED"
                  label={t("gov.home.requests")}
                  count={queues.requested}
                  tone="amber"
                />
                <QueueLink
                  to="/gov/recommendations?status=PENDING"
                  label={t("gov.home.pendingOwn")}
                  count={queues.pending}
                />
                <QueueLink
                  to="/gov/follow-ups"
                  label={t("gov.home.followUps")}
                  count={queues.followUps}
                  tone="amber"
                />
                <QueueLink
                  to="/gov/whitelist?status=SUSPENDED"
                  label={t("gov.home.suspended")}
                  count={queues.suspended}
                  tone="red"
                />
              </>
            ) : (
              <>
                <QueueLink
                  to="/gov/review"
                  label={t("gov.home.pendingReview")}
                  count={queues.pending}
                  tone="amber"
                />
                <QueueLink
                  to="/gov/objections"
                  label={t("gov.home.openObjections")}
                  count={queues.objections?.open ?? 0}
                  tone="amber"
                />
                <QueueLink
                  to="/gov/objections"
                  label={t("gov.home.overdueObjections")}
                  count={queues.objections?.overdue ?? 0}
                  tone="red"
                />
                <QueueLink
                  to="/gov/whitelist?status=SUSPENDED"
                  label={t("gov.home.suspended")}
                  count={queues.suspended}
                  tone="red"
                />
                <QueueLink
                  to="/gov/follow-ups"
                  label={t("gov.home.followUps")}
                  count={queues.followUps}
                  tone="amber"
                />
              </>
            )}
          </ul>
        </Card>
        <Card
          title={t("gov.home.notifications")}
          actions={
            <Link to="/notifications" className="text-sm font-medium text-brand-700 hover:underline">
              {t("gov.home.allNotifications")}
            </Link>
          }
        >
          {notifications.length ? (
            <ul className="divide-y divide-slate-100">
              {notifications.map((item) => (
                <li key={item.id} className="py-2">
                  <p className={item.readAt ? "text-slate-700" : "font-medium text-slate-900"}>
                    {item.link ? (
                      <Link to={item.link} className="hover:text-brand-700 hover:underline">
                        <NotificationText kind={item.kind} params={item.params} />
                      </Link>
                    ) : (
                      <NotificationText kind={item.kind} params={item.params} />
                    )}
                  </p>
                  <p className="text-xs text-slate-500">{formatDateTime(item.createdAt, locale)}</p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t("notifications.none")} />
          )}
        </Card>
      </div>
      <Card
        title={t("workspace.gov.newestFirms")}
        actions={
          <Link
            to="/gov/firms?sort=createdAt&dir=desc"
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {t("gov.home.allFirms")}
          </Link>
        }
      >
        {summary.newest.length ? (
          <ul className="divide-y divide-slate-200">
            {summary.newest.map((firm) => (
              <li key={firm.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link to={`/gov/firms/${firm.id}`} className="font-medium text-brand-700 hover:underline">
                    {firm.name}
                  </Link>
                  <p className="font-mono text-xs text-slate-500">{firm.uscc}</p>
                </div>
                <div className="flex items-center gap-2 text-sm text-slate-600">
                  <Badge>{td(`domain.size.${firm.size}`)}</Badge>
                  {locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn} ·{" "}
                  {t("workspace.gov.registeredOn", { date: formatDate(new Date(firm.createdAt), locale) })}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t("workspace.gov.noFirms")} />
        )}
      </Card>
    </div>
  );
}
