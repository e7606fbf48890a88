import { IntentForm, TextareaField, resultFor, type AnyFormResult } from "~/components/form-kit";
import { Card } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";
import { OBJECTION_RESOLUTIONS } from "~/models/gov-codes";

/** Accept (with a resolution) or reject an open objection; each form shows only its own errors. */
export function AnswerForms({ result }: { result: AnyFormResult }) {
  const t = useT();
  const td = useTDynamic();
  const accepted = resultFor(result, { intent: "accept" });
  const resolutionError = accepted?.errors?.resolution;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("gov.objections.acceptTitle")}>
        <IntentForm result={result} intent="accept" submitLabel={t("gov.objections.accept")}>
          <fieldset
            className="flex flex-col gap-2"
            aria-describedby={resolutionError ? "resolution-error" : undefined}
          >
            <legend className="text-sm font-medium text-slate-800">{t("gov.objections.resolution")}</legend>
            {OBJECTION_RESOLUTIONS.map((resolution) => (
              <label key={resolution} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="resolution"
                  value={resolution}
                  defaultChecked={accepted?.values?.resolution === resolution}
                  className="size-4"
                />
                {td(`gov.objectionResolution.${resolution}`)}
              </label>
            ))}
            {resolutionError && (
              <p id="resolution-error" role="alert" className="text-sm text-red-700">
                {td(resolutionError.key)}
              </p>
            )}
          </fieldset>
          <TextareaField
            id="accept-response"
            name="responseText"
            label={t("gov.objections.acceptResponse")}
            maxLength={1000}
          />
        </IntentForm>
      </Card>
      <Card title={t("gov.objections.rejectTitle")}>
        <IntentForm result={result} intent="reject" variant="danger" submitLabel={t("gov.objections.reject")}>
          <TextareaField
            id="reject-response"
            name="responseText"
            label={t("gov.objections.rejectReason")}
            maxLength={1000}
          />
        </IntentForm>
      </Card>
    </div>
  );
}
