import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { ClaimPage } from "~/components/pool-claim-details";
import { ClaimClock, BureauPoolNav } from "~/components/pool-ui";
import { Card } from "~/components/ui";
import { claimActions } from "~/domain/claim-machine";
import { formatDateTime } from "~/domain/format-date";
import { formatFen } from "~/domain/money-fen";
import { useLocale, useT } from "~/i18n/use-t";
import { getClaimForBureau } from "~/models/pool-views.server";
import { requireBureauUser } from "~/permissions.server";
import { dispatchIntent } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { claimReviewIntents } from "./queries.server";
import { ApproveForm, PayForm, RejectForm, ReturnForm } from "./review-forms";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const found = await getClaimForBureau(actor, params.id ?? "");
  if (!found) notFound();
  return found;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const id = params.id ?? "";
  const claim = await getClaimForBureau(actor, id);
  if (!claim) notFound();
  const form = await readForm(request);
  return dispatchIntent(form, claimReviewIntents(actor, id, form, BigInt(claim.claim.computedFen)));
}

export default function ClaimReview() {
  const { claim, recoveryActions, clock, queue, balanceFen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const actions = claimActions(claim.state, "GOV_BUREAU");
  return (
    <ClaimPage
      nav={<BureauPoolNav />}
      backTo="/gov/risk-pool/claims"
      claim={claim}
      recoveryActions={recoveryActions}
      loan={<span className="font-mono">{claim.number}</span>}
    >
      {clock && (
        <Card title={t("pool.claims.clock")}>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            {formatDateTime(clock.deadline, locale)} <ClaimClock clock={clock} />
          </p>
        </Card>
      )}
      <p className="text-sm text-slate-600">{t("pool.claim.balance", { balance: formatFen(balanceFen) })}</p>
      {actions.includes("approve") && <ApproveForm claim={claim} actionData={actionData} />}
      {actions.includes("return") && <ReturnForm claim={claim} actionData={actionData} />}
      {actions.includes("reject") && <RejectForm claim={claim} actionData={actionData} />}
      {actions.includes("pay") && <PayForm queue={queue} actionData={actionData} />}
    </ClaimPage>
  );
}
