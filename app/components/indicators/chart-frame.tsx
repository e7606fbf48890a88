import type { ReactNode } from "react";

/** A chart's titled, fixed-height frame (the same size before and after the chart loads). */
export function ChartFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <figure className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <figcaption className="mb-2 text-sm font-semibold text-slate-800">{title}</figcaption>
      <div className="h-72">{children}</div>
    </figure>
  );
}
