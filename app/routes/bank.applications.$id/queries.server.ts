import { purposeForState } from "~/domain/decision-rules";
import { checkEligibility, eligibilityProductOf } from "~/domain/eligibility";
import type { AuditedActor, BankActor } from "~/models/actor";
import { liveScopeFor, openEnterpriseProfile } from "~/models/access-log.server";
import type { getBankApplication } from "~/models/bank-application.server";

type Application = NonNullable<Awaited<ReturnType<typeof getBankApplication>>>;

export type CreditState = "FULL" | "BASIC" | "NONE" | "LOG_FAILED";

/**
 * The applicant's credit summary and eligibility for this application. Shown — and its view
 * logged — only under a live FULL authorisation; a failed log write shows no data at all.
 */
export async function applicantCredit(actor: AuditedActor<BankActor>, application: Application) {
  let credit = null;
  let creditState: CreditState = "NONE";
  const scope = await liveScopeFor(actor, application.enterpriseId);
  if (scope === "FULL") {
    try {
      const view = await openEnterpriseProfile({
        actor,
        enterpriseId: application.enterpriseId,
        purpose: purposeForState(application.state),
      });
      if (view?.full) {
        const { product, amountYuan, termMonths } = application;
        const eligibility = checkEligibility(
          {
            ...view.full,
            size: view.firm.size,
            sectionCode: view.firm.sectionCode,
            whitelisted: view.firm.whitelisted,
          },
          eligibilityProductOf(product),
          { amountYuan, termMonths },
        );
        credit = { summary: view.full, eligibility, whitelisted: view.firm.whitelisted };
        creditState = "FULL";
      }
    } catch (error) {
      console.error("access log write failed", error);
      creditState = "LOG_FAILED";
    }
  } else if (scope === "BASIC") creditState = "BASIC";
  return { credit, creditState };
}
