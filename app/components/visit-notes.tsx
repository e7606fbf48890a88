import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

/** What an office noted on a visit: its findings, the need it heard of and the next step. */
export function VisitNotes({
  visit,
}: {
  visit: { findings: string; needYuan: number | null; nextStep: string | null };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p className="mt-1 whitespace-pre-line">{visit.findings}</p>
      {visit.needYuan !== null && (
        <p className="mt-1 text-slate-600">
          {t("gov.visits.need")}: {formatYuanAsWan(visit.needYuan, locale)}
        </p>
      )}
      {visit.nextStep && (
        <p className="mt-1 text-slate-600">
          {t("gov.visits.nextStep")}: {visit.nextStep}
        </p>
      )}
    </>
  );
}
