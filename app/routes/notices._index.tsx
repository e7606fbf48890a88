import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Pagination } from "~/components/pagination";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { shanghaiDate } from "~/domain/shanghai-time";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { PAGE_SIZE, parsePage } from "~/domain/list-query";
import { listPublishedNotices } from "~/models/notice.server";
import { getActor } from "~/permissions.server";

/** 政策与通知: the public notices, and for a signed-in reader also those for the reader's role. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getActor(request);
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const { total, notices } = await listPublishedNotices(viewer, { page, pageSize: PAGE_SIZE });
  return {
    page,
    total,
    notices: notices.map((notice) => ({ ...notice, effectiveOn: shanghaiDate(notice.effectiveOn) })),
  };
}

export default function Notices() {
  const { notices, page, total } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader
        title={t("outreach.notices.title")}
        description={t("outreach.notices.intro")}
        actions={
          <a href="/notices/feed.xml" className="text-sm font-medium text-brand-700 hover:underline">
            {t("outreach.notices.feed")}
          </a>
        }
      />
      <Card>
        {notices.length === 0 ? (
          <EmptyState title={t("outreach.notices.empty")} hint={t("outreach.notices.emptyHint")} />
        ) : (
          <ul className="divide-y divide-slate-200">
            {notices.map((notice) => (
              <li key={notice.id} className="py-4">
                <h2 className="text-lg font-semibold">
                  <Link to={`/notices/${notice.id}`} className="text-brand-700 hover:underline">
                    {notice.title}
                  </Link>
                </h2>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  <span>
                    {t("outreach.notices.effectiveOn", { day: formatDay(notice.effectiveOn, locale) })}
                  </span>
                  {notice.audience !== "PUBLIC" && (
                    <Badge tone="blue">{td(`outreach.notices.audiences.${notice.audience}`)}</Badge>
                  )}
                </p>
                <p className="mt-2 text-slate-700">{notice.summary}</p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
      </Card>
    </div>
  );
}
