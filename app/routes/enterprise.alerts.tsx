import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listOwnAlerts } from "~/models/credit-alert-desk.server";
import { requireEnterpriseUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const changes = await listOwnAlerts(actor);
  return json({ changes }, { headers: { "Cache-Control": "no-store" } });
}

/** What the nightly refresh found about the firm and told its banks; each record can be objected to. */
export default function OwnAlerts() {
  const { changes } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("alerts.enterprise.title")} description={t("alerts.enterprise.intro")} />
      <EnterpriseNav />
      {changes.length === 0 ? (
        <EmptyState title={t("alerts.enterprise.empty")} hint={t("alerts.enterprise.emptyHint")} />
      ) : (
        <ul className="flex flex-col gap-3">
          {changes.map((change) => (
            <li key={change.changeKey}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="font-medium text-slate-900">{td(`alerts.kind.${change.kind}`)}</p>
                    <p className="mt-1 text-sm text-slate-700">
                      {td(`notifications.kinds.creditAlertOwn.${change.kind}`, change.detail)}
                    </p>
                    <p className="mt-1 text-xs text-slate-500">
                      {formatDateTime(change.detectedAt, locale)} ·{" "}
                      {t("alerts.enterprise.banksTold", { count: change.banks })}
                    </p>
                  </div>
                  <div className="flex flex-col items-end gap-2 text-sm">
                    {change.objection ? (
                      <Badge tone={change.objection.status === "OPEN" ? "blue" : "gray"}>
                        {t("alerts.enterprise.objectionStatus", {
                          status: td(`enterprise.credit.objectionStatus.${change.objection.status}`),
                        })}
                      </Badge>
                    ) : change.objectLink ? (
                      <Link to={change.objectLink} className="font-medium text-brand-700 hover:underline">
                        {t("alerts.enterprise.object")}
                      </Link>
                    ) : (
                      <span className="text-slate-500">{t("alerts.enterprise.notObjectable")}</span>
                    )}
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
