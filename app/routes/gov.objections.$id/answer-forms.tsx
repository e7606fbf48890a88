import { Form } from "@remix-run/react";

import { Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";
import { OBJECTION_RESOLUTIONS } from "~/models/gov-codes";
import type { FieldErrors } from "~/utils/forms";

/** Accept (with a resolution) or reject an open objection; each form shows only its own errors. */
export function AnswerForms({
  errorsFor,
  valueOf,
}: {
  errorsFor: (intent: string) => FieldErrors;
  valueOf: (intent: string, name: string) => string;
}) {
  const t = useT();
  const td = useTDynamic();
  const acceptErrors = errorsFor("accept");
  const rejectErrors = errorsFor("reject");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("gov.objections.acceptTitle")}>
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <fieldset
            className="flex flex-col gap-2"
            aria-describedby={acceptErrors.resolution ? "resolution-error" : undefined}
          >
            <legend className="text-sm font-medium text-slate-800">{t("gov.objections.resolution")}</legend>
            {OBJECTION_RESOLUTIONS.map((resolution) => (
              <label key={resolution} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="resolution"
                  value={resolution}
                  defaultChecked={valueOf("accept", "resolution") === resolution}
                  className="size-4"
                />
                {td(`gov.objectionResolution.${resolution}`)}
              </label>
            ))}
            {acceptErrors.resolution && (
              <p id="resolution-error" role="alert" className="text-sm text-red-700">
                {td(acceptErrors.resolution.key)}
              </p>
            )}
          </fieldset>
          <Field
            id="accept-response"
            label={t("gov.objections.acceptResponse")}
            error={acceptErrors.responseText}
          >
            <textarea
              {...fieldAria("accept-response", acceptErrors.responseText)}
              name="responseText"
              rows={3}
              maxLength={1000}
              defaultValue={valueOf("accept", "responseText")}
              className={inputClass}
            />
          </Field>
          <div>
            <SubmitButton name="intent" value="accept">
              {t("gov.objections.accept")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
      <Card title={t("gov.objections.rejectTitle")}>
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <Field
            id="reject-response"
            label={t("gov.objections.rejectReason")}
            error={rejectErrors.responseText}
          >
            <textarea
              {...fieldAria("reject-response", rejectErrors.responseText)}
              name="responseText"
              rows={3}
              maxLength={1000}
              defaultValue={valueOf("reject", "responseText")}
              className={inputClass}
            />
          </Field>
          <div>
            <SubmitButton name="intent" value="reject" variant="danger">
              {t("gov.objections.reject")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
