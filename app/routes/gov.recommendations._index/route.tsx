import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { EmptyState, PageHeader, buttonClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requireGovUser } from "~/permissions.server";

import { recommendationsPage } from "./queries.server";
import { RecommendationsTable } from "./recommendations-table";
import { StatusTabs } from "./status-tabs";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  return { role: actor.role, ...(await recommendationsPage(actor, new URL(request.url).searchParams)) };
}

export default function GovRecommendations() {
  const { role, status, items, total, counts, page } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <GovNav role={role} />
      <PageHeader
        title={t("gov.recommendations.title")}
        description={
          role === "GOV_OFFICE" ? t("gov.recommendations.introOffice") : t("gov.recommendations.introBureau")
        }
        actions={
          role === "GOV_OFFICE" ? (
            <Link to="/gov/recommendations/new" className={buttonClass("primary")}>
              {t("gov.recommendations.new")}
            </Link>
          ) : (
            <Link to="/gov/review" className={buttonClass("primary")}>
              {t("gov.nav.review")}
            </Link>
          )
        }
      />
      <StatusTabs status={status} counts={counts} />
      <RecommendationsTable
        role={role}
        items={items}
        page={page}
        total={total}
        empty={
          <EmptyState
            title={t("gov.recommendations.empty")}
            hint={role === "GOV_OFFICE" ? t("gov.recommendations.emptyHintOffice") : undefined}
            action={
              role === "GOV_OFFICE" ? (
                <Link to="/gov/recommendations/new" className={buttonClass("secondary")}>
                  {t("gov.recommendations.new")}
                </Link>
              ) : undefined
            }
          />
        }
      />
    </div>
  );
}
