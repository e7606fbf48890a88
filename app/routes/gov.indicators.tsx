import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { IndicatorDashboard } from "~/components/indicators/dashboard";
import { getLocale } from "~/i18n/locale.server";
import { getIndicatorDashboard } from "~/models/indicator-dashboard.server";
import { requireGovUser } from "~/permissions.server";

/** The bureau's district-wide indicators, or an office's own sub-district's (scoped in the model). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const locale = await getLocale(request);
  return getIndicatorDashboard(actor, new URL(request.url).searchParams, locale);
}

export default function GovIndicators() {
  const data = useLoaderData<typeof loader>();
  return (
    <IndicatorDashboard data={data} nav={<GovNav role={data.role} />} exportPath="/gov/indicators/export" />
  );
}
