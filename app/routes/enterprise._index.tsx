import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { StateBadge } from "~/components/state-badge";
import { EnterpriseNav } from "~/components/enterprise-nav";
import { MatchReasons } from "~/components/match-reasons";
import { NotificationText } from "~/components/notification-text";
import { ProductCard } from "~/components/product-card";
import { Badge, Card, EmptyState, PageHeader, buttonClass } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { findSection } from "~/domain/industry";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { EnterpriseActor } from "~/models/actor";
import { getEnterpriseHome } from "~/models/enterprise-home.server";
import { recommendProducts } from "~/models/matching.server";
import { requireHomeRole } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requireHomeRole(request, ["ENTERPRISE"])) as EnterpriseActor;
  if (!actor.enterpriseId) notFound();
  const [home, recommended] = await Promise.all([getEnterpriseHome(actor), recommendProducts(actor)]);
  if (!home) notFound();
  return { ...home, recommended };
}

export default function EnterpriseHome() {
  const {
    enterprise,
    completeness,
    liveAuthorizations,
    openDemands,
    inFlight,
    notifications,
    whitelisted,
    openRecommendation,
    recommended,
  } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const section = findSection(enterprise.sectionCode);
  const bankName = (bank: { name: string; nameEn: string } | null) =>
    bank ? (locale === "zh-CN" ? bank.name : bank.nameEn) : t("enterprise.home.allBanks");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("workspace.enterprise.title")} description={enterprise.name} />
      <EnterpriseNav />
      {enterprise.onDishonestyList && (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
          {t("enterprise.home.dishonest")}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("workspace.enterprise.profile")} className="lg:col-span-2">
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
                    {t("workspace.enterprise.whitelisted", {
                      until: formatDate(enterprise.whitelistedUntil!, locale),
                    })}
                  </Badge>
                ) : (
                  <Link to="/enterprise/whitelist" className="text-brand-700 hover:underline">
                    {openRecommendation
                      ? td(`enterprise.whitelist.recommendationStatus.${openRecommendation.status}`)
                      : t("workspace.enterprise.notWhitelisted")}
                  </Link>
                )}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{t("enterprise.home.taxGrade")}</dt>
              <dd>{enterprise.taxGrade ?? t("enterprise.home.none")}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{t("enterprise.home.publicRating")}</dt>
              <dd>{enterprise.publicRating ?? t("enterprise.home.none")}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t("enterprise.home.completeness")}>
          <p className="text-3xl font-semibold tabular-nums">{completeness.percent}%</p>
          <div
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={completeness.percent}
            aria-label={t("enterprise.home.completeness")}
            className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-600" style={{ width: `${completeness.percent}%` }} />
          </div>
          <ul className="mt-4 flex flex-col gap-1 text-sm">
            {Object.entries(completeness.checks).map(([key, ok]) => (
              <li key={key} className={ok ? "text-emerald-800" : "text-slate-600"}>
                <span aria-hidden="true">{ok ? "✓" : "○"}</span> {td(`enterprise.home.checks.${key}`)}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-slate-500">{t("enterprise.home.completenessHint")}</p>
        </Card>
      </div>

      {recommended.length > 0 && (
        <section aria-labelledby="recommended-title">
          <h2 id="recommended-title" className="mb-3 text-lg font-semibold">
            {t("matching.recommended")}
          </h2>
          <ul className="grid gap-4 md:grid-cols-3" data-testid="recommended-products">
            {recommended.map(({ product, score, reasons }) => (
              <li key={product.id} className="flex flex-col gap-2">
                <ProductCard product={product} />
                <MatchReasons score={score} reasons={reasons} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <Card
        title={t("enterprise.home.inFlight")}
        actions={
          <Link to="/enterprise/applications" className="text-sm text-brand-700 hover:underline">
            {t("enterprise.home.viewAll")}
          </Link>
        }
      >
        {inFlight.length ? (
          <ul className="divide-y divide-slate-200">
            {inFlight.map((application) => (
              <li key={application.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link
                    to={`/enterprise/applications/${application.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {application.product.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {bankName(application.bank)} · {application.number} ·{" "}
                    {formatYuanAsWan(application.amountYuan, locale)}
                  </p>
                </div>
                <div className="flex flex-col items-end gap-1">
                  <StateBadge state={application.state} />
                  <span className="text-xs text-slate-600">
                    {td(`enterprise.home.nextStep.${application.state}`)}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            title={t("enterprise.home.noInFlight")}
            hint={t("workspace.enterprise.noApplications")}
            action={
              <Link to="/products" className={buttonClass("primary")}>
                {t("workspace.enterprise.browseProducts")}
              </Link>
            }
          />
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={t("enterprise.home.authorizations")}
          actions={
            <Link to="/enterprise/authorizations" className="text-sm text-brand-700 hover:underline">
              {t("enterprise.home.viewAll")}
            </Link>
          }
        >
          {liveAuthorizations.length ? (
            <ul className="divide-y divide-slate-200 text-sm">
              {liveAuthorizations.map((a) => (
                <li key={a.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>{bankName(a.bank)}</span>
                  <span className="text-slate-600">
                    {td(`domain.scope.${a.scope}`)} ·{" "}
                    {t("enterprise.home.expiresOn", { date: formatDate(a.expiresAt, locale) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState
              title={t("enterprise.home.noAuthorizations")}
              action={
                <Link to="/enterprise/authorizations" className={buttonClass("primary")}>
                  {t("enterprise.home.authorizeNow")}
                </Link>
              }
            />
          )}
        </Card>
        <Card
          title={t("enterprise.home.demands")}
          actions={
            <Link to="/enterprise/demands" className="text-sm text-brand-700 hover:underline">
              {t("enterprise.home.viewAll")}
            </Link>
          }
        >
          {openDemands.length ? (
            <ul className="divide-y divide-slate-200 text-sm">
              {openDemands.map((d) => (
                <li key={d.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <Link
                    to={`/enterprise/demands/${d.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {formatYuanAsWan(d.amountYuan, locale)} ·{" "}
                    {t("enterprise.demands.termValue", { months: d.termMonths })}
                  </Link>
                  {d.pendingOffers > 0 ? (
                    <Badge tone="amber">
                      {t("enterprise.home.pendingOffers", { count: d.pendingOffers })}
                    </Badge>
                  ) : (
                    <span className="text-slate-600">
                      {t("enterprise.home.expiresOn", { date: formatDate(d.validUntil, locale) })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState
              title={t("enterprise.home.noDemands")}
              action={
                <Link to="/enterprise/demands/new" className={buttonClass("primary")}>
                  {t("enterprise.home.postDemand")}
                </Link>
              }
            />
          )}
        </Card>
      </div>

      <Card
        title={t("enterprise.home.notifications")}
        actions={
          <Link to="/notifications" className="text-sm text-brand-700 hover:underline">
            {t("enterprise.home.allNotifications")}
          </Link>
        }
      >
        {notifications.length ? (
          <ul className="divide-y divide-slate-200 text-sm">
            {notifications.map((n) => (
              <li key={n.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className={n.readAt ? "text-slate-600" : "font-medium"}>
                  {n.link ? (
                    <Link to={n.link} className="hover:underline">
                      <NotificationText kind={n.kind} params={n.params} />
                    </Link>
                  ) : (
                    <NotificationText kind={n.kind} params={n.params} />
                  )}
                </span>
                <span className="text-xs text-slate-500">{formatDateTime(n.createdAt, locale)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("enterprise.home.noNotifications")}</p>
        )}
      </Card>
    </div>
  );
}
