import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { IndicatorDashboard } from "~/components/indicators/dashboard";
import { getLocale } from "~/i18n/locale.server";
import { getIndicatorDashboard } from "~/models/indicator-dashboard.server";
import { requireBankUser } from "~/permissions.server";

/** The bank's own indicators (scoped to the bank in the model, whatever the URL asks). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const locale = await getLocale(request);
  return getIndicatorDashboard(actor, new URL(request.url).searchParams, locale);
}

export default function BankIndicators() {
  const data = useLoaderData<typeof loader>();
  return <IndicatorDashboard data={data} nav={<BankNav />} exportPath="/bank/indicators/export" />;
}
