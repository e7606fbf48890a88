import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ApplicationList } from "~/components/application-list";
import { Badge, Card, EmptyState, PageHeader, buttonClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { findSection } from "~/domain/industry";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { EnterpriseActor } from "~/models/actor";
import { listOwnApplications } from "~/models/application.server";
import { getOwnEnterprise } from "~/models/enterprise.server";
import { requireHomeRole } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requireHomeRole(request, ["ENTERPRISE"])) as EnterpriseActor;
  const [enterprise, applications] = await Promise.all([getOwnEnterprise(actor), listOwnApplications(actor)]);
  if (!enterprise) notFound();
  return { enterprise, applications, now: new Date().toISOString() };
}

export default function EnterpriseHome() {
  const { enterprise, applications, now } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const section = findSection(enterprise.sectionCode);
  const whitelisted = enterprise.whitelistedUntil && enterprise.whitelistedUntil > now;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("workspace.enterprise.title")} description={enterprise.name} />
      <Card title={t("workspace.enterprise.profile")}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-500">{t("workspace.enterprise.uscc")}</dt>
            <dd className="font-mono">{enterprise.uscc}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("workspace.enterprise.legalRepresentative")}</dt>
            <dd>{enterprise.legalRepresentative}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("workspace.enterprise.subDistrict")}</dt>
            <dd>{locale === "zh-CN" ? enterprise.subDistrict.name : enterprise.subDistrict.nameEn}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("workspace.enterprise.industry")}</dt>
            <dd>{section ? (locale === "zh-CN" ? section.zh : section.en) : enterprise.sectionCode}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("workspace.enterprise.size")}</dt>
            <dd>{td(`domain.size.${enterprise.size}`)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("workspace.enterprise.whitelist")}</dt>
            <dd>
              {whitelisted ? (
                <Badge tone="green">
                  {t("workspace.enterprise.whitelisted", { until: formatDate(new Date(enterprise.whitelistedUntil!), locale) })}
                </Badge>
              ) : (
                <Badge>{t("workspace.enterprise.notWhitelisted")}</Badge>
              )}
            </dd>
          </div>
        </dl>
      </Card>
      <Card title={t("workspace.enterprise.applications")}>
        {applications.length ? (
          <ApplicationList items={applications} show="bank" />
        ) : (
          <EmptyState
            title={t("workspace.enterprise.noApplications")}
            action={
              <Link to="/products" className={buttonClass("primary")}>
                {t("workspace.enterprise.browseProducts")}
              </Link>
            }
          />
        )}
      </Card>
    </div>
  );
}
