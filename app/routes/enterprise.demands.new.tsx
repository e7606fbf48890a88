import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { DemandForm } from "~/components/demand-form";
import { demandSchema } from "~/components/demand-form.server";
import { EnterpriseNav } from "~/components/enterprise-nav";
import { Card, PageHeader } from "~/components/ui";
import { addDays, endOfShanghaiDay, shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { createDemand } from "~/models/demand.server";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseSubmission } from "~/utils/form-action.server";
import { formReused } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEnterpriseUser(request);
  const today = shanghaiDate(new Date());
  return {
    today,
    defaults: { validUntil: addDays(today, 60), guaranteeTypes: ["CREDIT"] },
    formKey: newFormKey(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const form = await readForm(request);
  const submission = parseSubmission(form, demandSchema());
  if (!submission.ok) return submission.reply;
  const { amount, rateCeiling, validUntil, ...rest } = submission.data;
  const created = await createDemand(
    actor,
    { ...rest, amountYuan: amount, rateCeilingBp: rateCeiling, validUntil: endOfShanghaiDay(validUntil) },
    formKeyOf(form),
  );
  if (!created.ok) return formReused();
  return redirectWithFlash(`/enterprise/demands/${created.row.id}`, {
    kind: "success",
    key: "enterprise.demands.created",
  });
}

export default function NewDemand() {
  const { today, defaults, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("enterprise.demands.newTitle")}
        description={t("enterprise.demands.intro")}
        actions={
          <Link to="/enterprise/demands" className="text-sm text-brand-700 hover:underline">
            ← {t("enterprise.demands.title")}
          </Link>
        }
      />
      <EnterpriseNav />
      <Card>
        <DemandForm
          result={actionData}
          defaults={defaults}
          intent="create"
          submitLabel={t("enterprise.demands.publish")}
          pendingLabel={t("enterprise.demands.publishing")}
          today={today}
          formKey={formKey}
        />
      </Card>
    </div>
  );
}
