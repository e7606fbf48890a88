import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { MoneyField, PostForm, TextField } from "~/components/form-kit";
import { depositSchema } from "~/components/pool-forms.server";
import { BureauPoolNav } from "~/components/pool-ui";
import { Card, PageHeader, SubmitButton } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { officePoolFigures } from "~/models/pool-views.server";
import { recordDeposit } from "~/models/risk-pool.server";
import { requireBureauUser, requireGovUser } from "~/permissions.server";
import { parseSubmission } from "~/utils/form-action.server";
import { readForm } from "~/utils/read-form.server";

import { Ledger } from "./ledger";
import { OfficeFigures } from "./office-figures";
import { PoolStats } from "./pool-stats";
import { bureauPoolPage } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  if (actor.role === "GOV_OFFICE")
    return { view: "office" as const, figures: await officePoolFigures(actor) };
  return { view: "bureau" as const, ...(await bureauPoolPage(actor, new URL(request.url).searchParams)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const submission = parseSubmission(form, depositSchema());
  if (!submission.ok) return submission.reply;
  const { amount, reference, note } = submission.data;
  const result = await recordDeposit(actor, { amountFen: amount, reference, note });
  return redirectWithFlash(
    "/gov/risk-pool",
    result.paidClaimIds.length
      ? { kind: "success", key: "pool.deposit.paidWaiting", params: { count: result.paidClaimIds.length } }
      : { kind: "success", key: "pool.deposit.done" },
  );
}

export default function RiskPoolOverview() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  if (data.view === "office") return <OfficeFigures figures={data.figures} />;
  return (
    <div className="flex flex-col gap-6">
      <BureauPoolNav />
      <PageHeader title={t("pool.title")} description={t("pool.intro")} />
      <PoolStats overview={data.overview} />
      <Card title={t("pool.deposit.title")}>
        <PostForm result={actionData} className="grid gap-3 sm:grid-cols-3 sm:items-start">
          <MoneyField name="amount" label={t("pool.deposit.amount")} maxLength={20} />
          <TextField
            name="reference"
            label={t("pool.deposit.reference")}
            hint={t("pool.deposit.referenceHint")}
            maxLength={100}
          />
          <TextField name="note" label={t("pool.deposit.note")} maxLength={200} />
          <div className="sm:col-span-3">
            <SubmitButton>{t("pool.deposit.submit")}</SubmitButton>
          </div>
        </PostForm>
      </Card>
      <Ledger movements={data.movements} page={data.page} total={data.total} />
    </div>
  );
}
