import type { SerializeFrom } from "@remix-run/node";

import type { getIndicatorDashboard } from "~/models/indicator-dashboard.server";

/** What the dashboard's loader returns, as the page receives it. */
export type DashboardData = SerializeFrom<typeof getIndicatorDashboard>;
export type DashboardTexts = DashboardData["texts"];

export type ChartsProps = {
  monthly: DashboardData["monthly"];
  breakdown: DashboardData["breakdown"]["rows"];
  reasons: DashboardData["reasons"];
  texts: DashboardTexts;
  dimensionName: string;
};
