import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

/**
 * 提出异议: one record (preselected from a source's "object to this" link or the echoed
 * input), the reason and an optional note about attachments.
 */
export function ObjectionForm({
  records,
  errors,
  values,
  preselected,
}: {
  records: SerializeFrom<typeof loader>["records"];
  errors: Record<string, { key: string; params?: Record<string, string> }>;
  values: Record<string, string>;
  preselected: string;
}) {
  const t = useT();
  const td = useTDynamic();
  return (
    <Card title={t("enterprise.credit.objectionTitle")}>
      <Form method="post" id="objection" className="flex flex-col gap-4" noValidate>
        <Field id="record" label={t("enterprise.credit.record")} error={errors.record}>
          <select
            {...fieldAria("record", errors.record)}
            name="record"
            defaultValue={preselected}
            key={preselected}
            className={inputClass}
          >
            <option value="">{t("enterprise.credit.chooseRecord")}</option>
            {records.map((r) => (
              <option key={`${r.source}::${r.recordKey}`} value={`${r.source}::${r.recordKey}`}>
                {`${td(`enterprise.credit.sources.${r.source}`)} · ${r.recordSummary}`}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="reason"
          label={t("enterprise.credit.reason")}
          error={errors.reason}
          hint={t("enterprise.credit.reasonHint")}
        >
          <textarea
            {...fieldAria("reason", errors.reason, true)}
            name="reason"
            rows={4}
            maxLength={1000}
            defaultValue={values.reason ?? ""}
            className={inputClass}
          />
        </Field>
        <Field
          id="attachmentNote"
          label={t("enterprise.credit.attachmentNote")}
          error={errors.attachmentNote}
          hint={t("enterprise.credit.attachmentNoteHint")}
        >
          <input
            {...fieldAria("attachmentNote", errors.attachmentNote, true)}
            name="attachmentNote"
            maxLength={500}
            defaultValue={values.attachmentNote ?? ""}
            className={inputClass}
          />
        </Field>
        <div>
          <SubmitButton name="intent" value="object" pendingLabel={t("enterprise.credit.filing")}>
            {t("enterprise.credit.fileObjection")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
