import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { GovNav } from "~/components/gov-nav";
import { NoticeForm } from "~/components/notice-form";
import { Badge, Card, PageHeader, SubmitButton } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { parseId } from "~/domain/list-query";
import { parseNoticeForm } from "~/models/notice-form.server";
import {
  getNoticeForBureau,
  publishNotice,
  updateNotice,
  withdrawNotice,
  type NoticeChange,
} from "~/models/notice.server";
import { requireBureauUser } from "~/permissions.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest, json, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  const notice = id ? await getNoticeForBureau(actor, id) : null;
  if (!notice) notFound();
  return { role: actor.role, notice: { ...notice, effectiveOn: shanghaiDate(notice.effectiveOn) } };
}

type ActionData = { errors: FieldErrors; values: Record<string, string | string[]> };

function answer(result: NoticeChange, id: string, flash: string) {
  if (!result.ok && result.error === "NOT_FOUND") notFound();
  if (!result.ok)
    return json<ActionData>(
      { errors: { _form: { key: "outreach.notices.errors.changed" } }, values: {} },
      { status: 409 },
    );
  return redirectWithFlash(`/gov/notices/${id}`, { kind: "success", key: flash });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const id = parseId(params.id);
  if (!id) notFound();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "publish") {
    const result = await publishNotice(actor, id);
    return answer(result, id, "outreach.notices.flash.published");
  }
  if (intent === "withdraw")
    return answer(await withdrawNotice(actor, id), id, "outreach.notices.flash.withdrawn");
  if (intent !== "save")
    return badRequest<ActionData>({ errors: { _form: { key: "common.validation.invalid" } }, values: {} });
  const parsed = parseNoticeForm(form);
  if (!parsed.ok) return badRequest<ActionData>({ errors: parsed.errors, values: parsed.values });
  if (parsed.version === null)
    return badRequest<ActionData>({ errors: { _form: { key: "common.validation.invalid" } }, values: {} });
  return answer(
    await updateNotice(actor, id, parsed.version, parsed.input),
    id,
    "outreach.notices.flash.saved",
  );
}

export default function GovNotice() {
  const { role, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <Link to="/gov/notices" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("outreach.notices.manageTitle")}
      </Link>
      <PageHeader
        title={notice.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge
              tone={
                notice.status === "PUBLISHED" ? "green" : notice.status === "WITHDRAWN" ? "amber" : "gray"
              }
            >
              {td(`outreach.notices.statuses.${notice.status}`)}
            </Badge>
            <span>{td(`outreach.notices.audiences.${notice.audience}`)}</span>
            <span>v{notice.version}</span>
          </span>
        }
        actions={
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
        }
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
      </div>
    </div>
  );
}
