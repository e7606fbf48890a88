import type { SerializeFrom } from "@remix-run/node";

import {
  DateField,
  MoneyField,
  PostForm,
  TextField,
  TextareaField,
  type AnyFormResult,
} from "~/components/form-kit";
import { FirmPicker } from "~/components/firm-picker";
import { Card, EmptyState, SubmitButton } from "~/components/ui";
import { useT } from "~/i18n/use-t";

import type { loader } from "./route";

/** An office logs a visit to one of its firms (the firm of ?firm= chosen first). */
export function VisitForm({
  hasFirms,
  chosenFirm,
  today,
  formKey,
  result,
}: {
  hasFirms: boolean;
  chosenFirm: SerializeFrom<typeof loader>["chosenFirm"];
  today: string;
  formKey: string;
  result: AnyFormResult;
}) {
  const t = useT();
  return (
    <Card title={<span id="new-visit">{t("gov.visits.new")}</span>}>
      {!hasFirms ? (
        <EmptyState title={t("gov.visits.noFirms")} />
      ) : (
        <PostForm result={result} className="grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="formKey" value={formKey} />
          <FirmPicker name="enterpriseId" label={t("gov.visits.firm")} initial={chosenFirm} />
          <DateField
            name="visitedOn"
            label={t("gov.visits.date")}
            max={today}
            defaultValue={today}
            required
          />
          <TextareaField
            name="findings"
            label={t("gov.visits.findings")}
            className="sm:col-span-2"
            rows={4}
            maxLength={2000}
            required
          />
          <MoneyField name="need" label={t("gov.visits.needWan")} hint={t("gov.visits.needHint")} />
          <TextField name="nextStep" label={t("gov.visits.nextStep")} maxLength={500} />
          <div className="sm:col-span-2">
            <SubmitButton pendingLabel={t("common.actions.saving")}>{t("gov.visits.save")}</SubmitButton>
          </div>
        </PostForm>
      )}
    </Card>
  );
}
