import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { PostForm, TextareaField, resultFor, type AnyFormResult } from "~/components/form-kit";
import { ClaimStateBadge } from "~/components/pool-ui";
import { Card, SubmitButton } from "~/components/ui";
import type { ClaimRefusal } from "~/domain/risk-pool-codes";
import { useT } from "~/i18n/use-t";

import type { loader } from "./route";

/** The claim on this loan (its state and a link), or the form to file one with every reason it was refused. */
export function ClaimCard({
  claim,
  result,
}: {
  claim: SerializeFrom<typeof loader>["claim"];
  result: AnyFormResult;
}) {
  const t = useT();
  const claimResult = resultFor(result, { intent: "claim" });
  const reasons = claimResult && "reasons" in claimResult ? (claimResult.reasons as ClaimRefusal[]) : [];
  if (claim)
    return (
      <Card title={t("pool.bank.claimTitle")}>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <ClaimStateBadge state={claim.state} />
          <Link to={`/bank/claims/${claim.id}`} className="text-brand-700 hover:underline">
            {t("pool.claims.open")}
          </Link>
        </p>
      </Card>
    );
  return (
    <Card title={t("pool.bank.fileClaim")}>
      <PostForm result={result} intent="claim" idPrefix="claim-" className="flex flex-col gap-3">
        {reasons.length > 0 && (
          <ul className="list-disc pl-8 text-sm text-red-800">
            {reasons.map((r) => (
              <li key={r}>{t(`pool.refusal.${r}`)}</li>
            ))}
          </ul>
        )}
        <TextareaField name="statement" label={t("pool.bank.statement")} maxLength={2000} rows={4} />
        <TextareaField
          name="materials"
          label={t("pool.bank.materials")}
          hint={t("pool.bank.materialsHint")}
          rows={5}
        />
        <div>
          <SubmitButton name="intent" value="claim">
            {t("pool.bank.fileClaim")}
          </SubmitButton>
        </div>
      </PostForm>
    </Card>
  );
}
