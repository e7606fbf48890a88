import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { Pagination } from "~/components/pagination";
import { Card, EmptyState } from "~/components/ui";
import { VisitNotes } from "~/components/visit-notes";
import { formatDate } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The visits logged so far, newest first, with a way back to all firms when one is chosen. */
export function VisitsList({
  role,
  visits,
  page,
  total,
  firmFilter,
}: Pick<Data, "role" | "visits" | "page" | "total"> & { firmFilter: string | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card
      title={t("gov.visits.history")}
      actions={
        firmFilter ? (
          <Link to="/gov/visits" className="text-sm font-medium text-brand-700 hover:underline">
            {t("gov.visits.allFirms")}
          </Link>
        ) : undefined
      }
    >
      {visits.length === 0 ? (
        <EmptyState
          title={t("gov.visits.empty")}
          hint={role === "GOV_OFFICE" ? t("gov.visits.emptyHint") : undefined}
        />
      ) : (
        <ol className="flex flex-col gap-3 text-sm">
          {visits.map((visit) => (
            <li key={visit.id} className="rounded-md bg-slate-50 p-3">
              <p className="flex flex-wrap items-center gap-x-2 font-medium">
                <span>{formatDate(visit.visitedOn, locale)}</span>
                <Link to={`/gov/firms/${visit.enterprise.id}`} className="text-brand-700 hover:underline">
                  {visit.enterprise.name}
                </Link>
                {visit.enterprise.invitations[0] && (
                  <Link
                    to={`/gov/invitations/${visit.enterprise.invitations[0].id}`}
                    className="text-xs font-normal text-brand-700 hover:underline"
                  >
                    {t("outreach.invitations.cameThrough")}
                  </Link>
                )}
                <span className="font-normal text-slate-600">
                  {visit.user.displayName} ·{" "}
                  {locale === "zh-CN" ? visit.subDistrict.name : visit.subDistrict.nameEn}
                </span>
              </p>
              <VisitNotes visit={visit} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </Card>
  );
}
