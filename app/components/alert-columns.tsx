import { Link } from "@remix-run/react";

import type { AlertStanding } from "~/domain/credit-alerts";
import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import { AlertStandingBadge } from "./alert-badges";
import type { Column } from "./list-kit";

/** What a row of an alerts list shows. */
export type AlertRow = {
  id: string;
  enterprise: { id: string; name: string; uscc: string };
  kind: string;
  detectedAt: string;
  dueAt: string;
  standing: AlertStanding;
  action?: string | null;
  bank?: { name: string; nameEn: string };
};

/**
 * The sortable columns of an alerts list: the bank's desk (with the action it took) and the
 * government's summary (with the bank that raised each alert, never its notes).
 */
export function useAlertColumns<Row extends AlertRow>({
  hrefOf,
  gov = false,
}: {
  hrefOf: (alert: Row) => string;
  gov?: boolean;
}): (Column<Row> | false)[] {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return [
    {
      key: "enterprise",
      header: t("alerts.common.columns.enterprise"),
      sortable: true,
      cell: (alert) => (
        <>
          <Link to={hrefOf(alert)} className="font-medium text-brand-700 hover:underline">
            {alert.enterprise.name}
          </Link>
          <p className="font-mono text-xs text-slate-500">{alert.enterprise.uscc}</p>
        </>
      ),
    },
    {
      key: "kind",
      header: t("alerts.common.columns.kind"),
      sortable: true,
      cell: (alert) => td(`alerts.kind.${alert.kind}`),
    },
    gov && {
      key: "bank",
      header: t("alerts.common.columns.bank"),
      cell: (alert) => (locale === "zh-CN" ? alert.bank?.name : alert.bank?.nameEn),
    },
    {
      key: "detectedAt",
      header: t("alerts.common.columns.detectedAt"),
      sortable: "desc",
      nowrap: true,
      cell: (alert) => formatDateTime(alert.detectedAt, locale),
    },
    {
      key: "dueAt",
      header: t("alerts.common.columns.dueAt"),
      sortable: true,
      nowrap: true,
      cell: (alert) => formatDateTime(alert.dueAt, locale),
    },
    {
      key: "standing",
      header: t("alerts.common.columns.standing"),
      cell: (alert) =>
        gov ? (
          <AlertStandingBadge standing={alert.standing} />
        ) : (
          <div className="flex flex-col items-start gap-1">
            <AlertStandingBadge standing={alert.standing} />
            {alert.action && (
              <span className="text-xs text-slate-600">{td(`alerts.action.${alert.action}`)}</span>
            )}
          </div>
        ),
    },
  ];
}
