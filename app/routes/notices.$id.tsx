import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Badge, Card, PageHeader } from "~/components/ui";
import { formatDateTime, formatDay } from "~/domain/format-date";
import { shanghaiDate } from "~/domain/shanghai-time";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { parseId } from "~/domain/list-query";
import { getPublishedNotice } from "~/models/notice.server";
import { getActor } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

/** One notice; a draft, a withdrawn notice or one for another role is a 404 like an unknown id. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getActor(request);
  const id = parseId(params.id);
  const notice = id ? await getPublishedNotice(viewer, id) : null;
  if (!notice) notFound();
  return { notice: { ...notice, effectiveOn: shanghaiDate(notice.effectiveOn) } };
}

export default function Notice() {
  const { notice } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <Link to="/notices" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("outreach.notices.all")}
      </Link>
      <PageHeader title={notice.title} description={notice.summary} />
      <p className="-mt-4 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{t("outreach.notices.effectiveOn", { day: formatDay(notice.effectiveOn, locale) })}</span>
        {notice.publishedAt && (
          <span>
            {t("outreach.notices.publishedAt", { time: formatDateTime(notice.publishedAt, locale) })}
          </span>
        )}
        {notice.audience !== "PUBLIC" && (
          <Badge tone="blue">{td(`outreach.notices.audiences.${notice.audience}`)}</Badge>
        )}
      </p>
      <Card>
        {/* renderMarkdown's output: an allowlist of tags, no raw HTML, no script addresses */}
        <div className="markdown" dangerouslySetInnerHTML={{ __html: notice.html }} />
        {notice.links.length > 0 && (
          <section aria-labelledby="notice-links" className="mt-6 border-t border-slate-200 pt-4">
            <h2 id="notice-links" className="text-sm font-semibold text-slate-700">
              {t("outreach.notices.links")}
            </h2>
            <ul className="mt-2 list-disc pl-5 text-sm">
              {notice.links.map((link) => (
                <li key={link.url}>
                  <a
                    href={link.url}
                    rel="noopener noreferrer nofollow"
                    className="text-brand-700 hover:underline"
                  >
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </Card>
    </article>
  );
}
