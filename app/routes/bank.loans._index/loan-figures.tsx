import { Stat } from "~/components/ui";
import { formatBp } from "~/domain/money";
import { formatFenAsWan, ratioBp } from "~/domain/money-fen";
import { useLocale, useT } from "~/i18n/use-t";

type Figures = { active: number; outstandingFen: string; overdueFen: string; nplFen: string };

/** The book's figures under the current filter: active loans, outstanding, overdue and NPL with their ratios. */
export function LoanFigures({ figures }: { figures: Figures }) {
  const t = useT();
  const locale = useLocale();
  const ratio = (part: string, whole: string) => formatBp(ratioBp(BigInt(part), BigInt(whole)));
  return (
    <>
      <dl className="mb-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("loans.bankList.stats.active")} value={figures.active} />
        <Stat
          label={t("loans.bankList.stats.outstanding")}
          value={formatFenAsWan(figures.outstandingFen, locale)}
        />
        <Stat
          label={t("loans.bankList.stats.overdue")}
          value={formatFenAsWan(figures.overdueFen, locale)}
          hint={t("loans.bankList.stats.overdueRatio", {
            ratio: ratio(figures.overdueFen, figures.outstandingFen),
          })}
        />
        <Stat
          label={t("loans.bankList.stats.npl")}
          value={formatFenAsWan(figures.nplFen, locale)}
          hint={t("loans.bankList.stats.nplRatio", { ratio: ratio(figures.nplFen, figures.outstandingFen) })}
        />
      </dl>
      <p className="mb-4 text-xs text-slate-500">{t("loans.bankList.stats.hint")}</p>
    </>
  );
}
