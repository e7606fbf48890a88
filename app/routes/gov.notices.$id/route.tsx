import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { GovNav } from "~/components/gov-nav";
import { NoticeForm } from "~/components/notice-form";
import { Card, PageHeader } from "~/components/ui";
import { parseId } from "~/domain/list-query";
import { shanghaiDate } from "~/domain/shanghai-time";
import { useT } from "~/i18n/use-t";
import { getNoticeForBureau } from "~/models/notice.server";
import { requireBureauUser } from "~/permissions.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { NoticeStatus, PreviewAndVersions, PublishForm } from "./notice-parts";
import { runNoticeIntent } from "./queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  const notice = id ? await getNoticeForBureau(actor, id) : null;
  if (!notice) notFound();
  return { role: actor.role, notice: { ...notice, effectiveOn: shanghaiDate(notice.effectiveOn) } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const id = parseId(params.id);
  if (!id) notFound();
  return runNoticeIntent(actor, id, await readForm(request));
}

export default function GovNotice() {
  const { role, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <Link to="/gov/notices" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("outreach.notices.manageTitle")}
      </Link>
      <PageHeader
        title={notice.title}
        description={<NoticeStatus notice={notice} />}
        actions={<PublishForm notice={notice} />}
      />
      <p className="-mt-4 text-sm text-slate-600">
        {notice.audience === "PUBLIC"
          ? t("outreach.notices.publishPublicHint")
          : t("outreach.notices.publishRoleHint")}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("outreach.notices.edit")}>
          <NoticeForm
            key={notice.version}
            values={notice}
            errors={actionData?.errors ?? {}}
            echoed={actionData?.values}
            hidden={{ intent: "save", version: String(notice.version) }}
            submitLabel={t("outreach.notices.saveVersion")}
          />
        </Card>
        <PreviewAndVersions notice={notice} />
      </div>
    </div>
  );
}
