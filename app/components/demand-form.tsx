import { optionsOf } from "~/components/select-options";
import { addDays } from "~/domain/shanghai-time";
import { GUARANTEE_TYPES } from "~/domain/product-terms";
import { useT, useTDynamic } from "~/i18n/use-t";

import {
  CheckboxGroup,
  DateField,
  MoneyField,
  NumberField,
  PostForm,
  TextareaField,
  type AnyFormResult,
  type FormDefaults,
} from "./form-kit";
import { SubmitButton } from "./ui";

/** The create/edit form of a demand: the failed submission's echo, else `defaults`. */
export function DemandForm({
  result,
  defaults,
  intent,
  submitLabel,
  pendingLabel,
  today,
  formKey,
  alert = true,
}: {
  result: AnyFormResult;
  defaults: FormDefaults;
  intent: string;
  submitLabel: string;
  pendingLabel: string;
  today: string;
  /** a create form's key (see app/models/form-key.server.ts) */
  formKey?: string;
  /** false where the page shows the form-level error itself */
  alert?: boolean;
}) {
  const t = useT();
  const td = useTDynamic();
  return (
    <PostForm
      result={result}
      intent={intent}
      defaults={defaults}
      alert={alert}
      className="grid gap-4 sm:grid-cols-2"
    >
      {formKey && <input type="hidden" name="formKey" value={formKey} />}
      <MoneyField name="amount" label={t("enterprise.demands.fields.amount")} maxLength={20} required />
      <NumberField name="termMonths" label={t("enterprise.demands.fields.term")} maxLength={3} required />
      <TextareaField
        name="purpose"
        label={t("enterprise.demands.fields.purpose")}
        rows={3}
        maxLength={500}
        required
        className="sm:col-span-2"
      />
      <CheckboxGroup
        name="guaranteeTypes"
        label={t("enterprise.demands.fields.guaranteeTypes")}
        options={optionsOf(GUARANTEE_TYPES, (type) => td(`domain.guaranteeType.${type}`))}
        className="sm:col-span-2"
      />
      <MoneyField name="rateCeiling" label={t("enterprise.demands.fields.rateCeiling")} maxLength={10} />
      <DateField
        name="validUntil"
        label={t("enterprise.demands.fields.validUntil")}
        min={addDays(today, 1)}
        max={addDays(today, 365)}
        required
      />
      <div className="sm:col-span-2">
        <SubmitButton name="intent" value={intent} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
    </PostForm>
  );
}
