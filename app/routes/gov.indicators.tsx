import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { FunnelTable } from "~/components/funnel-table";
import { GovNav } from "~/components/gov-nav";
import { IndicatorDashboard } from "~/components/indicators/dashboard";
import { formatDay } from "~/domain/format-date";
import { getLocale } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { getIndicatorDashboard } from "~/models/indicator-dashboard.server";
import { getInvitationFunnel } from "~/models/invitation-funnel.server";
import { lastTrainingDays } from "~/models/training.server";
import { requireGovUser } from "~/permissions.server";

/** The bureau's district-wide indicators, or an office's own sub-district's (scoped in the model). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const locale = await getLocale(request);
  const dashboard = await getIndicatorDashboard(actor, new URL(request.url).searchParams, locale);
  const period = { fromDay: dashboard.form.from, toDay: dashboard.form.to };
  const [funnel, trainings] = await Promise.all([getInvitationFunnel(actor, period), lastTrainingDays()]);
  return { ...dashboard, funnel, trainings };
}

export default function GovIndicators() {
  const { funnel, trainings, ...data } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const byKey = Object.fromEntries(
    Object.entries(trainings).map(([key, day]) => [key, formatDay(day, locale)]),
  );
  return (
    <IndicatorDashboard
      data={data}
      nav={<GovNav role={data.role} />}
      exportPath="/gov/indicators/export"
      leagueNote={{ header: t("outreach.training.lastTraining"), byKey }}
    >
      <FunnelTable
        report={funnel}
        exportHref={`/gov/invitations/export?${new URLSearchParams({ from: funnel.fromDay, to: funnel.toDay })}`}
      />
    </IndicatorDashboard>
  );
}
