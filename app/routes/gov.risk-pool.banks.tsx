import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { PostForm, TextField } from "~/components/form-kit";
import { DataTable, type Column } from "~/components/list-kit";
import { liftSchema } from "~/components/pool-forms.server";
import { BureauPoolNav, bankName } from "~/components/pool-ui";
import { Badge, EmptyState, PageHeader, SubmitButton } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { formatBp } from "~/domain/money";
import { formatFen } from "~/domain/money-fen";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { liftSuspension, listBankStandings } from "~/models/bank-suspension.server";
import { requireBureauUser } from "~/permissions.server";
import { parseSubmission, replyFormError } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const { thresholdBp, banks } = await listBankStandings(actor);
  return {
    thresholdBp,
    banks: banks.map((b) => ({
      id: b.id,
      name: b.name,
      nameEn: b.nameEn,
      outstandingFen: b.outstandingFen.toString(),
      overdueFen: b.overdueFen.toString(),
      ratioBp: b.ratioBp,
      suspended: b.suspended,
      suspension: b.suspension && {
        id: b.suspension.id,
        startedAt: b.suspension.startedAt,
        endKind: b.suspension.endKind,
        waiverEndedAt: b.suspension.waiverEndedAt,
        endedAt: b.suspension.endedAt,
      },
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const submission = parseSubmission(form, liftSchema());
  if (!submission.ok) return submission.reply;
  const result = await liftSuspension(actor, submission.data.id, submission.data.reason);
  if (!result.ok) {
    if (result.error === "NOT_FOUND") notFound();
    return replyFormError("pool.errors.changed", { values: submission.values, status: 409 });
  }
  return redirectWithFlash("/gov/risk-pool/banks", { kind: "success", key: "pool.banks.lifted" });
}

type Bank = SerializeFrom<typeof loader>["banks"][number];

export default function PoolBanks() {
  const { banks, thresholdBp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const standing = (b: Bank) => {
    if (b.suspended && b.suspension)
      return (
        <Badge tone="red">
          {t("pool.banks.suspendedSince", { date: formatDate(b.suspension.startedAt, locale) })}
        </Badge>
      );
    if (b.suspension?.endKind === "LIFTED_BY_BUREAU" && !b.suspension.waiverEndedAt)
      return <Badge tone="amber">{t("pool.banks.waived")}</Badge>;
    return <Badge tone="green">{t("pool.banks.clear")}</Badge>;
  };
  const columns: Column<Bank>[] = [
    {
      key: "bank",
      header: t("pool.banks.bank"),
      cell: (b) => <span className="font-medium">{bankName(b, locale)}</span>,
    },
    {
      key: "outstanding",
      header: t("pool.banks.outstanding"),
      align: "right",
      nowrap: true,
      cell: (b) => formatFen(b.outstandingFen),
    },
    {
      key: "overdue",
      header: t("pool.banks.overdue"),
      align: "right",
      nowrap: true,
      cell: (b) => formatFen(b.overdueFen),
    },
    {
      key: "ratio",
      header: t("pool.banks.ratio"),
      align: "right",
      nowrap: true,
      cell: (b) => (
        <span
          className={
            thresholdBp !== null && b.ratioBp > thresholdBp ? "font-semibold text-red-700" : undefined
          }
        >
          {formatBp(b.ratioBp)}
        </span>
      ),
    },
    { key: "standing", header: t("pool.banks.standing"), cell: standing },
    {
      key: "lift",
      header: <span className="sr-only">{t("pool.banks.lift")}</span>,
      cell: (b) =>
        b.suspended && b.suspension ? (
          <PostForm
            result={actionData}
            rowId={b.suspension.id}
            idPrefix={`${b.suspension.id}-`}
            className="flex min-w-64 flex-col gap-2"
          >
            <input type="hidden" name="id" value={b.suspension.id} />
            <TextField name="reason" label={t("pool.banks.liftReason")} maxLength={200} />
            <SubmitButton variant="secondary">{t("pool.banks.lift")}</SubmitButton>
          </PostForm>
        ) : null,
    },
  ];
  return (
    <div className="flex flex-col gap-4">
      <BureauPoolNav />
      <PageHeader
        title={t("pool.banks.title")}
        description={
          thresholdBp === null
            ? t("pool.banks.noThreshold")
            : t("pool.banks.intro", { threshold: formatBp(thresholdBp) })
        }
      />
      <DataTable
        label={t("pool.banks.title")}
        rows={banks}
        rowKey={(b) => b.id}
        columns={columns}
        empty={<EmptyState title={t("pool.banks.empty")} />}
      />
    </div>
  );
}
