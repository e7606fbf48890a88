import type { SerializeFrom } from "@remix-run/node";

import { MoneyField, PostForm, TextareaField } from "~/components/form-kit";
import { Card, SubmitButton } from "~/components/ui";
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
          <PostForm result={failed} intent="accept" alert={false} className="flex flex-col gap-4">
            <TextareaField name="reason" label={t("gov.recommendations.reason")} maxLength={1000} required />
            <MoneyField name="amount" label={t("gov.recommendations.amountWan")} />
            <div>
              <SubmitButton name="intent" value="accept" pendingLabel={t("common.actions.submitting")}>
                {t("gov.recommendations.accept")}
              </SubmitButton>
            </div>
          </PostForm>
        )}
      </Card>
      <Card title={t("gov.recommendations.declineTitle")}>
        <PostForm result={failed} intent="decline" alert={false} className="flex flex-col gap-4">
          <TextareaField name="note" label={t("gov.recommendations.declineNote")} maxLength={500} required />
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
        </PostForm>
      </Card>
    </div>
  );
}
