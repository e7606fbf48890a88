import type { SerializeFrom } from "@remix-run/node";
import type { useActionData } from "@remix-run/react";

import { MoneyField, PostForm, SelectField, TextareaField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { Card, SubmitButton } from "~/components/ui";
import { fenToYuanInput, formatFen } from "~/domain/money-fen";
import { CLAIM_REJECT_REASONS } from "~/domain/risk-pool-codes";
import { useT } from "~/i18n/use-t";

import type { action, loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

export function ApproveForm({ claim, actionData }: { claim: Data["claim"]; actionData: ActionData }) {
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

export function ReturnForm({ claim, actionData }: { claim: Data["claim"]; actionData: ActionData }) {
  const t = useT();
  return (
    <Card title={t("pool.claim.returnTitle")}>
      <PostForm result={actionData} intent="return" idPrefix="return-" className="flex flex-col gap-3">
        <input type="hidden" name="version" value={claim.version} />
        <TextareaField name="note" label={t("pool.claim.returnNoteLabel")} maxLength={500} />
        <SubmitButton name="intent" value="return" variant="secondary">
          {t("pool.claim.return")}
        </SubmitButton>
      </PostForm>
    </Card>
  );
}

export function RejectForm({ claim, actionData }: { claim: Data["claim"]; actionData: ActionData }) {
  const t = useT();
  return (
    <Card title={t("pool.claim.rejectTitle")}>
      <PostForm result={actionData} intent="reject" idPrefix="reject-" className="flex flex-col gap-3">
        <input type="hidden" name="version" value={claim.version} />
        <SelectField
          name="reason"
          label={t("pool.claim.rejectReasonLabel")}
          placeholder="—"
          options={optionsOf(CLAIM_REJECT_REASONS, (r) => t(`pool.rejectReason.${r}`))}
        />
        <TextareaField name="text" label={t("pool.claim.rejectText")} maxLength={500} />
        <SubmitButton name="intent" value="reject" variant="danger">
          {t("pool.claim.reject")}
        </SubmitButton>
      </PostForm>
    </Card>
  );
}

/** Pay an approved claim; when the pool is short, where the claim stands in the queue. */
export function PayForm({ queue, actionData }: { queue: Data["queue"]; actionData: ActionData }) {
  const t = useT();
  return (
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
  );
}
