import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import type { loader } from "./route";

/** A refused form: which one (intent) sent it, its errors and the input echoed. */
export type Failure = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

/** The office's answer to a firm's request: accept it (with a reason and an amount) or decline it. */
export function RequestForms({
  r,
  failed,
}: {
  r: SerializeFrom<typeof loader>["recommendation"];
  failed: Failure | null;
}) {
  const t = useT();
  const errorsFor = (intent: string) => (failed?.intent === intent ? failed.errors : {});
  const valueOf = (intent: string, name: string) => {
    const v = failed?.intent === intent ? failed.values[name] : undefined;
    return typeof v === "string" ? v : "";
  };
  const acceptErrors = errorsFor("accept");
  const declineErrors = errorsFor("decline");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("gov.recommendations.acceptTitle")}>
        {r.enterprise.onDishonestyList ? (
          <p className="text-sm text-red-800">{t("gov.recommendations.errors.dishonest")}</p>
        ) : (
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <Field id="reason" label={t("gov.recommendations.reason")} error={acceptErrors.reason}>
              <textarea
                {...fieldAria("reason", acceptErrors.reason)}
                name="reason"
                rows={3}
                maxLength={1000}
                defaultValue={valueOf("accept", "reason")}
                className={inputClass}
                required
              />
            </Field>
            <Field id="amount" label={t("gov.recommendations.amountWan")} error={acceptErrors.amount}>
              <input
                {...fieldAria("amount", acceptErrors.amount)}
                name="amount"
                inputMode="decimal"
                defaultValue={valueOf("accept", "amount")}
                className={inputClass}
              />
            </Field>
            <div>
              <SubmitButton name="intent" value="accept" pendingLabel={t("common.actions.submitting")}>
                {t("gov.recommendations.accept")}
              </SubmitButton>
            </div>
          </Form>
        )}
      </Card>
      <Card title={t("gov.recommendations.declineTitle")}>
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <Field id="note" label={t("gov.recommendations.declineNote")} error={declineErrors.note}>
            <textarea
              {...fieldAria("note", declineErrors.note)}
              name="note"
              rows={3}
              maxLength={500}
              defaultValue={valueOf("decline", "note")}
              className={inputClass}
              required
            />
          </Field>
          <div>
            <SubmitButton
              name="intent"
              value="decline"
              variant="danger"
              pendingLabel={t("common.actions.submitting")}
            >
              {t("gov.recommendations.decline")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
