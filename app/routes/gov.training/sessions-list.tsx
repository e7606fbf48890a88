import type { SerializeFrom } from "@remix-run/node";

import { Pagination } from "~/components/pagination";
import { Card, EmptyState } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import { useOrgName } from "./org-name";
import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The sessions held, newest first, a page at a time. */
export function SessionsList({
  role,
  sessions,
  page,
  total,
}: Pick<Data, "role" | "sessions" | "page" | "total">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const name = useOrgName();
  return (
    <Card title={t("outreach.training.list")}>
      {sessions.length === 0 ? (
        <EmptyState
          title={t("outreach.training.empty")}
          hint={role === "GOV_BUREAU" ? t("outreach.training.emptyHint") : undefined}
        />
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap justify-between gap-2 py-3">
              <div>
                <p className="font-medium">{session.topic}</p>
                <p className="text-slate-600">
                  {td(`common.roles.${session.audienceRole}`)} ·{" "}
                  {name(session.bank) || name(session.subDistrict) || session.organisation}
                  {session.organisation && (session.bank || session.subDistrict)
                    ? ` · ${session.organisation}`
                    : ""}
                </p>
              </div>
              <div className="text-right text-slate-600">
                <p>{formatDate(session.heldOn, locale)}</p>
                <p>{t("outreach.training.people", { count: session.attendees })}</p>
                {session.materialsUrl && (
                  <a
                    href={session.materialsUrl}
                    rel="noopener noreferrer nofollow"
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {t("outreach.training.materialsLink")}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </Card>
  );
}
