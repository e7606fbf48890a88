import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import type { loader } from "./route";

/**
 * The bureau restores a suspended entry (not while the firm is on the dishonesty list) or
 * revokes an entry; each form shows only its own errors.
 */
export function EntryForms({
  entry,
  errorsFor,
  valueOf,
}: {
  entry: SerializeFrom<typeof loader>["entry"];
  errorsFor: (intent: string) => FieldErrors;
  valueOf: (intent: string) => string;
}) {
  const t = useT();
  const restoreErrors = errorsFor("restore");
  const revokeErrors = errorsFor("revoke");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {entry.status === "SUSPENDED" && (
        <Card title={t("gov.whitelist.restoreTitle")}>
          {entry.enterprise.onDishonestyList ? (
            <p className="text-sm text-red-800">{t("gov.whitelist.errors.stillListed")}</p>
          ) : (
            <Form method="post" className="flex flex-col gap-4" noValidate>
              <Field id="restore-reason" label={t("gov.whitelist.reason")} error={restoreErrors.reason}>
                <textarea
                  {...fieldAria("restore-reason", restoreErrors.reason)}
                  name="reason"
                  rows={3}
                  maxLength={500}
                  defaultValue={valueOf("restore")}
                  className={inputClass}
                />
              </Field>
              <div>
                <SubmitButton name="intent" value="restore">
                  {t("gov.whitelist.restore")}
                </SubmitButton>
              </div>
            </Form>
          )}
        </Card>
      )}
      <Card title={t("gov.whitelist.revokeTitle")}>
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <Field id="revoke-reason" label={t("gov.whitelist.reason")} error={revokeErrors.reason}>
            <textarea
              {...fieldAria("revoke-reason", revokeErrors.reason)}
              name="reason"
              rows={3}
              maxLength={500}
              defaultValue={valueOf("revoke")}
              className={inputClass}
            />
          </Field>
          <div>
            <SubmitButton name="intent" value="revoke" variant="danger">
              {t("gov.whitelist.revoke")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
