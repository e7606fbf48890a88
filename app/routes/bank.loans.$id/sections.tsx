/** The bank loan page's forms and its read-only risk-pool section. */
import { Form, Link } from "@remix-run/react";

import {
  DateField,
  MoneyField,
  PostForm,
  SelectField,
  TextField,
  type AnyFormResult,
} from "~/components/form-kit";
import { Badge, Card, SubmitButton, buttonClass } from "~/components/ui";
import { formatDate, formatDay } from "~/domain/format-date";
import { RISK_CLASSES } from "~/domain/loan-codes";
import { formatFen } from "~/domain/money-fen";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

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
    <Card title={t("loans.bankLoan.repayTitle")}>
      <p className="mb-4 text-sm text-slate-600">{t("loans.bankLoan.repayIntro")}</p>
      <PostForm
        result={result}
        intent="repay"
        idPrefix="repay-"
        defaults={{ paidOn: today }}
        className="flex flex-col gap-3"
        aria-label={t("loans.bankLoan.repayTitle")}
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
        <TextField
          name="reference"
          label={t("loans.bankLoan.reference")}
          hint={t("loans.bankLoan.referenceHint")}
          maxLength={64}
          autoComplete="off"
        />
        <div>
          <SubmitButton name="intent" value="repay">
            {t("loans.bankLoan.repay")}
          </SubmitButton>
        </div>
      </PostForm>
    </Card>
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
    <Card title={t("loans.bankLoan.settleTitle")}>
      <p className="mb-2 text-sm text-slate-600">{t("loans.bankLoan.settleIntro")}</p>
      <p className="mb-4 text-sm font-medium text-slate-900">
        {t("loans.bankLoan.quote", { amount: formatFen(settlementFen) })}
      </p>
      <PostForm
        result={result}
        intent="settle"
        idPrefix="settle-"
        defaults={{ paidOn: today }}
        className="flex flex-col gap-3"
        aria-label={t("loans.bankLoan.settleTitle")}
      >
        <input type="hidden" name="formKey" value={formKey} />
        <input type="hidden" name="version" value={version} />
        <DateField name="paidOn" label={t("loans.bankLoan.settleOn")} max={today} />
        <TextField
          name="reference"
          label={t("loans.bankLoan.reference")}
          hint={t("loans.bankLoan.referenceHint")}
          maxLength={64}
          autoComplete="off"
        />
        <div>
          <SubmitButton name="intent" value="settle" variant="secondary">
            {t("loans.bankLoan.settle")}
          </SubmitButton>
        </div>
      </PostForm>
    </Card>
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
    <Card title={t("loans.bankLoan.classTitle")}>
      <p className="mb-2 text-sm text-slate-600">
        {t("loans.bankLoan.classIntro", { floor: td(`loans.riskClass.${floor}`) })}
      </p>
      <p className="mb-4 text-sm text-slate-800">
        {t("loans.bankLoan.classInForce", { class: td(`loans.riskClass.${inForce}`) })}
        {reported && ` · ${t("loans.bankLoan.classReported", { class: td(`loans.riskClass.${reported}`) })}`}
      </p>
      <PostForm
        result={result}
        intent="riskClass"
        idPrefix="class-"
        defaults={{ riskClass: inForce }}
        className="flex flex-wrap items-end gap-3"
        aria-label={t("loans.bankLoan.classTitle")}
      >
        <SelectField
          name="riskClass"
          label={t("loans.bankLoan.classLabel")}
          options={allowed.map((c) => ({ value: c, label: td(`loans.riskClass.${c}`) }))}
        />
        <SubmitButton name="intent" value="riskClass" variant="secondary">
          {t("loans.bankLoan.reportClass")}
        </SubmitButton>
      </PostForm>
    </Card>
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
