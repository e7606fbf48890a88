import { Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { FieldErrors, FormValues } from "~/utils/forms";

function valueOf(values: FormValues, name: string, fallback: string) {
  return typeof values[name] === "string" ? (values[name] as string) : fallback;
}

/** Approve the picked recommendations into a new whitelist batch: its name and validity. */
export function ApproveCard({
  errors,
  values,
  defaults,
}: {
  errors: FieldErrors;
  values: FormValues;
  defaults: { batchName: string; validFrom: string; validUntil: string };
}) {
  const t = useT();
  const value = (name: string, fallback: string) => valueOf(values, name, fallback);
  return (
    <Card title={t("gov.review.approveTitle")}>
      <div className="flex flex-col gap-4">
        <Field
          id="batchName"
          label={t("gov.review.batchName")}
          error={errors.batchName}
          hint={t("gov.review.batchNameHint")}
        >
          <input
            {...fieldAria("batchName", errors.batchName, true)}
            name="batchName"
            maxLength={60}
            defaultValue={value("batchName", defaults.batchName)}
            className={inputClass}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="validFrom" label={t("gov.review.validFrom")} error={errors.validFrom}>
            <input
              {...fieldAria("validFrom", errors.validFrom)}
              type="date"
              name="validFrom"
              defaultValue={value("validFrom", defaults.validFrom)}
              className={inputClass}
            />
          </Field>
          <Field id="validUntil" label={t("gov.review.validUntil")} error={errors.validUntil}>
            <input
              {...fieldAria("validUntil", errors.validUntil)}
              type="date"
              name="validUntil"
              defaultValue={value("validUntil", defaults.validUntil)}
              className={inputClass}
            />
          </Field>
        </div>
        <div>
          <SubmitButton name="intent" value="approve" pendingLabel={t("common.actions.submitting")}>
            {t("gov.review.approve")}
          </SubmitButton>
        </div>
      </div>
    </Card>
  );
}

/** Reject the picked recommendations, with one reason for all. */
export function RejectCard({ errors, values }: { errors: FieldErrors; values: FormValues }) {
  const t = useT();
  const value = (name: string, fallback: string) => valueOf(values, name, fallback);
  return (
    <Card title={t("gov.review.rejectTitle")}>
      <div className="flex flex-col gap-4">
        <Field id="reason" label={t("gov.review.rejectReason")} error={errors.reason}>
          <textarea
            {...fieldAria("reason", errors.reason)}
            name="reason"
            rows={3}
            maxLength={500}
            defaultValue={value("reason", "")}
            className={inputClass}
          />
        </Field>
        <div>
          <SubmitButton
            name="intent"
            value="reject"
            variant="danger"
            pendingLabel={t("common.actions.submitting")}
          >
            {t("gov.review.reject")}
          </SubmitButton>
        </div>
      </div>
    </Card>
  );
}
