import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Badge, Card, EmptyState, PageHeader, Stat } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { GovActor } from "~/models/actor";
import { getGovSummary } from "~/models/enterprise.server";
import { requireHomeRole } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requireHomeRole(request, ["GOV_OFFICE", "GOV_BUREAU"])) as GovActor;
  return { role: actor.role, org: actor.organization, summary: await getGovSummary(actor) };
}

export default function GovHome() {
  const { role, org, summary } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const office = role === "GOV_OFFICE";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={office ? t("workspace.gov.officeTitle") : t("workspace.gov.bureauTitle")}
        description={org ? (locale === "zh-CN" ? org.zh : org.en) : undefined}
      />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={office ? t("workspace.gov.firms") : t("workspace.gov.firmsDistrict")} value={summary.firms} />
        <Stat label={t("workspace.gov.whitelisted")} value={summary.whitelisted} />
        <Stat label={t("workspace.gov.applicationsThisYear")} value={summary.applications} />
        <Stat label={t("workspace.gov.disbursedThisYear")} value={formatYuanAsWan(summary.disbursedYuan, locale)} />
      </dl>
      <Card title={t("workspace.gov.newestFirms")}>
        {summary.newest.length ? (
          <ul className="divide-y divide-slate-200">
            {summary.newest.map((firm) => (
              <li key={firm.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-medium">{firm.name}</p>
                  <p className="font-mono text-xs text-slate-500">{firm.uscc}</p>
                </div>
                <div className="flex items-center gap-2 text-sm text-slate-600">
                  <Badge>{td(`domain.size.${firm.size}`)}</Badge>
                  {locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn} ·{" "}
                  {t("workspace.gov.registeredOn", { date: formatDate(new Date(firm.createdAt), locale) })}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t("workspace.gov.noFirms")} />
        )}
      </Card>
    </div>
  );
}
