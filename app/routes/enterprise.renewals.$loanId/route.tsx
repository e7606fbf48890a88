import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { DetailList, DetailRow } from "~/components/detail-list";
import { EnterpriseNav } from "~/components/enterprise-nav";
import {
  CheckboxField,
  MoneyField,
  PostForm,
  SelectField,
  TextareaField,
  TextField,
} from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { Card, PageHeader, SubmitButton } from "~/components/ui";
import { RENEWAL_ANSWERS } from "~/domain/decision-rules";
import { formatDay } from "~/domain/format-date";
import { formatBp, formatYuanAsWan, yuanToWanInput } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { getRenewalPrefill, requestRenewal } from "~/models/renewal.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseSubmission, replyFormError } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { renewalSchema } from "./schema.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const prefill = await getRenewalPrefill(actor, params.loanId ?? "");
  if (!prefill) throw notFound();
  return json({ prefill }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const loanId = params.loanId ?? "";
  // another firm's loan, or none: the same 404 as the page
  if (!(await getRenewalPrefill(actor, loanId))) throw notFound();
  const form = await readForm(request);
  const submission = parseSubmission(form, renewalSchema());
  if (!submission.ok) return submission.reply;
  const { amount, termMonths, purpose, kind } = submission.data;
  const result = await requestRenewal(actor, loanId, { amountYuan: amount!, termMonths, purpose, kind });
  if (result.ok)
    return redirectWithFlash(`/enterprise/applications/${result.id}`, {
      kind: "success",
      key: "alerts.renewal.flash",
      params: { number: result.number },
    });
  const values = submission.values;
  if (result.error === "NOT_FOUND") throw notFound();
  if (result.error === "CLOSED")
    return replyFormError(`alerts.renewal.closed.${result.reason}`, { values, status: 409 });
  if (result.error === "INELIGIBLE") return replyFormError("enterprise.apply.refused", { values });
  return replyFormError("alerts.renewal.pending", {
    params: { number: result.existing.number },
    values,
    status: 409,
  });
}

/** The firm's one-step renewal request, prefilled from the loan. */
export default function RenewalRequest() {
  const { prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const { loan } = prefill;
  const bank = locale === "zh-CN" ? loan.bank.name : loan.bank.nameEn;
  const termHint = t("bank.products.termRange", {
    min: loan.product.minTermMonths,
    max: loan.product.maxTermMonths,
  });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("alerts.renewal.title")} description={t("alerts.renewal.intro")} />
      <EnterpriseNav />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <Card title={t("alerts.renewal.loan")}>
          <DetailList>
            <DetailRow label={t("alerts.renewal.loan")}>{loan.number}</DetailRow>
            <DetailRow label={t("alerts.renewal.bank")}>{bank}</DetailRow>
            <DetailRow label={t("alerts.renewal.product")}>{loan.product.name}</DetailRow>
            <DetailRow label={t("alerts.renewal.maturity")}>{formatDay(loan.maturityOn, locale)}</DetailRow>
            <DetailRow label={t("alerts.renewal.principal")}>
              {formatYuanAsWan(loan.principalYuan, locale)} · {loan.termMonths} · {formatBp(loan.rateBp)}
            </DetailRow>
            <DetailRow label={t("alerts.renewal.outstanding")}>
              {formatYuanAsWan(loan.outstandingYuan, locale)}
            </DetailRow>
          </DetailList>
        </Card>
        <Card title={t("alerts.renewal.title")}>
          {prefill.pending ? (
            <p className="text-sm">
              {t("alerts.renewal.pending", { number: prefill.pending.number })}{" "}
              <Link
                to={`/enterprise/applications/${prefill.pending.applicationId}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {t("alerts.renewal.viewPending")}
              </Link>
            </p>
          ) : prefill.closed ? (
            <p className="text-sm text-slate-700">
              {td(`alerts.renewal.closed.${prefill.closed}`, { date: formatDay(prefill.opensOn, locale) })}
            </p>
          ) : (
            <PostForm
              result={actionData}
              className="flex flex-col gap-4"
              defaults={{
                amount: yuanToWanInput(loan.principalYuan),
                termMonths: String(
                  Math.min(Math.max(loan.termMonths, loan.product.minTermMonths), loan.product.maxTermMonths),
                ),
                purpose: t("alerts.renewal.purposeDefault", { number: loan.number }),
                kind: "STANDARD",
              }}
            >
              <MoneyField name="amount" label={t("alerts.renewal.amount")} maxLength={20} />
              <TextField
                name="termMonths"
                label={t("alerts.renewal.term")}
                hint={termHint}
                inputMode="numeric"
                maxLength={3}
              />
              <TextareaField name="purpose" label={t("alerts.renewal.purpose")} maxLength={500} rows={2} />
              <SelectField
                name="kind"
                label={t("alerts.renewal.kind")}
                hint={t("alerts.renewal.kindHint")}
                options={optionsOf(RENEWAL_ANSWERS, (kind) => t(`loans.renewalKind.${kind}`))}
              />
              <CheckboxField name="consent" label={t("alerts.renewal.consent")} />
              <SubmitButton>{t("alerts.renewal.submit")}</SubmitButton>
            </PostForm>
          )}
        </Card>
      </div>
    </div>
  );
}
