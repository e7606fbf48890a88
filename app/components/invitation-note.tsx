import { useT } from "~/i18n/use-t";

/** On /register: that an office's invitation filled in part of the form, or that its link no longer works. */
export function InvitationNote({ invited, invalid }: { invited: boolean; invalid: boolean }) {
  const t = useT();
  if (invited)
    return (
      <p
        className="rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-800 ring-1 ring-brand-100"
        data-testid="invitation-note"
      >
        {t("outreach.invitations.prefilled")}
      </p>
    );
  if (invalid)
    return (
      <p
        className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        role="status"
      >
        {t("outreach.invitations.linkInvalid")}
      </p>
    );
  return null;
}
