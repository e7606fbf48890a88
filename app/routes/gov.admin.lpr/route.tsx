import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { AdminNav } from "~/components/gov-nav";
import { DateField, MoneyField, PostForm } from "~/components/form-kit";
import { Card, PageHeader, SubmitButton } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { bpToPercentInput, formatBp } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { addLprRate, correctLprRate, listLprRates } from "~/models/admin.server";
import { denial, requireBureauUser } from "~/permissions.server";
import { dispatchIntent, parseSubmission, replyFieldError } from "~/utils/form-action.server";
import { readForm } from "~/utils/read-form.server";

import { addSchema, correctSchema } from "./schema.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauUser(request);
  return { rates: await listLprRates() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const saved = () => redirectWithFlash("/gov/admin/lpr", { kind: "success", key: "gov.admin.flash.saved" });
  return dispatchIntent(form, {
    add: async () => {
      const submission = parseSubmission(form, addSchema());
      if (!submission.ok) return submission.reply;
      const { effectiveOn, rate } = submission.data;
      const result = await addLprRate(actor, { effectiveOn, rateBp: rate });
      if (result.ok) return saved();
      if ("error" in result) throw denial(request);
      return replyFieldError(result.field, { key: result.key }, { values: submission.values });
    },
    correct: async () => {
      const submission = parseSubmission(form, correctSchema());
      if (!submission.ok) return submission.reply;
      const result = await correctLprRate(actor, submission.data.id, submission.data.rate);
      if (!result.ok) throw denial(request);
      return saved();
    },
  });
}

export default function AdminLpr() {
  const { rates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <PageHeader title={t("gov.admin.lpr.title")} description={t("gov.admin.lpr.intro")} />
      <Card title={t("gov.admin.lpr.add")}>
        <PostForm result={actionData} intent="add" className="grid gap-3 sm:grid-cols-3 sm:items-end">
          <DateField name="effectiveOn" label={t("gov.admin.lpr.effectiveOn")} />
          <MoneyField name="rate" label={t("gov.admin.lpr.rate")} />
          <SubmitButton name="intent" value="add">
            {t("gov.admin.lpr.addButton")}
          </SubmitButton>
        </PostForm>
      </Card>
      <Card title={t("gov.admin.lpr.history")}>
        <ul className="divide-y divide-slate-100">
          {rates.map((r) => (
            <li key={r.id} className="py-2">
              <PostForm
                result={actionData}
                intent="correct"
                rowId={r.id}
                idPrefix={`${r.id}-`}
                defaults={{ rate: bpToPercentInput(r.rateBp) }}
                className="flex flex-wrap items-end gap-3"
              >
                <input type="hidden" name="id" value={r.id} />
                <span className="w-40 text-sm">{formatDate(r.effectiveOn, locale)}</span>
                <span className="w-20 text-sm tabular-nums">{formatBp(r.rateBp)}</span>
                <MoneyField name="rate" label={t("gov.admin.lpr.correctTo")} className="w-32" />
                <SubmitButton name="intent" value="correct" variant="secondary">
                  {t("gov.admin.lpr.correct")}
                </SubmitButton>
              </PostForm>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
