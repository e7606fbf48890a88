import type { z } from "zod";

import { RULE_FIELD_OF, type ruleSchema } from "~/components/pool-forms.server";
import type { RuleProblem } from "~/domain/risk-pool";
import type { AuditedActor, BureauActor } from "~/models/actor";
import { createRuleVersion } from "~/models/pool-rule.server";
import type { FieldErrors } from "~/utils/forms";

const PROBLEM_KEY: Record<RuleProblem, string> = {
  DATE_INVALID: "pool.errors.date",
  DATE_PAST: "pool.errors.datePast",
  DATE_TAKEN: "pool.errors.dateTaken",
  OUT_OF_RANGE: "common.validation.invalid",
  COVERAGE_OVER_100: "pool.errors.coverageOver",
  EMPTY: "pool.errors.pickOne",
  UNKNOWN_VALUE: "common.validation.invalidChoice",
};

/**
 * Creates a rule version from the form's fields; the terms the model refuses come back as the
 * errors of the fields they were typed in (null when the version was created).
 */
export async function createRuleFromForm(
  actor: AuditedActor<BureauActor>,
  d: z.infer<ReturnType<typeof ruleSchema>>,
): Promise<FieldErrors | null> {
  const result = await createRuleVersion(
    actor,
    {
      effectiveOn: d.effectiveOn,
      coverageBp: d.coverage,
      firstLoanBonusBp: d.bonus,
      capYuan: d.cap,
      guaranteeTypes: d.guaranteeTypes,
      maxPrincipalYuan: d.maxPrincipal,
      sizes: d.sizes,
      whitelistOnly: d.whitelistOnly,
      filingWindowDays: d.filingWindow,
      claimThresholdDpd: d.claimThreshold,
      suspensionThresholdBp: d.suspension,
    },
    d.note,
  );
  if (result.ok) return null;
  const errors: FieldErrors = {};
  for (const [term, problem] of Object.entries(result.problems))
    errors[RULE_FIELD_OF[term as keyof typeof RULE_FIELD_OF]] = { key: PROBLEM_KEY[problem] };
  return errors;
}
