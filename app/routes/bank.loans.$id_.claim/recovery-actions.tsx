import { DateField, PostForm, SelectField, TextareaField, type AnyFormResult } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { RecoveryActionList, type RecoveryActionView } from "~/components/pool-claim-details";
import { Card, SubmitButton } from "~/components/ui";
import { RECOVERY_ACTION_KINDS } from "~/domain/risk-pool-codes";
import { useT } from "~/i18n/use-t";

/** 追偿措施: the actions taken so far and a form to add one. */
export function RecoveryActions({
  actions,
  today,
  result,
}: {
  actions: RecoveryActionView[];
  today: string;
  result: AnyFormResult;
}) {
  const t = useT();
  return (
    <Card title={t("pool.bank.recoveryActionsTitle")}>
      <p className="mb-3 text-sm text-slate-600">{t("pool.bank.recoveryActionsIntro")}</p>
      <RecoveryActionList actions={actions} />
      <PostForm
        result={result}
        intent="action"
        idPrefix="action-"
        defaults={{ takenOn: today }}
        className="mt-4 grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-3 sm:items-start"
      >
        <DateField name="takenOn" label={t("pool.bank.takenOn")} max={today} />
        <SelectField
          name="kind"
          label={t("pool.bank.kind")}
          placeholder="—"
          options={optionsOf(RECOVERY_ACTION_KINDS, (k) => t(`pool.recoveryActionKind.${k}`))}
        />
        <TextareaField name="description" label={t("pool.bank.description")} maxLength={500} rows={2} />
        <div className="sm:col-span-3">
          <SubmitButton name="intent" value="action" variant="secondary">
            {t("pool.bank.addAction")}
          </SubmitButton>
        </div>
      </PostForm>
    </Card>
  );
}
