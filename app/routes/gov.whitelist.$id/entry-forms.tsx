import type { SerializeFrom } from "@remix-run/node";

import { IntentForm, TextareaField, type AnyFormResult } from "~/components/form-kit";
import { Card } from "~/components/ui";
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
            <IntentForm result={result} intent="restore" submitLabel={t("gov.whitelist.restore")}>
              <TextareaField
                id="restore-reason"
                name="reason"
                label={t("gov.whitelist.reason")}
                maxLength={500}
              />
            </IntentForm>
          )}
        </Card>
      )}
      <Card title={t("gov.whitelist.revokeTitle")}>
        <IntentForm result={result} intent="revoke" variant="danger" submitLabel={t("gov.whitelist.revoke")}>
          <TextareaField id="revoke-reason" name="reason" label={t("gov.whitelist.reason")} maxLength={500} />
        </IntentForm>
      </Card>
    </div>
  );
}
