import { Form } from "@remix-run/react";

import { Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { INVITATION_CHANNELS } from "~/domain/outreach";
import { useT, useTDynamic } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

/** An office invites a firm it met to register (the channel it met it through). */
export function InvitationForm({
  formKey,
  errors,
  values,
}: {
  formKey: string;
  errors: FieldErrors;
  values: Record<string, string>;
}) {
  const t = useT();
  const td = useTDynamic();
  const input = (name: string, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={name} label={label} error={errors[name]} hint={hint}>
      <input
        {...fieldAria(name, errors[name], Boolean(hint))}
        name={name}
        defaultValue={values[name] ?? ""}
        className={inputClass}
        {...props}
      />
    </Field>
  );
  return (
    <Card title={t("outreach.invitations.new")}>
      <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
        <input type="hidden" name="formKey" value={formKey} />
        {input("firmName", t("outreach.invitations.firmName"), { maxLength: 100, required: true })}
        {input(
          "uscc",
          t("outreach.invitations.uscc"),
          {
            maxLength: 18,
            autoComplete: "off",
            spellCheck: false,
            className: `${inputClass} font-mono uppercase`,
          },
          t("outreach.invitations.usccHint"),
        )}
        {input("contactName", t("outreach.invitations.contactName"), { maxLength: 40 })}
        {input("contactMobile", t("outreach.invitations.contactMobile"), {
          maxLength: 11,
          inputMode: "numeric",
        })}
        <Field id="channel" label={t("outreach.invitations.channel")} error={errors.channel}>
          <select
            {...fieldAria("channel", errors.channel)}
            name="channel"
            defaultValue={values.channel ?? "VISIT"}
            className={inputClass}
          >
            {INVITATION_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {td(`outreach.invitations.channels.${channel}`)}
              </option>
            ))}
          </select>
        </Field>
        {input("note", t("outreach.invitations.note"), { maxLength: 500 })}
        <div className="sm:col-span-2">
          <SubmitButton pendingLabel={t("common.actions.saving")}>
            {t("outreach.invitations.create")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
