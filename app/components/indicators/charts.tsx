/**
 * The dashboard's charts (recharts 3). Loaded only in the browser, through a dynamic import
 * (see charts-slot.tsx), so no other page downloads recharts. Every figure drawn here is also
 * in the tables below the charts.
 */
import { interpolate } from "~/i18n/translate";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { ChartFrame } from "./chart-frame";
import type { ChartsProps } from "./types";

const COLORS = ["#1d4ed8", "#059669", "#d97706", "#dc2626"];
const BREAKDOWN_BARS = 12;

const percent = (permille: number | null) => (permille === null ? null : permille / 10);

export default function IndicatorCharts({ monthly, breakdown, reasons, texts, dimensionName }: ChartsProps) {
  const months = monthly.map((row) => ({
    label: row.label,
    applications: row.cells.applications.value,
    approved: row.cells.approved.value,
    disbursedCount: row.cells.disbursedCount.value,
    approvalRate: percent(row.cells.approvalRate.value),
    responseWithinSla: percent(row.cells.responseWithinSla.value),
  }));
  const groups = breakdown.slice(0, BREAKDOWN_BARS).map((row) => ({
    label: row.label,
    applications: row.cells.applications.value,
    disbursedCount: row.cells.disbursedCount.value,
  }));
  const mix = reasons.map((row) => ({ label: row.label, count: row.count }));
  const names = texts.columns;
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="indicator-charts">
      <ChartFrame title={texts.charts.trendCounts}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={months} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend />
            <Line
              dataKey="applications"
              name={names.applications}
              stroke={COLORS[0]}
              isAnimationActive={false}
            />
            <Line dataKey="approved" name={names.approved} stroke={COLORS[1]} isAnimationActive={false} />
            <Line
              dataKey="disbursedCount"
              name={names.disbursedCount}
              stroke={COLORS[2]}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartFrame title={texts.charts.trendRates}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={months} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis domain={[0, 100]} unit="%" fontSize={12} />
            <Tooltip formatter={(value) => `${value}%`} />
            <Legend />
            <Line
              dataKey="approvalRate"
              name={names.approvalRate}
              stroke={COLORS[0]}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              dataKey="responseWithinSla"
              name={names.responseWithinSla}
              stroke={COLORS[1]}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartFrame title={interpolate(texts.charts.breakdown, { dimension: dimensionName })}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={groups} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} fontSize={12} />
            <YAxis type="category" dataKey="label" width={150} fontSize={11} />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="applications"
              name={names.applications}
              fill={COLORS[0]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="disbursedCount"
              name={names.disbursedCount}
              fill={COLORS[2]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartFrame title={texts.charts.reasons}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={mix} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} fontSize={12} />
            <YAxis type="category" dataKey="label" width={150} fontSize={11} />
            <Tooltip />
            <Bar dataKey="count" name={texts.tables.count} fill={COLORS[3]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </div>
  );
}
