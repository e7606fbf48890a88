import { useT } from "~/i18n/use-t";

/**
 * The A4 sheet an office prints for a visit: the invitation, the QR code and the link, and the
 * three steps of registering. On screen it is a preview; in print it is the only thing printed
 * (the `print-sheet` rules in tailwind.css).
 */
export function InvitationSheet({
  firmName,
  office,
  link,
  qr,
  expires,
}: {
  firmName: string;
  office: string;
  link: string;
  qr: string;
  expires: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="sheet-title" className="flex flex-col gap-2">
      <h2 id="sheet-title" className="text-lg font-semibold">
        {t("outreach.invitations.sheetPreview")}
      </h2>
      <div
        className="print-sheet mx-auto flex aspect-[210/297] w-full max-w-[210mm] flex-col items-center gap-6 bg-white p-10 text-center text-slate-900 shadow ring-1 ring-slate-200"
        data-testid="invitation-sheet"
      >
        <p className="text-sm text-slate-600">{t("common.district")}</p>
        <h3 className="text-2xl font-bold">{t("outreach.invitations.sheet.title")}</h3>
        <p className="text-lg">{t("outreach.invitations.sheet.dear", { firm: firmName })}</p>
        <p className="max-w-md text-slate-700">{t("outreach.invitations.sheet.body")}</p>
        <div className="w-64" dangerouslySetInnerHTML={{ __html: qr }} />
        <p className="font-mono text-xs break-all">{link}</p>
        <ol className="max-w-md list-decimal pl-6 text-left text-slate-700">
          <li>{t("outreach.invitations.sheet.step1")}</li>
          <li>{t("outreach.invitations.sheet.step2")}</li>
          <li>{t("outreach.invitations.sheet.step3")}</li>
        </ol>
        <p className="mt-auto text-sm text-slate-600">
          {t("outreach.invitations.sheet.footer", { office, day: expires })}
        </p>
      </div>
    </section>
  );
}
