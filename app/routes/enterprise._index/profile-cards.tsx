import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { Badge, Card } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { findSection } from "~/domain/industry-sections";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** 企业信息: the firm's identity, size, whitelist standing and credit grades. */
export function ProfileCard({
  enterprise,
  whitelisted,
  openRecommendation,
}: Pick<Data, "enterprise" | "whitelisted" | "openRecommendation">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const section = findSection(enterprise.sectionCode);
  return (
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
  );
}

/** How complete the firm's profile is, check by check. */
export function CompletenessCard({ completeness }: Pick<Data, "completeness">) {
  const t = useT();
  const td = useTDynamic();
  return (
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
  );
}
