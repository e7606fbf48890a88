import type { SerializeFrom } from "@remix-run/node";

import { IntentForm, MoneyField, TextareaField } from "~/components/form-kit";
import { Card } from "~/components/ui";
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
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("gov.recommendations.acceptTitle")}>
        {r.enterprise.onDishonestyList ? (
          <p className="text-sm text-red-800">{t("gov.recommendations.errors.dishonest")}</p>
        ) : (
          <IntentForm
            result={failed}
            intent="accept"
            submitLabel={t("gov.recommendations.accept")}
            pendingLabel={t("common.actions.submitting")}
          >
            <TextareaField name="reason" label={t("gov.recommendations.reason")} maxLength={1000} required />
            <MoneyField name="amount" label={t("gov.recommendations.amountWan")} />
          </IntentForm>
        )}
      </Card>
      <Card title={t("gov.recommendations.declineTitle")}>
        <IntentForm
          result={failed}
          intent="decline"
          variant="danger"
          submitLabel={t("gov.recommendations.decline")}
          pendingLabel={t("common.actions.submitting")}
        >
          <TextareaField name="note" label={t("gov.recommendations.declineNote")} maxLength={500} required />
        </IntentForm>
      </Card>
    </div>
  );
}
