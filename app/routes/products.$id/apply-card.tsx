import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { CheckboxField, MoneyField, NumberField, PostForm, TextareaField } from "~/components/form-kit";
import { Card, SubmitButton } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";

import { ReasonList } from "./reason-list";
import type { ActionData, loader } from "./route";

type FirmView = NonNullable<SerializeFrom<typeof loader>["firmView"]>;

/**
 * 申请: the firm's application form, or a link to the application it already has open for
 * this product. A refusal shows the unmet rules above the form.
 */
export function ApplyCard({
  firmView,
  actionData,
  bankName,
}: {
  firmView: FirmView;
  actionData: ActionData | undefined;
  bankName: string;
}) {
  const t = useT();
  const td = useTDynamic();
  return (
    <Card title={t("enterprise.apply.title")}>
      {actionData?.formError && (
        <div
          role="alert"
          className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
        >
          <p>{td(actionData.formError, { number: actionData.existing?.number ?? "" })}</p>
          {actionData.existing && (
            <Link to={`/enterprise/applications/${actionData.existing.id}`} className="font-medium underline">
              {t("enterprise.apply.viewExisting")}
            </Link>
          )}
          {actionData.reasons && (
            <div className="mt-2">
              <ReasonList reasons={actionData.reasons.filter((r) => !r.ok)} />
            </div>
          )}
        </div>
      )}
      {firmView.openApplication && !actionData?.existing ? (
        <p className="text-sm text-slate-700">
          {t("enterprise.apply.duplicate", { number: firmView.openApplication.number })}{" "}
          <Link
            to={`/enterprise/applications/${firmView.openApplication.id}`}
            className="font-medium text-brand-700 underline"
          >
            {t("enterprise.apply.viewExisting")}
          </Link>
        </p>
      ) : (
        <PostForm result={actionData} alert={false} className="grid gap-4 sm:grid-cols-2">
          <MoneyField name="amount" label={t("enterprise.apply.amount")} maxLength={20} required />
          <NumberField name="termMonths" label={t("enterprise.apply.term")} maxLength={3} required />
          <TextareaField
            name="purpose"
            label={t("enterprise.apply.purpose")}
            className="sm:col-span-2"
            maxLength={500}
            required
          />
          <CheckboxField
            name="consent"
            label={t("enterprise.apply.consent", { bank: bankName })}
            className="sm:col-span-2"
          />
          <div className="sm:col-span-2">
            <SubmitButton
              pendingLabel={t("enterprise.apply.submitting")}
              disabled={!firmView.eligibility.eligible}
            >
              {t("enterprise.apply.submit")}
            </SubmitButton>
          </div>
        </PostForm>
      )}
    </Card>
  );
}
