import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { ruleSchema } from "~/components/pool-forms.server";
import { BureauPoolNav } from "~/components/pool-ui";
import { PageHeader } from "~/components/ui";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { listRuleVersions } from "~/models/pool-rule.server";
import { requireBureauUser } from "~/permissions.server";
import { parseSubmission, replyWithErrors } from "~/utils/form-action.server";
import { readForm } from "~/utils/read-form.server";

import { createRuleFromForm } from "./queries.server";
import { RuleForm } from "./rule-form";
import { RulesTable } from "./rules-table";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { rules: await listRuleVersions(actor), today: shanghaiDate(new Date()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const submission = parseSubmission(form, ruleSchema());
  if (!submission.ok) return submission.reply;
  const errors = await createRuleFromForm(actor, submission.data);
  if (errors) return replyWithErrors({ errors, values: submission.values });
  return redirectWithFlash("/gov/risk-pool/rules", { kind: "success", key: "pool.rules.created" });
}

export default function PoolRules() {
  const { rules, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <BureauPoolNav />
      <PageHeader title={t("pool.rules.title")} description={t("pool.rules.intro")} />
      <RulesTable rules={rules} today={today} />
      <RuleForm today={today} actionData={actionData} />
    </div>
  );
}
