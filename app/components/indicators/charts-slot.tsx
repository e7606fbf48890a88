import { interpolate } from "~/i18n/translate";
import { Suspense, lazy, useEffect, useState } from "react";

import { ChartFrame } from "./chart-frame";
import type { ChartsProps, DashboardTexts } from "./types";

// A separate chunk: only this page asks for it, and only in the browser (recharts 3 draws
// nothing on the server).
const IndicatorCharts = lazy(() => import("./charts"));

function Placeholders({ texts, dimensionTitle }: { texts: DashboardTexts; dimensionTitle: string }) {
  const titles = [texts.charts.trendCounts, texts.charts.trendRates, dimensionTitle, texts.charts.reasons];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {titles.map((title) => (
        <ChartFrame key={title} title={title}>
          <p role="status" className="flex h-full items-center justify-center text-sm text-slate-500">
            {texts.charts.loading}
          </p>
        </ChartFrame>
      ))}
    </div>
  );
}

/** The charts once the page runs in the browser; fixed-height placeholders until then. */
export function ChartsSlot(props: ChartsProps) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const fallback = (
    <Placeholders
      texts={props.texts}
      dimensionTitle={interpolate(props.texts.charts.breakdown, { dimension: props.dimensionName })}
    />
  );
  if (!hydrated) return fallback;
  return (
    <Suspense fallback={fallback}>
      <IndicatorCharts {...props} />
    </Suspense>
  );
}
