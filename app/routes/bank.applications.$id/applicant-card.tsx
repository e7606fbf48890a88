import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { CreditSummary, useSectionName } from "~/components/bank-credit-profile";
import { Badge, Card, buttonClass } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The applicant's basics and, under a live FULL authorisation, its credit summary and eligibility. */
export function ApplicantCard({
  application,
  credit,
  creditState,
}: Pick<Data, "application" | "credit" | "creditState">) {
  const t = useT();
  const td = useTDynamic();
  const sectionName = useSectionName();
  return (
    <Card
      title={t("bank.decision.applicant")}
      actions={
        creditState !== "NONE" ? (
          <Link to={`/bank/candidates/${application.enterprise.id}`} className={buttonClass("secondary")}>
            {t("bank.decision.viewProfile")}
          </Link>
        ) : undefined
      }
    >
      <p className="font-medium">{application.enterprise.name}</p>
      <p className="text-sm text-slate-600">
        <span className="font-mono">{application.enterprise.uscc}</span> ·{" "}
        {sectionName(application.enterprise.sectionCode)} · {td(`domain.size.${application.enterprise.size}`)}
      </p>
      <div className="mt-4">
        {credit ? (
          <>
            <h3 className="mb-2 font-medium">{t("bank.decision.creditSummary")}</h3>
            <CreditSummary credit={credit.summary} />
            <h3 className="mt-4 mb-2 font-medium">{t("bank.decision.eligibility")}</h3>
            <p className="mb-2">
              {credit.eligibility.eligible ? (
                <Badge tone="green">{t("bank.decision.eligible")}</Badge>
              ) : (
                <Badge tone="amber">{t("bank.decision.notEligible")}</Badge>
              )}
            </p>
            <ul className="flex flex-col gap-1 text-sm">
              {credit.eligibility.reasons.map((reason) => (
                <li key={reason.rule} className={reason.ok ? "text-slate-700" : "font-medium text-red-800"}>
                  <span aria-hidden="true">{reason.ok ? "✓ " : "✗ "}</span>
                  {td(reason.key, reason.params)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm text-slate-600">
            {creditState === "BASIC"
              ? t("bank.decision.basicCredit")
              : creditState === "LOG_FAILED"
                ? t("bank.errors.accessLogFailed")
                : t("bank.decision.noCredit")}
          </p>
        )}
      </div>
    </Card>
  );
}
