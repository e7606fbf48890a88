/**
 * 代偿申请 on one of the bank's loans: where the loan stands with the pool (filed or not, days past
 * due against the claim threshold), the recovery actions (追偿措施: dates and what was done) and the
 * claim form (statement and material list). Every reason a claim is refused is shown with it.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { BankNav } from "~/components/bank-nav";
import { BackLink, PageHeader } from "~/components/ui";
import { shanghaiDate } from "~/domain/shanghai-time";
import { useT } from "~/i18n/use-t";
import { bankLoanPoolSection, isOwnLoan } from "~/models/pool-views.server";
import { requireBankUser } from "~/permissions.server";
import { dispatchIntent } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { ClaimCard } from "./claim-card";
import { PoolStanding } from "./pool-standing";
import { submitClaim, submitRecoveryAction } from "./queries.server";
import { RecoveryActions } from "./recovery-actions";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const section = await bankLoanPoolSection(actor, params.id ?? "");
  if (!section) notFound();
  return { ...section, today: shanghaiDate(new Date()) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const loanId = params.id ?? "";
  if (!(await isOwnLoan(actor, loanId))) notFound();
  const form = await readForm(request);
  return dispatchIntent(form, {
    action: () => submitRecoveryAction(actor, loanId, form),
    claim: () => submitClaim(actor, loanId, form),
  });
}

export default function BankLoanClaim() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <BankNav />
      <BackLink to={`/bank/loans/${data.loanId}`} flush>
        {data.enterprise} <span className="font-mono">{data.number}</span>
      </BackLink>
      <PageHeader
        title={`${t("pool.bank.claimTitle")} · ${data.enterprise}`}
        description={t("pool.bank.claimsIntro")}
      />
      <PoolStanding data={data} />
      <RecoveryActions actions={data.recoveryActions} today={data.today} result={actionData} />
      <ClaimCard claim={data.claim} result={actionData} />
    </div>
  );
}
