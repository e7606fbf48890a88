import type { SerializeFrom } from "@remix-run/node";

import { PostForm, SelectField, TextField, type AnyFormResult } from "~/components/form-kit";
import { Card, SubmitButton } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

/** Issue a bank a new key: the bank and an optional label. */
export function IssueCard({
  banks,
  result,
}: {
  banks: SerializeFrom<typeof loader>["banks"];
  result: AnyFormResult;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("api.admin.issueTitle")} className="max-w-2xl">
      <PostForm result={result} intent="issue" className="flex flex-col gap-4">
        <SelectField
          name="bankId"
          label={t("api.admin.bank")}
          placeholder="—"
          options={banks.map((bank) => ({
            value: bank.id,
            label: locale === "zh-CN" ? bank.name : bank.nameEn,
          }))}
        />
        <TextField name="label" label={t("api.admin.label")} hint={t("api.admin.labelHint")} maxLength={60} />
        <div>
          <SubmitButton name="intent" value="issue" pendingLabel={t("api.admin.issuing")}>
            {t("api.admin.issue")}
          </SubmitButton>
        </div>
      </PostForm>
    </Card>
  );
}
