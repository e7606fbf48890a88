import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { AlertStandingBadge, useAlertSentence } from "~/components/alert-badges";
import { BankNav } from "~/components/bank-nav";
import { DetailList, DetailRow } from "~/components/detail-list";
import { PostForm, SelectField, TextareaField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { BackLink, Card, PageHeader, SubmitButton, buttonClass } from "~/components/ui";
import { ALERT_ACTIONS, ALERT_NOTE_MAX } from "~/domain/credit-alerts";
import { formatDateTime } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { liveScopeFor } from "~/models/access-log.server";
import { acknowledgeAlert, getBankAlert } from "~/models/credit-alert-desk.server";
import { requireBankUser } from "~/permissions.server";
import { parseSubmission, replyFieldError, replyFormError } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { acknowledgeSchema } from "./schema.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const alert = await getBankAlert(actor, params.id ?? "");
  if (!alert) throw notFound();
  // the firm's page opens only while the bank may still see the firm (a loan, a live grant)
  const canViewProfile = (await liveScopeFor(actor, alert.enterprise.id)) !== null;
  return json({ alert, canViewProfile }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const id = params.id ?? "";
  // an alert addressed to another bank, or none: the same 404 as the page
  const alert = await getBankAlert(actor, id);
  if (!alert) throw notFound();
  const form = await readForm(request);
  const submission = parseSubmission(form, acknowledgeSchema());
  if (!submission.ok) return submission.reply;
  const result = await acknowledgeAlert(actor, id, submission.data);
  if (result.ok)
    return redirectWithFlash(`/bank/alerts/${id}`, { kind: "success", key: "alerts.bank.flash" });
  if (result.error === "INVALID")
    return replyFieldError(result.field, { key: result.key }, { values: submission.values });
  if (result.error === "NOT_FOUND") throw notFound();
  return replyFormError("alerts.errors.already", { values: submission.values, status: 409 });
}

export default function BankAlert() {
  const { alert, canViewProfile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const sentence = useAlertSentence();
  return (
    <div>
      <BankNav />
      <BackLink to="/bank/alerts">{t("alerts.bank.back")}</BackLink>
      <PageHeader
        title={`${t("alerts.bank.detailTitle")} · ${td(`alerts.kind.${alert.kind}`)}`}
        description={alert.enterprise.name}
        actions={<AlertStandingBadge standing={alert.standing} />}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <Card
          title={t("alerts.bank.found")}
          actions={
            canViewProfile ? (
              <Link to={`/bank/candidates/${alert.enterprise.id}`} className={buttonClass("secondary")}>
                {t("alerts.bank.viewProfile")}
              </Link>
            ) : undefined
          }
        >
          <p className="mb-4 text-slate-900">{sentence(alert, alert.enterprise.name)}</p>
          <DetailList>
            <DetailRow label={t("alerts.bank.firm")}>
              {alert.enterprise.name} <span className="font-mono text-xs">{alert.enterprise.uscc}</span>
            </DetailRow>
            <DetailRow label={t("alerts.bank.basis")}>{td(`alerts.basis.${alert.basis}`)}</DetailRow>
            <DetailRow label={t("alerts.bank.detectedAt")}>
              {formatDateTime(alert.detectedAt, locale)}
            </DetailRow>
            <DetailRow label={t("alerts.bank.dueAt")}>{formatDateTime(alert.dueAt, locale)}</DetailRow>
          </DetailList>
        </Card>
        <Card title={t("alerts.bank.acknowledgeTitle")}>
          {alert.acknowledgedAt ? (
            <div className="flex flex-col gap-2 text-sm">
              <p className="font-medium">{td(`alerts.action.${alert.action ?? "NONE"}`)}</p>
              {alert.actionNote && <p className="whitespace-pre-wrap break-words">{alert.actionNote}</p>}
              <p className="text-slate-600">
                {t("alerts.bank.acknowledged", {
                  date: formatDateTime(alert.acknowledgedAt, locale),
                  name: alert.acknowledgedBy?.displayName ?? "—",
                })}
              </p>
              {alert.standing === "LATE" && (
                <p className="text-amber-800">
                  {t("alerts.bank.acknowledgedLate", { due: formatDateTime(alert.dueAt, locale) })}
                </p>
              )}
            </div>
          ) : (
            <PostForm result={actionData} className="flex flex-col gap-4">
              <p className="text-sm text-slate-600">{t("alerts.bank.acknowledgeIntro")}</p>
              <SelectField
                name="action"
                label={t("alerts.bank.actionLabel")}
                required
                options={optionsOf(ALERT_ACTIONS, (value) => td(`alerts.action.${value}`))}
              />
              <TextareaField
                name="note"
                label={t("alerts.bank.noteLabel")}
                hint={t("alerts.bank.noteHint")}
                maxLength={ALERT_NOTE_MAX}
                rows={4}
              />
              <SubmitButton>{t("alerts.bank.submit")}</SubmitButton>
            </PostForm>
          )}
        </Card>
      </div>
    </div>
  );
}
