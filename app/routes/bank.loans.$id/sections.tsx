/** The bank loan page's forms and its read-only risk-pool section. */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

import {
  DateField,
  MoneyField,
  PostForm,
  SelectField,
  TextField,
  type AnyFormResult,
  type FormDefaults,
} from "~/components/form-kit";
import { Badge, Card, SubmitButton, buttonClass, cx } from "~/components/ui";
import { formatDate, formatDay } from "~/domain/format-date";
import { RISK_CLASSES } from "~/domain/loan-codes";
import { formatFen } from "~/domain/money-fen";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

/**
 * The shape of the page's three forms: a card with an intro (and a note under it), then a form
 * that shows only its own answer (`intent`) and prefixes its ids, labelled by the card's title.
 */
function FormSection({
  title,
  intro,
  note,
  result,
  intent,
  idPrefix,
  defaults,
  row = false,
  children,
}: {
  title: string;
  intro: string;
  /** a second paragraph under the intro (it brings its own classes) */
  note?: ReactNode;
  result: AnyFormResult;
  intent: string;
  idPrefix: string;
  defaults: FormDefaults;
  /** fields and button on one wrapping line instead of one column */
  row?: boolean;
  children: ReactNode;
}) {
  return (
    <Card title={title}>
      <p className={cx(note ? "mb-2" : "mb-4", "text-sm text-slate-600")}>{intro}</p>
      {note}
      <PostForm
        result={result}
        intent={intent}
        idPrefix={idPrefix}
        defaults={defaults}
        className={row ? "flex flex-wrap items-end gap-3" : "flex flex-col gap-3"}
        aria-label={title}
      >
        {children}
      </PostForm>
    </Card>
  );
}

/** 报告还款: the day, the amount in 元 (分 allowed) and the bank's own reference. */
export function RepayForm({
  result,
  formKey,
  today,
  maxFen,
}: {
  result: AnyFormResult;
  formKey: string;
  today: string;
  maxFen: string;
}) {
  const t = useT();
  return (
    <FormSection
      title={t("loans.bankLoan.repayTitle")}
      intro={t("loans.bankLoan.repayIntro")}
      result={result}
      intent="repay"
      idPrefix="repay-"
      defaults={{ paidOn: today }}
    >
      <input type="hidden" name="formKey" value={formKey} />
      <DateField name="paidOn" label={t("loans.bankLoan.paidOn")} max={today} />
      <MoneyField
        name="amount"
        label={t("loans.bankLoan.amount")}
        unit={t("loans.bankLoan.amountUnit")}
        hint={t("loans.bankLoan.amountHint", { max: formatFen(maxFen) })}
        maxLength={32}
      />
      <ReferenceField />
      <div>
        <SubmitButton name="intent" value="repay">
          {t("loans.bankLoan.repay")}
        </SubmitButton>
      </div>
    </FormSection>
  );
}

function ReferenceField() {
  const t = useT();
  return (
    <TextField
      name="reference"
      label={t("loans.bankLoan.reference")}
      hint={t("loans.bankLoan.referenceHint")}
      maxLength={64}
      autoComplete="off"
    />
  );
}

/** 结清: the server computes the amount for the chosen day; the loan's version guards the quote. */
export function SettleForm({
  result,
  formKey,
  today,
  version,
  settlementFen,
}: {
  result: AnyFormResult;
  formKey: string;
  today: string;
  version: number;
  settlementFen: string;
}) {
  const t = useT();
  return (
    <FormSection
      title={t("loans.bankLoan.settleTitle")}
      intro={t("loans.bankLoan.settleIntro")}
      note={
        <p className="mb-4 text-sm font-medium text-slate-900">
          {t("loans.bankLoan.quote", { amount: formatFen(settlementFen) })}
        </p>
      }
      result={result}
      intent="settle"
      idPrefix="settle-"
      defaults={{ paidOn: today }}
    >
      <input type="hidden" name="formKey" value={formKey} />
      <input type="hidden" name="version" value={version} />
      <DateField name="paidOn" label={t("loans.bankLoan.settleOn")} max={today} />
      <ReferenceField />
      <div>
        <SubmitButton name="intent" value="settle" variant="secondary">
          {t("loans.bankLoan.settle")}
        </SubmitButton>
      </div>
    </FormSection>
  );
}

/** The class the bank reports: only the floor or worse is offered (the server refuses better). */
export function ClassForm({
  result,
  floor,
  reported,
  inForce,
}: {
  result: AnyFormResult;
  floor: string;
  reported: string | null;
  inForce: string;
}) {
  const t = useT();
  const td = useTDynamic();
  const allowed = RISK_CLASSES.slice(
    Math.max(0, RISK_CLASSES.indexOf(floor as (typeof RISK_CLASSES)[number])),
  );
  return (
    <FormSection
      title={t("loans.bankLoan.classTitle")}
      intro={t("loans.bankLoan.classIntro", { floor: td(`loans.riskClass.${floor}`) })}
      note={
        <p className="mb-4 text-sm text-slate-800">
          {t("loans.bankLoan.classInForce", { class: td(`loans.riskClass.${inForce}`) })}
          {reported &&
            ` · ${t("loans.bankLoan.classReported", { class: td(`loans.riskClass.${reported}`) })}`}
        </p>
      }
      result={result}
      intent="riskClass"
      idPrefix="class-"
      defaults={{ riskClass: inForce }}
      row
    >
      <SelectField
        name="riskClass"
        label={t("loans.bankLoan.classLabel")}
        options={allowed.map((c) => ({ value: c, label: td(`loans.riskClass.${c}`) }))}
      />
      <SubmitButton name="intent" value="riskClass" variant="secondary">
        {t("loans.bankLoan.reportClass")}
      </SubmitButton>
    </FormSection>
  );
}

export type PoolView = {
  filedAt: string | null;
  refusals: string[];
  deadline: string | null;
  claimThresholdDpd: number | null;
  daysPastDue: number;
  claim: { state: string } | null;
};

/**
 * The loan in the risk pool, read-only, and where the bank acts: filing posts to
 * /bank/loans/:id/filing, a claim is made and followed on /bank/loans/:id/claim.
 */
export function PoolSection({ loanId, active, pool }: { loanId: string; active: boolean; pool: PoolView }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("loans.bankLoan.pool.title")}>
      <div className="flex flex-col gap-3 text-sm">
        {pool.filedAt ? (
          <p>
            <Badge tone="green">{t("loans.bankList.filedYes")}</Badge>{" "}
            {t("loans.bankLoan.pool.filed", { date: formatDate(pool.filedAt, locale) })}
          </p>
        ) : (
          <>
            <p>
              <Badge>{t("loans.bankLoan.pool.notFiled")}</Badge>
              {pool.deadline &&
                ` ${t("loans.bankLoan.pool.deadline", { date: formatDay(pool.deadline, locale) })}`}
            </p>
            {pool.refusals.length > 0 ? (
              <div>
                <p className="font-medium text-slate-800">{t("loans.bankLoan.pool.cannotFile")}</p>
                <ul className="ml-5 list-disc text-slate-700">
                  {pool.refusals.map((reason) => (
                    <li key={reason}>{td(`pool.refusal.${reason}`)}</li>
                  ))}
                </ul>
              </div>
            ) : (
              active && (
                <Form method="post" action={`/bank/loans/${loanId}/filing`}>
                  <SubmitButton name="intent" value="file">
                    {t("loans.bankLoan.pool.file")}
                  </SubmitButton>
                </Form>
              )
            )}
          </>
        )}
        {pool.claim ? (
          <p className="flex flex-wrap items-center gap-3">
            {t("loans.bankLoan.pool.claim", { state: td(`pool.claimState.${pool.claim.state}`) })}
            <Link to={`/bank/loans/${loanId}/claim`} className={buttonClass("secondary")}>
              {t("loans.bankLoan.pool.openClaim")}
            </Link>
          </p>
        ) : (
          pool.filedAt && (
            <div className="flex flex-col gap-2">
              {pool.claimThresholdDpd !== null && (
                <p className="text-slate-700">
                  {t("loans.bankLoan.pool.threshold", {
                    threshold: pool.claimThresholdDpd,
                    dpd: pool.daysPastDue,
                  })}
                </p>
              )}
              <p>
                <Link to={`/bank/loans/${loanId}/claim`} className={buttonClass("secondary")}>
                  {t("loans.bankLoan.pool.newClaim")}
                </Link>
              </p>
            </div>
          )
        )}
      </div>
    </Card>
  );
}
