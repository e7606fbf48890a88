import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { TRAINING_AUDIENCES } from "~/domain/outreach";
import { useT, useTDynamic } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import { useOrgName } from "./org-name";
import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** Record a training session held: day, topic, audience, attendees, who hosted it, materials. */
export function TrainingForm({
  banks,
  subDistricts,
  today,
  formKey,
  errors,
  values,
}: Pick<Data, "banks" | "subDistricts" | "today" | "formKey"> & {
  errors: FieldErrors;
  values: Record<string, string>;
}) {
  const t = useT();
  const td = useTDynamic();
  const name = useOrgName();
  const select = (
    field: string,
    label: string,
    options: { id: string; name: string; nameEn: string }[],
    hint: string,
  ) => (
    <Field id={field} label={label} error={errors[field]} hint={hint}>
      <select
        {...fieldAria(field, errors[field], true)}
        name={field}
        defaultValue={values[field] ?? ""}
        className={inputClass}
      >
        <option value="">{t("outreach.training.none")}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {name(option)}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <Card title={t("outreach.training.new")}>
      <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
        <input type="hidden" name="formKey" value={formKey} />
        <Field id="heldOn" label={t("outreach.training.heldOn")} error={errors.heldOn}>
          <input
            {...fieldAria("heldOn", errors.heldOn)}
            type="date"
            name="heldOn"
            max={today}
            defaultValue={values.heldOn ?? today}
            className={inputClass}
          />
        </Field>
        <Field id="topic" label={t("outreach.training.topic")} error={errors.topic}>
          <input
            {...fieldAria("topic", errors.topic)}
            name="topic"
            maxLength={100}
            defaultValue={values.topic ?? ""}
            className={inputClass}
          />
        </Field>
        <Field id="audienceRole" label={t("outreach.training.audience")} error={errors.audienceRole}>
          <select
            {...fieldAria("audienceRole", errors.audienceRole)}
            name="audienceRole"
            defaultValue={values.audienceRole ?? "BANK"}
            className={inputClass}
          >
            {TRAINING_AUDIENCES.map((audience) => (
              <option key={audience} value={audience}>
                {td(`common.roles.${audience}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="attendees" label={t("outreach.training.attendees")} error={errors.attendees}>
          <input
            {...fieldAria("attendees", errors.attendees)}
            name="attendees"
            inputMode="numeric"
            maxLength={6}
            defaultValue={values.attendees ?? ""}
            className={inputClass}
          />
        </Field>
        {select("bankId", t("outreach.training.bank"), banks, t("outreach.training.bankHint"))}
        {select(
          "subDistrictId",
          t("outreach.training.office"),
          subDistricts,
          t("outreach.training.officeHint"),
        )}
        <Field
          id="organisation"
          label={t("outreach.training.organisation")}
          error={errors.organisation}
          hint={t("outreach.training.organisationHint")}
        >
          <input
            {...fieldAria("organisation", errors.organisation, true)}
            name="organisation"
            maxLength={100}
            defaultValue={values.organisation ?? ""}
            className={inputClass}
          />
        </Field>
        <Field id="materialsUrl" label={t("outreach.training.materials")} error={errors.materialsUrl}>
          <input
            {...fieldAria("materialsUrl", errors.materialsUrl)}
            name="materialsUrl"
            type="url"
            placeholder="https://"
            maxLength={2000}
            defaultValue={values.materialsUrl ?? ""}
            className={inputClass}
          />
        </Field>
        <div className="sm:col-span-2">
          <SubmitButton pendingLabel={t("common.actions.saving")}>{t("outreach.training.save")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
