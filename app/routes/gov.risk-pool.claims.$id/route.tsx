import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { MoneyField, PostForm, SelectField, TextareaField } from "~/components/form-kit";
import { ClaimFacts, ClaimHistory, RecoveryActionList, RecoveryTable } from "~/components/pool-claim-details";
import { approveSchema, rejectSchema, returnSchema } from "~/components/pool-forms.server";
import { ClaimClock, BureauPoolNav } from "~/components/pool-ui";
import { Card, SubmitButton } from "~/components/ui";
import { claimActions } from "~/domain/claim-machine";
import { formatDateTime } from "~/domain/format-date";
import { fenToYuanInput, formatFen } from "~/domain/money-fen";
import { CLAIM_REJECT_REASONS } from "~/domain/risk-pool-codes";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { payClaim, reviewClaim, type ReviewResult } from "~/models/pool-claim.server";
import { getClaimForBureau } from "~/models/pool-views.server";
import { requireBureauUser } from "~/permissions.server";
import { dispatchIntent, parseSubmission, replyFieldError, replyFormError } from "~/utils/form-action.server";
import type { FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const found = await getClaimForBureau(actor, params.id ?? "");
  if (!found) notFound();
  return found;
}

/** What a refused review answers: the page's own message, the input kept. */
function refused(result: Exclude<ReviewResult, { ok: true }>, values: FormValues, computedFen: bigint) {
  const { error } = result;
  if (error === "NOT_FOUND") return notFound();
  if (error === "CHANGED") return replyFormError("pool.errors.changed", { values, status: 409 });
  if (error === "REASON_REQUIRED")
    return replyFieldError("reason", { key: "common.validation.invalidChoice" }, { values });
  if (error === "TEXT_REQUIRED")
    return replyFieldError("text", { key: "pool.errors.textRequired" }, { values });
  if (error === "AMOUNT_NOT_POSITIVE")
    return replyFieldError("amount", { key: "pool.errors.amountNotPositive" }, { values });
  return replyFieldError(
    "amount",
    { key: "pool.errors.amountOverComputed", params: { computed: formatFen(computedFen) } },
    { values },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const id = params.id ?? "";
  const claim = await getClaimForBureau(actor, id);
  if (!claim) notFound();
  const computedFen = BigInt(claim.claim.computedFen);
  const back = `/gov/risk-pool/claims/${id}`;
  const form = await readForm(request);
  return dispatchIntent(form, {
    approve: async () => {
      const submission = parseSubmission(form, approveSchema());
      if (!submission.ok) return submission.reply;
      const { amount, version } = submission.data;
      const result = await reviewClaim(actor, id, { action: "approve", amountFen: amount }, version);
      if (!result.ok) return refused(result, submission.values, computedFen);
      return redirectWithFlash(back, {
        kind: "success",
        key: result.paid ? "pool.claim.flash.paid" : "pool.claim.flash.approved",
      });
    },
    return: async () => {
      const submission = parseSubmission(form, returnSchema());
      if (!submission.ok) return submission.reply;
      const { note, version } = submission.data;
      const result = await reviewClaim(actor, id, { action: "return", note }, version);
      if (!result.ok) return refused(result, submission.values, computedFen);
      return redirectWithFlash(back, { kind: "success", key: "pool.claim.flash.returned" });
    },
    reject: async () => {
      const submission = parseSubmission(form, rejectSchema());
      if (!submission.ok) return submission.reply;
      const { reason, text, version } = submission.data;
      const result = await reviewClaim(actor, id, { action: "reject", reason, text }, version);
      if (!result.ok) return refused(result, submission.values, computedFen);
      return redirectWithFlash(back, { kind: "success", key: "pool.claim.flash.rejected" });
    },
    pay: async () => {
      const result = await payClaim(actor, id);
      if (!result.ok) {
        if (result.error === "NOT_FOUND") notFound();
        return replyFormError("pool.errors.changed", { status: 409 });
      }
      return redirectWithFlash(
        back,
        result.paid
          ? { kind: "success", key: "pool.claim.flash.payDone" }
          : { kind: "info", key: "pool.claim.flash.payWaiting" },
      );
    },
  });
}

type Data = SerializeFrom<typeof loader>;

export default function ClaimReview() {
  const { claim, recoveryActions, clock, queue, balanceFen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const actions = claimActions(claim.state, "GOV_BUREAU");
  return (
    <div className="flex flex-col gap-6">
      <BureauPoolNav />
      <p>
        <Link to="/gov/risk-pool/claims" className="text-sm text-brand-700 hover:underline">
          ← {t("pool.claim.back")}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <ClaimFacts claim={claim} loan={<span className="font-mono">{claim.number}</span>} />
          <Card title={t("pool.claim.recoveryActions")}>
            <RecoveryActionList actions={recoveryActions} />
          </Card>
          <Card title={t("pool.claim.history")}>
            <ClaimHistory events={claim.events} />
          </Card>
          {claim.recoveries.length > 0 && (
            <Card title={t("pool.claim.recoveries")}>
              <RecoveryTable recoveries={claim.recoveries} />
            </Card>
          )}
        </div>
        <div className="flex flex-col gap-6">
          {clock && (
            <Card title={t("pool.claims.clock")}>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                {formatDateTime(clock.deadline, locale)} <ClaimClock clock={clock} />
              </p>
            </Card>
          )}
          <p className="text-sm text-slate-600">
            {t("pool.claim.balance", { balance: formatFen(balanceFen) })}
          </p>
          {actions.includes("approve") && <ApproveForm claim={claim} actionData={actionData} />}
          {actions.includes("return") && (
            <Card title={t("pool.claim.returnTitle")}>
              <PostForm
                result={actionData}
                intent="return"
                idPrefix="return-"
                className="flex flex-col gap-3"
              >
                <input type="hidden" name="version" value={claim.version} />
                <TextareaField name="note" label={t("pool.claim.returnNoteLabel")} maxLength={500} />
                <SubmitButton name="intent" value="return" variant="secondary">
                  {t("pool.claim.return")}
                </SubmitButton>
              </PostForm>
            </Card>
          )}
          {actions.includes("reject") && (
            <Card title={t("pool.claim.rejectTitle")}>
              <PostForm
                result={actionData}
                intent="reject"
                idPrefix="reject-"
                className="flex flex-col gap-3"
              >
                <input type="hidden" name="version" value={claim.version} />
                <SelectField
                  name="reason"
                  label={t("pool.claim.rejectReasonLabel")}
                  placeholder="—"
                  options={CLAIM_REJECT_REASONS.map((r) => ({
                    value: r,
                    label: t(`pool.rejectReason.${r}`),
                  }))}
                />
                <TextareaField name="text" label={t("pool.claim.rejectText")} maxLength={500} />
                <SubmitButton name="intent" value="reject" variant="danger">
                  {t("pool.claim.reject")}
                </SubmitButton>
              </PostForm>
            </Card>
          )}
          {actions.includes("pay") && (
            <Card title={t("pool.claim.payTitle")}>
              {queue && BigInt(queue.shortfallFen) > 0n && (
                <p
                  role="status"
                  className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
                >
                  {queue.ahead > 0
                    ? t("pool.claim.queue", { ahead: queue.ahead, shortfall: formatFen(queue.shortfallFen) })
                    : t("pool.claim.queueHead", { shortfall: formatFen(queue.shortfallFen) })}
                </p>
              )}
              <PostForm result={actionData} intent="pay" className="flex flex-col gap-3">
                <p className="text-sm text-slate-600">{t("pool.claim.payIntro")}</p>
                <SubmitButton name="intent" value="pay">
                  {t("pool.claim.pay")}
                </SubmitButton>
              </PostForm>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}

function ApproveForm({
  claim,
  actionData,
}: {
  claim: Data["claim"];
  actionData: ReturnType<typeof useActionData<typeof action>>;
}) {
  const t = useT();
  return (
    <Card title={t("pool.claim.approveTitle")}>
      <PostForm
        result={actionData}
        intent="approve"
        idPrefix="approve-"
        defaults={{ amount: fenToYuanInput(claim.computedFen) }}
        className="flex flex-col gap-3"
      >
        <input type="hidden" name="version" value={claim.version} />
        <MoneyField
          name="amount"
          label={t("pool.claim.approveAmount")}
          hint={t("pool.claim.approveHint", { computed: formatFen(claim.computedFen) })}
          maxLength={20}
        />
        <SubmitButton name="intent" value="approve">
          {t("pool.claim.approve")}
        </SubmitButton>
      </PostForm>
    </Card>
  );
}
