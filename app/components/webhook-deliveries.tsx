import { Link } from "@remix-run/react";

import { DataTable, type Column } from "~/components/list-kit";
import { PostForm, type AnyFormResult } from "~/components/form-kit";
import { Badge, EmptyState, SubmitButton } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { DELIVERY_STATES, type DeliveryState } from "~/domain/webhook-events";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

export type DeliveryRow = {
  id: string;
  type: string;
  state: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  event: { eventId: string };
  bank: { name: string; nameEn: string };
  attemptLog: { id: string; at: string; status: number | null; error: string | null; durationMs: number }[];
};

const TONES = { PENDING: "amber", DELIVERED: "green", FAILED: "red" } as const;

/** State tabs with their counts: links, so the page stays a GET with ?state=. */
export function DeliveryStateTabs({
  current,
  counts,
  base,
  keep = {},
}: {
  current: DeliveryState | null;
  counts: Partial<Record<DeliveryState, number>>;
  base: string;
  /** other filters the tabs keep (e.g. the bureau's bank) */
  keep?: Record<string, string | null>;
}) {
  const t = useT();
  const td = useTDynamic();
  const tabs = [null, ...DELIVERY_STATES] as const;
  const hrefOf = (state: DeliveryState | null) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(keep)) if (value) params.set(key, value);
    if (state) params.set("state", state);
    const query = params.toString();
    return query ? `${base}?${query}` : base;
  };
  return (
    <nav aria-label={t("webhooks.deliveries.state")} className="mb-3 flex flex-wrap gap-2 text-sm">
      {tabs.map((state) => (
        <Link
          key={state ?? "all"}
          to={hrefOf(state)}
          aria-current={state === current ? "page" : undefined}
          className={
            state === current
              ? "rounded-full bg-brand-600 px-3 py-1 text-white"
              : "rounded-full bg-slate-100 px-3 py-1 text-slate-700 hover:bg-slate-200"
          }
        >
          {state ? td(`webhooks.deliveries.states.${state}`) : t("webhooks.deliveries.any")}
          {state && ` (${counts[state] ?? 0})`}
        </Link>
      ))}
    </nav>
  );
}

/** The delivery log: newest first, the last attempt's outcome, a redeliver button on FAILED rows. */
export function DeliveryTable({
  rows,
  total,
  page,
  pageSize,
  showBank,
  filtered,
  result,
}: {
  rows: readonly DeliveryRow[];
  total: number;
  page: number;
  pageSize: number;
  showBank: boolean;
  filtered: boolean;
  result: AnyFormResult;
}) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const columns: (Column<DeliveryRow> | false)[] = [
    {
      key: "type",
      header: t("webhooks.deliveries.type"),
      cell: (row) => (
        <>
          <span className="font-mono text-xs">{row.type}</span>
          <p className="font-mono text-xs text-slate-500">{row.event.eventId}</p>
        </>
      ),
    },
    showBank && {
      key: "bank",
      header: t("webhooks.deliveries.bank"),
      cell: (row) => (locale === "zh-CN" ? row.bank.name : row.bank.nameEn),
    },
    {
      key: "state",
      header: t("webhooks.deliveries.state"),
      nowrap: true,
      cell: (row) => (
        <Badge tone={TONES[row.state as DeliveryState] ?? "gray"}>
          {td(`webhooks.deliveries.states.${row.state}`)}
        </Badge>
      ),
    },
    {
      key: "createdAt",
      header: t("webhooks.deliveries.createdAt"),
      nowrap: true,
      cell: (row) => formatDateTime(row.createdAt, locale),
    },
    {
      key: "attempts",
      header: t("webhooks.deliveries.attempts"),
      align: "right",
      cell: (row) => row.attempts,
    },
    {
      key: "last",
      header: t("webhooks.deliveries.last"),
      cell: (row) => (
        <>
          {row.lastAttemptAt ? (
            <p>
              {formatDateTime(row.lastAttemptAt, locale)}
              {row.lastStatus !== null &&
                ` · ${t("webhooks.deliveries.lastStatus", { status: row.lastStatus })}`}
            </p>
          ) : (
            <p className="text-slate-500">{t("webhooks.deliveries.noAttempt")}</p>
          )}
          {row.lastError && <p className="break-all text-xs text-red-700">{row.lastError}</p>}
          {row.attemptLog.length > 1 && (
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-brand-700">
                {t("webhooks.deliveries.attemptLog", { count: row.attemptLog.length })}
              </summary>
              <ol className="mt-1 flex flex-col gap-0.5">
                {row.attemptLog.map((attempt) => (
                  <li key={attempt.id} className="tabular-nums">
                    {formatDateTime(attempt.at, locale)} ·{" "}
                    {attempt.status !== null
                      ? t("webhooks.deliveries.lastStatus", { status: attempt.status })
                      : (attempt.error ?? "—")}{" "}
                    · {attempt.durationMs} ms
                  </li>
                ))}
              </ol>
            </details>
          )}
          {row.state === "PENDING" && row.nextAttemptAt && (
            <p className="text-xs text-slate-500">
              {t("webhooks.deliveries.next", { at: formatDateTime(row.nextAttemptAt, locale) })}
            </p>
          )}
        </>
      ),
    },
    {
      key: "actions",
      header: <span className="sr-only">{t("webhooks.deliveries.redeliver")}</span>,
      cell: (row) =>
        row.state === "FAILED" ? (
          <PostForm result={result} intent="redeliver" rowId={row.id} idPrefix={`${row.id}-`}>
            <input type="hidden" name="id" value={row.id} />
            <SubmitButton
              name="intent"
              value="redeliver"
              variant="secondary"
              pendingLabel={t("webhooks.deliveries.redelivering")}
              aria-label={`${t("webhooks.deliveries.redeliver")} ${row.event.eventId}`}
            >
              {t("webhooks.deliveries.redeliver")}
            </SubmitButton>
          </PostForm>
        ) : null,
    },
  ];
  return (
    <>
      <p className="mb-2 text-sm text-slate-600">{t("webhooks.deliveries.count", { count: total })}</p>
      <DataTable
        label={t("webhooks.deliveries.title")}
        rows={rows}
        rowKey={(row) => row.id}
        columns={columns}
        empty={
          <EmptyState
            title={filtered ? t("webhooks.deliveries.emptyFiltered") : t("webhooks.deliveries.empty")}
          />
        }
        pagination={{ page, pageSize, total }}
      />
    </>
  );
}
