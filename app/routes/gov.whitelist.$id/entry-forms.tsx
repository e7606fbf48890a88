import type { SerializeFrom } from "@remix-run/node";

import { PostForm, TextareaField, type AnyFormResult } from "~/components/form-kit";
import { Card, SubmitButton } from "~/components/ui";
import { useT } from "~/i18n/use-t";

import type { loader } from "./route";

/**
 * The bureau restores a suspended entry (not while the firm is on the dishonesty list) or
 * revokes an entry; each form shows only its own errors.
 */
export function EntryForms({
  entry,
  result,
}: {
  entry: SerializeFrom<typeof loader>["entry"];
  result: AnyFormResult;
}) {
  const t = useT();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {entry.status === "SUSPENDED" && (
        <Card title={t("gov.whitelist.restoreTitle")}>
          {entry.enterprise.onDishonestyList ? (
            <p className="text-sm text-red-800">{t("gov.whitelist.errors.stillListed")}</p>
          ) : (
            <PostForm result={result} intent="restore" alert={false} className="flex flex-col gap-4">
              <TextareaField
                id="restore-reason"
                name="reason"
                label={t("gov.whitelist.reason")}
                maxLength={500}
              />
              <div>
                <SubmitButton name="intent" value="restore">
                  {t("gov.whitelist.restore")}
                </SubmitButton>
              </div>
            </PostForm>
          )}
        </Card>
      )}
      <Card title={t("gov.whitelist.revokeTitle")}>
        <PostForm result={result} intent="revoke" alert={false} className="flex flex-col gap-4">
          <TextareaField id="revoke-reason" name="reason" label={t("gov.whitelist.reason")} maxLength={500} />
          <div>
            <SubmitButton name="intent" value="revoke" variant="danger">
              {t("gov.whitelist.revoke")}
            </SubmitButton>
          </div>
        </PostForm>
      </Card>
    </div>
  );
}
