import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import { REJECT_REASONS, type ApplicationAction } from "~/domain/application-machine";
import { RENEWAL_ANSWERS, type ProductRanges } from "~/domain/decision-rules";
import { BULLET_MAX_TERM_MONTHS, REPAYMENT_METHODS } from "~/domain/loan-codes";
import { bpToPercentInput, yuanToWanInput } from "~/domain/money";
import { shanghaiDate } from "~/domain/shanghai-time";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import { Card, Field, SubmitButton, cx, fieldAria, inputClass } from "./ui";

export type DecisionActionData = {
  intent: string;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  stale?: boolean;
};

type DecisionApplication = {
  version: number;
  /** 续贷: the loan this application asks to renew */
  renewalRequest?: { requestedKind: string; loan: { application: { number: string } } } | null;
  amountYuan: number;
  termMonths: number;
  approvedAmountYuan: number | null;
  approvedRateBp: number | null;
  approvedTermMonths: number | null;
  product: ProductRanges & {
    /** the method the disbursement form proposes */
    defaultRepaymentMethod: string | null;
  };
};

/** One form per action the state machine allows; errors and input come back to the form that was sent. */
export function DecisionForms({
  application,
  actions,
  actionData,
}: {
  application: DecisionApplication;
  actions: ApplicationAction[];
  actionData?: DecisionActionData;
}) {
  const t = useT();
  const p = application.product;
  const mine = (intent: string) => (actionData && actionData.intent === intent ? actionData : undefined);
  const value = (intent: string, name: string, fallback: string) => {
    const sent = mine(intent)?.values[name];
    return typeof sent === "string" ? sent : fallback;
  };
  const error = (intent: string, name: string) => mine(intent)?.errors[name];
  const ceiling = Math.min(application.amountYuan, p.maxAmountYuan);
  const hidden = <input type="hidden" name="version" value={application.version} />;

  const amountInput = (intent: string, label: string, fallback: string, hint?: string) => (
    <Field id={`${intent}-amount`} label={label} error={error(intent, "amount")} hint={hint}>
      <input
        {...fieldAria(`${intent}-amount`, error(intent, "amount"), Boolean(hint))}
        name="amount"
        inputMode="decimal"
        required
        maxLength={20}
        defaultValue={value(intent, "amount", fallback)}
        className={inputClass}
      />
    </Field>
  );
  const rateInput = (intent: string, label: string, fallback: string) => (
    <Field id={`${intent}-rate`} label={label} error={error(intent, "rate")}>
      <input
        {...fieldAria(`${intent}-rate`, error(intent, "rate"))}
        name="rate"
        inputMode="decimal"
        required
        maxLength={10}
        defaultValue={value(intent, "rate", fallback)}
        className={inputClass}
      />
    </Field>
  );
  const reasonInputs = (intent: string) => (
    <>
      <Field id={`${intent}-reason`} label={t("bank.decision.reason")} error={error(intent, "reason")}>
        <select
          {...fieldAria(`${intent}-reason`, error(intent, "reason"))}
          name="reason"
          required
          defaultValue={value(intent, "reason", "")}
          className={inputClass}
        >
          <option value="">{t("bank.products.fields.choose")}</option>
          {REJECT_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`domain.rejectReason.${reason}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={`${intent}-reasonText`}
        label={t("bank.decision.reasonText")}
        error={error(intent, "reasonText")}
        hint={t("bank.decision.reasonTextHint")}
      >
        <textarea
          {...fieldAria(`${intent}-reasonText`, error(intent, "reasonText"), true)}
          name="reasonText"
          rows={3}
          maxLength={500}
          defaultValue={value(intent, "reasonText", "")}
          className={inputClass}
        />
      </Field>
    </>
  );
  const formError = (intent: string) => {
    const e = error(intent, "_form");
    return e && !actionData?.stale ? (
      <p role="alert" className="text-sm text-red-700">
        {t(e.key as "bank.errors.stale")}
      </p>
    ) : null;
  };
  const section = (
    intent: string,
    title: string,
    body: ReactNode,
    variant: "primary" | "danger" | "secondary" = "primary",
    hint?: string,
  ) => (
    <Card key={intent} className={cx(variant === "danger" && "ring-red-100")}>
      <Form method="post" className="flex flex-col gap-3" aria-label={title}>
        {hidden}
        {hint && <p className="text-sm text-slate-600">{hint}</p>}
        {formError(intent)}
        {body}
        <SubmitButton
          name="intent"
          value={intent}
          variant={variant}
          pendingLabel={t("bank.decision.submitting")}
        >
          {title}
        </SubmitButton>
      </Form>
    </Card>
  );

  return (
    <>
      {actions.map((action) => {
        switch (action) {
          case "accept":
            return section(
              "accept",
              t("bank.decision.accept"),
              null,
              "primary",
              t("bank.decision.acceptHint"),
            );
          case "approve":
            return section(
              "approve",
              t("bank.decision.approve"),
              <>
                {amountInput("approve", t("bank.decision.approvedAmount"), yuanToWanInput(ceiling))}
                {rateInput("approve", t("bank.decision.rate"), bpToPercentInput(p.minRateBp))}
                <Field
                  id="approve-term"
                  label={t("bank.decision.approvedTerm")}
                  error={error("approve", "term")}
                >
                  <input
                    {...fieldAria("approve-term", error("approve", "term"))}
                    name="term"
                    inputMode="numeric"
                    required
                    maxLength={3}
                    defaultValue={value(
                      "approve",
                      "term",
                      String(Math.min(Math.max(application.termMonths, p.minTermMonths), p.maxTermMonths)),
                    )}
                    className={inputClass}
                  />
                </Field>
              </>,
              "primary",
              t("bank.decision.approveHint", { max: yuanToWanInput(ceiling) }),
            );
          case "reject":
            return section("reject", t("bank.decision.reject"), reasonInputs("reject"), "danger");
          case "disburse":
            return section(
              "disburse",
              t("bank.decision.disburse"),
              <>
                {amountInput(
                  "disburse",
                  t("bank.decision.disbursedAmount"),
                  yuanToWanInput(application.approvedAmountYuan ?? 0),
                )}
                {rateInput(
                  "disburse",
                  t("bank.decision.disbursedRate"),
                  bpToPercentInput(application.approvedRateBp ?? p.minRateBp),
                )}
                <Field
                  id="disburse-repaymentMethod"
                  label={t("loans.decision.repaymentMethod")}
                  error={error("disburse", "repaymentMethod")}
                  hint={t("loans.decision.repaymentMethodHint")}
                >
                  <select
                    {...fieldAria("disburse-repaymentMethod", error("disburse", "repaymentMethod"), true)}
                    name="repaymentMethod"
                    required
                    defaultValue={value(
                      "disburse",
                      "repaymentMethod",
                      p.defaultRepaymentMethod ?? "EQUAL_INSTALMENT",
                    )}
                    className={inputClass}
                  >
                    {REPAYMENT_METHODS.filter(
                      (method) =>
                        method !== "BULLET" ||
                        (application.approvedTermMonths ?? 0) <= BULLET_MAX_TERM_MONTHS,
                    ).map((method) => (
                      <option key={method} value={method}>
                        {t(`loans.method.${method}`)} — {t(`loans.methodHint.${method}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                {application.renewalRequest && (
                  <Field
                    id="disburse-renewalKind"
                    label={t("alerts.renewal.bankAnswer", {
                      number: application.renewalRequest.loan.application.number,
                    })}
                    error={error("disburse", "renewalKind")}
                    hint={t("alerts.renewal.bankAnswerHint", {
                      kind: t(`loans.renewalKind.${application.renewalRequest.requestedKind as "STANDARD"}`),
                    })}
                  >
                    <select
                      {...fieldAria("disburse-renewalKind", error("disburse", "renewalKind"), true)}
                      name="renewalKind"
                      required
                      defaultValue={value(
                        "disburse",
                        "renewalKind",
                        application.renewalRequest.requestedKind,
                      )}
                      className={inputClass}
                    >
                      {RENEWAL_ANSWERS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`loans.renewalKind.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
                <Field
                  id="disburse-date"
                  label={t("bank.decision.disbursedOn")}
                  error={error("disburse", "date")}
                >
                  <input
                    {...fieldAria("disburse-date", error("disburse", "date"))}
                    name="date"
                    type="date"
                    required
                    defaultValue={value("disburse", "date", shanghaiDate(new Date()))}
                    className={inputClass}
                  />
                </Field>
              </>,
              "primary",
              t("bank.decision.disburseHint"),
            );
          case "cancel":
            return section("cancel", t("bank.decision.cancel"), reasonInputs("cancel"), "danger");
          default:
            return null;
        }
      })}
    </>
  );
}
