import type { SerializeFrom } from "@remix-run/node";

import {
  DateField,
  NumberField,
  PostForm,
  SelectField,
  TextField,
  type AnyFormResult,
} from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { Card, SubmitButton } from "~/components/ui";
import { TRAINING_AUDIENCES } from "~/domain/outreach";
import { useT, useTDynamic } from "~/i18n/use-t";

import { useOrgName } from "./org-name";
import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** Record a training session held: day, topic, audience, attendees, who hosted it, materials. */
export function TrainingForm({
  banks,
  subDistricts,
  today,
  formKey,
  result,
}: Pick<Data, "banks" | "subDistricts" | "today" | "formKey"> & { result: AnyFormResult }) {
  const t = useT();
  const td = useTDynamic();
  const name = useOrgName();
  const orgOptions = (orgs: { id: string; name: string; nameEn: string }[]) =>
    orgs.map((org) => ({ value: org.id, label: name(org) }));
  return (
    <Card title={t("outreach.training.new")}>
      <PostForm result={result} className="grid gap-4 sm:grid-cols-2">
        <input type="hidden" name="formKey" value={formKey} />
        <DateField name="heldOn" label={t("outreach.training.heldOn")} max={today} defaultValue={today} />
        <TextField name="topic" label={t("outreach.training.topic")} maxLength={100} />
        <SelectField
          name="audienceRole"
          label={t("outreach.training.audience")}
          defaultValue="BANK"
          options={optionsOf(TRAINING_AUDIENCES, (audience) => td(`common.roles.${audience}`))}
        />
        <NumberField name="attendees" label={t("outreach.training.attendees")} maxLength={6} />
        <SelectField
          name="bankId"
          label={t("outreach.training.bank")}
          hint={t("outreach.training.bankHint")}
          placeholder={t("outreach.training.none")}
          options={orgOptions(banks)}
        />
        <SelectField
          name="subDistrictId"
          label={t("outreach.training.office")}
          hint={t("outreach.training.officeHint")}
          placeholder={t("outreach.training.none")}
          options={orgOptions(subDistricts)}
        />
        <TextField
          name="organisation"
          label={t("outreach.training.organisation")}
          hint={t("outreach.training.organisationHint")}
          maxLength={100}
        />
        <TextField
          name="materialsUrl"
          type="url"
          label={t("outreach.training.materials")}
          placeholder="https://"
          maxLength={2000}
        />
        <div className="sm:col-span-2">
          <SubmitButton pendingLabel={t("common.actions.saving")}>{t("outreach.training.save")}</SubmitButton>
        </div>
      </PostForm>
    </Card>
  );
}
