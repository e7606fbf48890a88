import { PostForm, SelectField, TextField, type AnyFormResult } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { Card, SubmitButton } from "~/components/ui";
import { INVITATION_CHANNELS } from "~/domain/outreach";
import { useT, useTDynamic } from "~/i18n/use-t";

/** An office invites a firm it met to register (the channel it met it through). */
export function InvitationForm({ formKey, result }: { formKey: string; result: AnyFormResult }) {
  const t = useT();
  const td = useTDynamic();
  return (
    <Card title={t("outreach.invitations.new")}>
      <PostForm result={result} className="grid gap-4 sm:grid-cols-2">
        <input type="hidden" name="formKey" value={formKey} />
        <TextField name="firmName" label={t("outreach.invitations.firmName")} maxLength={100} required />
        <TextField
          name="uscc"
          label={t("outreach.invitations.uscc")}
          hint={t("outreach.invitations.usccHint")}
          maxLength={18}
          autoComplete="off"
          spellCheck={false}
          inputClassName="font-mono uppercase"
        />
        <TextField name="contactName" label={t("outreach.invitations.contactName")} maxLength={40} />
        <TextField
          name="contactMobile"
          label={t("outreach.invitations.contactMobile")}
          maxLength={11}
          inputMode="numeric"
        />
        <SelectField
          name="channel"
          label={t("outreach.invitations.channel")}
          defaultValue="VISIT"
          options={optionsOf(INVITATION_CHANNELS, (channel) =>
            td(`outreach.invitations.channels.${channel}`),
          )}
        />
        <TextField name="note" label={t("outreach.invitations.note")} maxLength={500} />
        <div className="sm:col-span-2">
          <SubmitButton pendingLabel={t("common.actions.saving")}>
            {t("outreach.invitations.create")}
          </SubmitButton>
        </div>
      </PostForm>
    </Card>
  );
}
