import {
  DateField,
  MoneyField,
  PostForm,
  TextField,
  TextareaField,
  resultFor,
  type AnyFormResult,
} from "~/components/form-kit";
import { Card, SubmitButton } from "~/components/ui";
import { formatBp } from "~/domain/money";
import type { ClaimRefusal } from "~/domain/risk-pool-codes";
import { useT } from "~/i18n/use-t";

/** A RETURNED claim filed again: the statement (kept), more material, and the reasons of the last refusal. */
export function RefileCard({
  claim,
  result,
}: {
  claim: { statement: string; version: number };
  result: AnyFormResult;
}) {
  const t = useT();
  const refileResult = resultFor(result, { intent: "refile" });
  const reasons = refileResult && "reasons" in refileResult ? (refileResult.reasons as ClaimRefusal[]) : [];
  return (
    <Card title={t("pool.bank.refileTitle")}>
      <PostForm
        result={result}
        intent="refile"
        idPrefix="refile-"
        defaults={{ statement: claim.statement }}
        className="flex flex-col gap-3"
      >
        {reasons.length > 0 && (
          <ul className="list-disc pl-6 text-sm text-red-800">
            {reasons.map((r) => (
              <li key={r}>{t(`pool.refusal.${r}`)}</li>
            ))}
          </ul>
        )}
        <input type="hidden" name="version" value={claim.version} />
        <TextareaField name="statement" label={t("pool.bank.statement")} maxLength={2000} rows={4} />
        <TextareaField
          name="materials"
          label={t("pool.bank.moreMaterials")}
          hint={t("pool.bank.materialsHint")}
          rows={4}
        />
        <SubmitButton name="intent" value="refile">
          {t("pool.bank.refile")}
        </SubmitButton>
      </PostForm>
    </Card>
  );
}

/** A recovery after the pool has paid (its share is paid back). */
export function RecoveryCard({
  paidShareBp,
  today,
  result,
}: {
  paidShareBp: number;
  today: string;
  result: AnyFormResult;
}) {
  const t = useT();
  return (
    <Card title={t("pool.bank.recoveryTitle")}>
      <p className="mb-3 text-sm text-slate-600">
        {t("pool.bank.recoveryIntro", { share: formatBp(paidShareBp) })}
      </p>
      <PostForm
        result={result}
        intent="recovery"
        idPrefix="recovery-"
        defaults={{ recoveredOn: today }}
        className="flex flex-col gap-3"
      >
        <DateField name="recoveredOn" label={t("pool.bank.recoveredOn")} max={today} />
        <MoneyField name="amount" label={t("pool.bank.amount")} maxLength={20} />
        <TextField name="reference" label={t("pool.bank.reference")} maxLength={50} />
        <TextField name="note" label={t("pool.bank.note")} maxLength={200} />
        <SubmitButton name="intent" value="recovery">
          {t("pool.bank.reportRecovery")}
        </SubmitButton>
      </PostForm>
    </Card>
  );
}
