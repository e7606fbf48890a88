/**
 * One of the bank's claims: its figures and history; a RETURNED claim answered with more material
 * (resubmitted), and recoveries reported after the pool has paid. Another bank's claim: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { BankNav } from "~/components/bank-nav";
import { ClaimPage } from "~/components/pool-claim-details";
import { shanghaiDate } from "~/domain/shanghai-time";
import { useT } from "~/i18n/use-t";
import { getClaimForBank, isOwnClaim } from "~/models/pool-views.server";
import { requireBankUser } from "~/permissions.server";
import { dispatchIntent } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { RecoveryCard, RefileCard } from "./claim-forms";
import { submitRecovery, submitRefile } from "./queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const found = await getClaimForBank(actor, params.id ?? "");
  if (!found) notFound();
  return { ...found, today: shanghaiDate(new Date()) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const id = params.id ?? "";
  if (!(await isOwnClaim(actor, id))) notFound();
  const form = await readForm(request);
  return dispatchIntent(form, {
    refile: () => submitRefile(actor, id, form),
    recovery: () => submitRecovery(actor, id, form),
  });
}

export default function BankClaim() {
  const { claim, recoveryActions, paidShareBp, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <ClaimPage
      nav={<BankNav />}
      backTo="/bank/claims"
      claim={claim}
      recoveryActions={recoveryActions}
      loan={
        <Link to={`/bank/loans/${claim.loanId}`} className="font-mono text-brand-700 hover:underline">
          {claim.number}
        </Link>
      }
      addAction={
        <p className="mt-3 text-sm">
          <Link to={`/bank/loans/${claim.loanId}/claim`} className="text-brand-700 hover:underline">
            {t("pool.bank.addAction")}
          </Link>
        </p>
      }
    >
      {claim.state === "RETURNED" && <RefileCard claim={claim} result={actionData} />}
      {claim.state === "PAID" && paidShareBp !== null && (
        <RecoveryCard paidShareBp={paidShareBp} today={today} result={actionData} />
      )}
    </ClaimPage>
  );
}
