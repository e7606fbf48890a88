import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { FunnelTable } from "~/components/funnel-table";
import { GovNav } from "~/components/gov-nav";
import { PageHeader, Stat } from "~/components/ui";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import type { GovActor } from "~/models/actor";
import { funnelPeriod } from "~/models/funnel-export.server";
import { getGovHome } from "~/models/gov-home.server";
import { getInvitationFunnel } from "~/models/invitation-funnel.server";
import { requireHomeRole } from "~/permissions.server";

import { NewestFirmsCard, NotificationsCard } from "./home-lists";
import { QueueCard } from "./queue-card";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requireHomeRole(request, ["GOV_OFFICE", "GOV_BUREAU"])) as GovActor;
  const [home, funnel] = await Promise.all([
    getGovHome(actor),
    getInvitationFunnel(actor, funnelPeriod(new URLSearchParams())),
  ]);
  return { role: actor.role, org: actor.organization, ...home, funnel };
}

export default function GovHome() {
  const { role, org, summary, queues, notifications, funnel } = useLoaderData<typeof loader>();
  const t = useT();
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
        <QueueCard office={office} queues={queues} />
        <NotificationsCard notifications={notifications} />
      </div>
      <NewestFirmsCard firms={summary.newest} />
    </div>
  );
}
