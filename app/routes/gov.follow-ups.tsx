import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { Pagination } from "~/components/pagination";
import { Badge, EmptyState, PageHeader, buttonClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { NO_OFFER_WORKING_DAYS } from "~/models/gov-codes";
import { parsePage } from "~/domain/list-query";
import { listFollowUps } from "~/models/follow-ups.server";
import { requireGovUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  return { role: actor.role, ...(await listFollowUps(actor, { page })) };
}

export default function GovFollowUps() {
  const { role, firms, total, page, pageSize } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <div>
      <GovNav role={role} />
      <PageHeader
        title={t("gov.followUps.title")}
        description={t("gov.followUps.intro", { days: NO_OFFER_WORKING_DAYS })}
      />
      {total === 0 ? (
        <EmptyState title={t("gov.followUps.empty")} hint={t("gov.followUps.emptyHint")} />
      ) : (
        <>
          <ul className="flex flex-col gap-3">
            {firms.map((firm) => (
              <li key={firm.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <Link to={`/gov/firms/${firm.id}`} className="font-medium text-brand-700 hover:underline">
                      {firm.name}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {firm.contactName} · {firm.contactMobile}
                      {role === "GOV_BUREAU" &&
                        ` · ${locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn}`}
                    </p>
                    <p className="text-xs text-slate-500">
                      {firm.lastVisitOn
                        ? t("gov.followUps.lastVisit", { date: formatDate(firm.lastVisitOn, locale) })
                        : t("gov.followUps.neverVisited")}
                    </p>
                  </div>
                  {role === "GOV_OFFICE" && (
                    <Link to={`/gov/visits?firm=${firm.id}#new-visit`} className={buttonClass("secondary")}>
                      {t("gov.firm.logVisit")}
                    </Link>
                  )}
                </div>
                <ul className="mt-3 flex flex-col gap-1 text-sm">
                  {firm.reasons.map((reason, i) => (
                    <li key={i} className="flex flex-wrap items-center gap-2">
                      {reason.kind === "REJECTED" && (
                        <>
                          <Badge tone="red">{t("gov.followUps.kinds.REJECTED")}</Badge>
                          {t("gov.followUps.rejected", {
                            number: reason.number,
                            bank: locale === "zh-CN" ? reason.bank.name : reason.bank.nameEn,
                            date: formatDate(reason.at, locale),
                            reason: reason.reason ? td(`domain.rejectReason.${reason.reason}`) : "",
                          })}
                        </>
                      )}
                      {reason.kind === "OVERDUE" && (
                        <>
                          <Badge tone="amber">{t("gov.followUps.kinds.OVERDUE")}</Badge>
                          {t("gov.followUps.overdue", {
                            number: reason.number,
                            bank: locale === "zh-CN" ? reason.bank.name : reason.bank.nameEn,
                            date: formatDate(reason.deadline, locale),
                          })}
                        </>
                      )}
                      {reason.kind === "NO_OFFER" && (
                        <>
                          <Badge tone="blue">{t("gov.followUps.kinds.NO_OFFER")}</Badge>
                          {t("gov.followUps.noOffer", {
                            amount: formatYuanAsWan(reason.amountYuan, locale),
                            date: formatDate(reason.since, locale),
                          })}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={pageSize} total={total} />
        </>
      )}
    </div>
  );
}
