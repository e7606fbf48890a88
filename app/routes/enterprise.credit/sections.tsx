/** The credit profile page's sections: when it was fetched, the sources, and the objections. */
import type { SerializeFrom } from "@remix-run/node";

import { Badge, Card, EmptyState } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";
import { SourceBody, type SourceData } from "./source-body";

type Data = SerializeFrom<typeof loader>;

/** When the profile was fetched, when it may be again, and why the last refresh failed. */
export function RefreshStatus({
  enterprise,
  nextRefreshAt,
  refreshMinutes,
  notice,
}: Pick<Data, "enterprise" | "nextRefreshAt" | "refreshMinutes"> & {
  notice: { key: string; params: Record<string, string> } | null | undefined;
}) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const failed = Boolean(enterprise.creditRefreshError);
  return (
    <div className="flex flex-col gap-2 text-sm" aria-live="polite">
      <p className="text-slate-700">
        {enterprise.creditRefreshedAt
          ? t("enterprise.credit.refreshedAt", {
              date: formatDateTime(enterprise.creditRefreshedAt, locale),
            })
          : t("enterprise.credit.neverFetched")}
        {nextRefreshAt && (
          <span className="ml-2 text-slate-500">
            {t("enterprise.credit.nextRefresh", {
              minutes: refreshMinutes,
              date: formatDateTime(nextRefreshAt, locale),
            })}
          </span>
        )}
      </p>
      {notice && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200">
          {td(notice.key, notice.params)}
        </p>
      )}
      {failed && !notice && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200">
          {enterprise.creditRefreshedAt
            ? t("enterprise.credit.platformFailed", {
                date: formatDateTime(enterprise.creditRefreshedAt, locale),
              })
            : t("enterprise.credit.platformFailedNoData")}
        </p>
      )}
    </div>
  );
}

/** One card per credit source, each with the day its data is as of. */
export function SourceCards({ sources }: Pick<Data, "sources">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  if (sources.length === 0)
    return (
      <EmptyState
        title={t("enterprise.credit.neverFetched")}
        hint={t("enterprise.credit.platformFailedNoData")}
      />
    );
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {sources.map((s) => (
        <Card
          key={s.source}
          title={td(`enterprise.credit.sources.${s.source}`)}
          actions={
            <span className="text-xs text-slate-500">
              {t("enterprise.credit.asOf", { date: formatDateTime(s.asOf, locale) })}
            </span>
          }
        >
          <SourceBody source={s.source} data={s.data as SourceData} />
        </Card>
      ))}
    </div>
  );
}

/** The firm's objections, newest first as the loader gives them, with the office's answer. */
export function ObjectionsList({ objections }: Pick<Data, "objections">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("enterprise.credit.objections")}>
      <div id="objections" />
      {objections.length === 0 ? (
        <p className="text-sm text-slate-600">{t("enterprise.credit.noObjections")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {objections.map((o) => (
            <li key={o.id} className="flex flex-col gap-1 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={o.status === "OPEN" ? "amber" : o.status === "ACCEPTED" ? "green" : "red"}>
                  {td(`enterprise.credit.objectionStatus.${o.status}`)}
                </Badge>
                {o.resolution && (
                  <Badge tone="green">{td(`enterprise.credit.resolution.${o.resolution}`)}</Badge>
                )}
                <span className="font-medium">{td(`enterprise.credit.sources.${o.source}`)}</span>
                <span className="text-slate-500">{formatDate(o.createdAt, locale)}</span>
              </div>
              <p className="text-slate-700">{o.recordSummary}</p>
              <p className="text-slate-600">{o.reason}</p>
              {o.status === "OPEN" && (
                <p className="text-xs text-slate-500">
                  {t("enterprise.credit.due", { date: formatDate(o.dueAt, locale) })}
                </p>
              )}
              {o.responseText && (
                <p className="text-slate-700">{t("enterprise.credit.response", { text: o.responseText })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
