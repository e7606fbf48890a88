import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { DateField, FormScope } from "~/components/form-kit";
import { TabLink } from "~/components/tab-link";
import { buttonClass } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { INDICATOR_PERIODS } from "~/domain/indicators";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

/** The period of the figures: a preset (this year by default) or two days of one's own. */
export function PeriodPicker({ period }: { period: SerializeFrom<typeof loader>["period"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section
      aria-labelledby="period-heading"
      className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="period-heading" className="font-semibold">
          {t("bank.figures.period")}:{" "}
          {t("bank.figures.range", {
            from: formatDay(period.fromDay, locale),
            to: formatDay(period.toDay, locale),
          })}
        </h2>
        <nav aria-label={t("bank.figures.period")} className="flex flex-wrap gap-2">
          {INDICATOR_PERIODS.filter((p) => p !== "custom").map((p) => (
            <TabLink key={p} to={p === "year" ? "/bank" : `?period=${p}`} current={period.period === p}>
              {t(`bank.figures.periods.${p}`)}
            </TabLink>
          ))}
        </nav>
      </div>
      <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="period" value="custom" />
        <FormScope defaults={{ from: period.fromDay, to: period.toDay }}>
          <DateField name="from" label={t("bank.figures.from")} />
          <DateField name="to" label={t("bank.figures.to")} />
        </FormScope>
        <button type="submit" className={buttonClass("secondary")}>
          {t("bank.figures.apply")}
        </button>
      </Form>
      {period.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {t("bank.figures.badPeriod")}
        </p>
      )}
    </section>
  );
}
