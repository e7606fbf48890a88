import {
  CheckboxField,
  CheckboxGroup,
  DateField,
  MoneyField,
  NumberField,
  PostForm,
  TextField,
  type AnyFormResult,
} from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { Card, SubmitButton } from "~/components/ui";
import { bpToPercentInput, yuanToWanInput } from "~/domain/money";
import { GUARANTEE_TYPES } from "~/domain/product-terms";
import { DEFAULT_RULE_TERMS } from "~/domain/risk-pool-codes";
import { POOL_SIZES } from "~/domain/risk-pool-codes";
import { addDays } from "~/domain/shanghai-time";
import { useT } from "~/i18n/use-t";

/** A new rule version, from tomorrow at the earliest; the fields start from the default terms. */
export function RuleForm({ today, actionData }: { today: string; actionData: AnyFormResult }) {
  const t = useT();
  const d = DEFAULT_RULE_TERMS;
  return (
    <Card title={t("pool.rules.newTitle")}>
      <PostForm
        result={actionData}
        className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
        defaults={{
          effectiveOn: addDays(today, 1),
          coverage: bpToPercentInput(d.coverageBp),
          bonus: bpToPercentInput(d.firstLoanBonusBp),
          cap: yuanToWanInput(d.capYuan),
          maxPrincipal: yuanToWanInput(d.maxPrincipalYuan),
          guaranteeTypes: [...d.guaranteeTypes],
          sizes: [...d.sizes],
          whitelistOnly: d.whitelistOnly,
          filingWindow: String(d.filingWindowDays),
          claimThreshold: String(d.claimThresholdDpd),
          suspension: bpToPercentInput(d.suspensionThresholdBp),
        }}
      >
        <DateField name="effectiveOn" label={t("pool.rules.effectiveOn")} min={today} />
        <MoneyField name="coverage" label={t("pool.rules.coverage")} unit="%" maxLength={6} />
        <MoneyField name="bonus" label={t("pool.rules.bonus")} unit="%" maxLength={6} />
        <MoneyField name="cap" label={t("pool.rules.cap")} maxLength={20} />
        <MoneyField name="maxPrincipal" label={t("pool.rules.maxPrincipal")} maxLength={20} />
        <MoneyField name="suspension" label={t("pool.rules.suspension")} unit="%" maxLength={6} />
        <NumberField name="filingWindow" label={t("pool.rules.filingWindow")} maxLength={3} />
        <NumberField name="claimThreshold" label={t("pool.rules.claimThreshold")} maxLength={3} />
        <TextField name="note" label={t("pool.rules.note")} maxLength={200} />
        <CheckboxGroup
          name="guaranteeTypes"
          label={t("pool.rules.guaranteeTypes")}
          className="sm:col-span-2 lg:col-span-3"
          options={optionsOf(GUARANTEE_TYPES, (g) => t(`domain.guaranteeType.${g}`))}
        />
        <CheckboxGroup
          name="sizes"
          label={t("pool.rules.sizes")}
          options={optionsOf(POOL_SIZES, (s) => t(`domain.size.${s}`))}
        />
        <CheckboxField name="whitelistOnly" label={t("pool.rules.whitelistOnly")} />
        <div className="sm:col-span-2 lg:col-span-3">
          <SubmitButton>{t("pool.rules.submit")}</SubmitButton>
        </div>
      </PostForm>
    </Card>
  );
}
