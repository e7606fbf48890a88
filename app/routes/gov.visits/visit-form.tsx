import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { Card, EmptyState, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { FieldErrors, FormValues } from "~/utils/forms";

import type { loader } from "./route";

/** An office logs a visit to one of its firms (the firm of ?firm= chosen first). */
export function VisitForm({
  firms,
  firmFilter,
  today,
  formKey,
  errors,
  values,
}: {
  firms: SerializeFrom<typeof loader>["firms"];
  firmFilter: string | null;
  today: string;
  formKey: string;
  errors: FieldErrors;
  values: FormValues;
}) {
  const t = useT();
  const value = (name: string, fallback = "") =>
    typeof values[name] === "string" ? (values[name] as string) : fallback;
  return (
    <Card title={<span id="new-visit">{t("gov.visits.new")}</span>}>
      {firms.length === 0 ? (
        <EmptyState title={t("gov.visits.noFirms")} />
      ) : (
        <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
          <input type="hidden" name="formKey" value={formKey} />
          <Field id="enterpriseId" label={t("gov.visits.firm")} error={errors.enterpriseId}>
            <select
              {...fieldAria("enterpriseId", errors.enterpriseId)}
              name="enterpriseId"
              defaultValue={value("enterpriseId", firmFilter ?? "")}
              className={inputClass}
              required
            >
              <option value="">{t("gov.visits.chooseFirm")}</option>
              {firms.map((firm) => (
                <option key={firm.id} value={firm.id}>
                  {firm.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="visitedOn" label={t("gov.visits.date")} error={errors.visitedOn}>
            <input
              {...fieldAria("visitedOn", errors.visitedOn)}
              type="date"
              name="visitedOn"
              max={today}
              defaultValue={value("visitedOn", today)}
              className={inputClass}
              required
            />
          </Field>
          <div className="sm:col-span-2">
            <Field id="findings" label={t("gov.visits.findings")} error={errors.findings}>
              <textarea
                {...fieldAria("findings", errors.findings)}
                name="findings"
                rows={4}
                maxLength={2000}
                defaultValue={value("findings")}
                className={inputClass}
                required
              />
            </Field>
          </div>
          <Field
            id="need"
            label={t("gov.visits.needWan")}
            error={errors.need}
            hint={t("gov.visits.needHint")}
          >
            <input
              {...fieldAria("need", errors.need, true)}
              name="need"
              inputMode="decimal"
              defaultValue={value("need")}
              className={inputClass}
            />
          </Field>
          <Field id="nextStep" label={t("gov.visits.nextStep")} error={errors.nextStep}>
            <input
              {...fieldAria("nextStep", errors.nextStep)}
              name="nextStep"
              maxLength={500}
              defaultValue={value("nextStep")}
              className={inputClass}
            />
          </Field>
          <div className="sm:col-span-2">
            <SubmitButton pendingLabel={t("common.actions.saving")}>{t("gov.visits.save")}</SubmitButton>
          </div>
        </Form>
      )}
    </Card>
  );
}
