import type { SerializeFrom } from "@remix-run/node";

import { FUNNEL_STEPS, conversionPermille } from "~/domain/funnel";
import { formatPermille } from "~/domain/indicator-table";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { FunnelReport } from "~/models/invitation-funnel.server";

import { ScrollRegion } from "./scroll-region";
import { buttonClass } from "./ui";

type Report = SerializeFrom<FunnelReport>;

/**
 * The invitation funnel as a table: invited → registered → authorised → applied → disbursed per
 * office, each with its share of the invited and the median days since the step before.
 */
export function FunnelTable({ report, exportHref }: { report: Report; exportHref?: string }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const rows = [...report.rows.map((row) => ({ ...row, label: locale === "en" ? row.nameEn : row.name }))];
  const all = [
    ...(rows.length > 1 ? rows : []),
    { key: "total", label: t("outreach.funnel.total"), figures: report.total },
  ];
  return (
    <section aria-labelledby="funnel-heading" className="flex flex-col gap-3" data-testid="funnel">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="funnel-heading" className="text-lg font-semibold text-slate-900">
            {t("outreach.funnel.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("outreach.funnel.definition")}</p>
        </div>
        {exportHref && (
          <a href={exportHref} download className={buttonClass("secondary")}>
            {t("outreach.funnel.export")}
          </a>
        )}
      </div>
      {/* English headers scroll sideways on a narrow screen */}
      <ScrollRegion label={t("outreach.funnel.title")} framed>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("outreach.funnel.title")}</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("outreach.funnel.office")}
              </th>
              {FUNNEL_STEPS.map((step) => (
                <th key={step} scope="col" className="px-3 py-2 text-right font-medium">
                  {td(`outreach.funnel.steps.${step}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {all.map((row) => (
              <tr key={row.key} className={row.key === "total" ? "font-semibold" : undefined}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {row.label}
                </th>
                {FUNNEL_STEPS.map((step, i) => {
                  const share = conversionPermille(row.figures, step);
                  const median = row.figures.medianDays[step];
                  return (
                    <td key={step} className="px-3 py-2 text-right tabular-nums" data-step={step}>
                      <span className="block">{row.figures.counts[step]}</span>
                      {i > 0 && (
                        <span className="block text-xs font-normal text-slate-500">
                          {share === null ? "—" : formatPermille(share)}
                          {" · "}
                          {median === null ? "—" : t("outreach.funnel.medianDays", { days: median })}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
