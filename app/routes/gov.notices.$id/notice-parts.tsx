import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";

import { Badge, Card, SubmitButton } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Notice = SerializeFrom<typeof loader>["notice"];

/** The notice's status, audience and version. */
export function NoticeStatus({ notice }: { notice: Notice }) {
  const td = useTDynamic();
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Badge
        tone={notice.status === "PUBLISHED" ? "green" : notice.status === "WITHDRAWN" ? "amber" : "gray"}
      >
        {td(`outreach.notices.statuses.${notice.status}`)}
      </Badge>
      <span>{td(`outreach.notices.audiences.${notice.audience}`)}</span>
      <span>v{notice.version}</span>
    </span>
  );
}

/** Publish a draft or withdrawn notice; withdraw a published one (and a link to it as published). */
export function PublishForm({ notice }: { notice: Notice }) {
  const t = useT();
  return (
    <Form method="post" className="flex flex-wrap gap-2">
      {notice.status === "PUBLISHED" ? (
        <>
          <Link
            to={`/notices/${notice.id}`}
            className="self-center text-sm font-medium text-brand-700 hover:underline"
          >
            {t("outreach.notices.viewPublished")}
          </Link>
          <SubmitButton
            name="intent"
            value="withdraw"
            variant="danger"
            pendingLabel={t("common.actions.saving")}
          >
            {t("outreach.notices.withdraw")}
          </SubmitButton>
        </>
      ) : (
        <SubmitButton name="intent" value="publish" pendingLabel={t("common.actions.saving")}>
          {t("outreach.notices.publish")}
        </SubmitButton>
      )}
    </Form>
  );
}

/** How the notice reads, and who edited which version when. */
export function PreviewAndVersions({ notice }: { notice: Notice }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <Card title={t("outreach.notices.preview")}>
        <div className="markdown" dangerouslySetInnerHTML={{ __html: notice.html }} />
      </Card>
      <Card title={t("outreach.notices.versions")}>
        <ol className="flex flex-col gap-2 text-sm">
          {notice.versions.map((version) => (
            <li key={version.version} className="flex flex-wrap justify-between gap-2">
              <span>
                <span className="font-medium tabular-nums">v{version.version}</span> {version.title}
              </span>
              <span className="text-slate-600">
                {version.editedBy.displayName} · {formatDateTime(version.createdAt, locale)}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
