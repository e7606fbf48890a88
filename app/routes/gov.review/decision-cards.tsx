import { DateField, TextField, TextareaField } from "~/components/form-kit";
import { Card, SubmitButton } from "~/components/ui";
import { useT } from "~/i18n/use-t";

/** Approve the picked recommendations into a new whitelist batch: its name and validity. */
export function ApproveCard() {
  const t = useT();
  return (
    <Card title={t("gov.review.approveTitle")}>
      <div className="flex flex-col gap-4">
        <TextField
          name="batchName"
          label={t("gov.review.batchName")}
          hint={t("gov.review.batchNameHint")}
          maxLength={60}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <DateField name="validFrom" label={t("gov.review.validFrom")} />
          <DateField name="validUntil" label={t("gov.review.validUntil")} />
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
export function RejectCard() {
  const t = useT();
  return (
    <Card title={t("gov.review.rejectTitle")}>
      <div className="flex flex-col gap-4">
        <TextareaField name="reason" label={t("gov.review.rejectReason")} maxLength={500} />
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
