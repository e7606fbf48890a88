import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { GovNav } from "~/components/gov-nav";
import { NoticeForm } from "~/components/notice-form";
import { Card, PageHeader } from "~/components/ui";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { parseNoticeForm } from "~/models/notice-form.server";
import { createNotice } from "~/models/notice.server";
import { requireBureauUser } from "~/permissions.server";
import { badRequest, formReused } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { role: actor.role, today: shanghaiDate(new Date()), formKey: newFormKey() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const parsed = parseNoticeForm(form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const created = await createNotice(actor, parsed.input, formKeyOf(form));
  if (!created.ok) return formReused();
  return redirectWithFlash(`/gov/notices/${created.row.id}`, {
    kind: "success",
    key: "outreach.notices.flash.created",
  });
}

export default function NewNotice() {
  const { role, today, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader title={t("outreach.notices.newTitle")} description={t("outreach.notices.newIntro")} />
      <Card className="max-w-3xl">
        <NoticeForm
          values={{ title: "", summary: "", body: "", effectiveOn: today, audience: "PUBLIC", links: [] }}
          errors={actionData?.errors ?? {}}
          echoed={actionData?.values}
          hidden={{ formKey }}
          submitLabel={t("outreach.notices.saveDraft")}
        />
      </Card>
    </div>
  );
}
