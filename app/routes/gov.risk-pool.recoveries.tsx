import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { FormAlert, PostForm, resultFor } from "~/components/form-kit";
import { DataTable, type Column } from "~/components/list-kit";
import { idSchema } from "~/components/pool-forms.server";
import { BureauPoolNav, bankName } from "~/components/pool-ui";
import { EmptyState, PageHeader, SubmitButton, buttonClass } from "~/components/ui";
import { formatDate, formatDateTime, formatDay } from "~/domain/format-date";
import { PAGE_SIZE, parsePage } from "~/domain/list-query";
import { formatFen } from "~/domain/money-fen";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { listRecoveries, markRecoveryReceived } from "~/models/pool-recovery.server";
import { requireBureauUser } from "~/permissions.server";
import { parseSubmission, replyFormError } from "~/utils/form-action.server";
import { FORM_ERROR } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const params = new URL(request.url).searchParams;
  const page = parsePage(params.get("page"));
  const received = params.get("show") === "received";
  const result = await listRecoveries(actor, { page, received });
  return {
    page,
    received,
    total: result.total,
    owedFen: result.owedFen.toString(),
    recoveries: result.rows.map((r) => ({
      id: r.id,
      recoveredOn: r.recoveredOn,
      amountFen: r.amountFen.toString(),
      shareFen: r.shareFen.toString(),
      reference: r.reference,
      reportedAt: r.reportedAt,
      receivedAt: r.receivedAt,
      bank: r.bank,
      claimId: r.claim.id,
      number: r.claim.loan.application.number,
      enterprise: r.claim.loan.enterprise.name,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const submission = parseSubmission(form, idSchema());
  if (!submission.ok) return submission.reply;
  const result = await markRecoveryReceived(actor, submission.data.id);
  if (!result.ok) {
    if (result.error === "NOT_FOUND") notFound();
    return replyFormError("pool.errors.changed", { values: submission.values, status: 409 });
  }
  return redirectWithFlash("/gov/risk-pool/recoveries", { kind: "success", key: "pool.recoveries.received" });
}

type Recovery = SerializeFrom<typeof loader>["recoveries"][number];

export default function PoolRecoveries() {
  const { recoveries, total, page, received, owedFen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const columns: (Column<Recovery> | false)[] = [
    {
      key: "enterprise",
      header: t("pool.claims.enterprise"),
      cell: (r) => (
        <>
          <Link
            to={`/gov/risk-pool/claims/${r.claimId}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {r.enterprise}
          </Link>
          <p className="font-mono text-xs text-slate-500">{r.number}</p>
        </>
      ),
    },
    { key: "bank", header: t("pool.claims.bank"), cell: (r) => bankName(r.bank, locale) },
    {
      key: "recoveredOn",
      header: t("pool.recoveries.recoveredOn"),
      nowrap: true,
      cell: (r) => formatDay(r.recoveredOn, locale),
    },
    { key: "reference", header: t("pool.recoveries.reference"), cell: (r) => r.reference },
    {
      key: "amount",
      header: t("pool.recoveries.amount"),
      align: "right",
      nowrap: true,
      cell: (r) => formatFen(r.amountFen),
    },
    {
      key: "share",
      header: t("pool.recoveries.share"),
      align: "right",
      nowrap: true,
      cell: (r) => formatFen(r.shareFen),
    },
    {
      key: "reportedAt",
      header: t("pool.recoveries.reportedAt"),
      nowrap: true,
      cell: (r) => formatDate(r.reportedAt, locale),
    },
    received && {
      key: "receivedAt",
      header: t("pool.recoveries.receivedAt"),
      nowrap: true,
      cell: (r) => (r.receivedAt ? formatDateTime(r.receivedAt, locale) : "—"),
    },
    !received && {
      key: "receive",
      header: <span className="sr-only">{t("pool.recoveries.markReceived")}</span>,
      cell: (r) => (
        <PostForm result={actionData} rowId={r.id} alert={false}>
          <input type="hidden" name="id" value={r.id} />
          <SubmitButton variant="secondary">{t("pool.recoveries.markReceived")}</SubmitButton>
        </PostForm>
      ),
    },
  ];
  const own = resultFor(actionData);
  return (
    <div className="flex flex-col gap-4">
      <BureauPoolNav />
      <PageHeader
        title={t("pool.recoveries.title")}
        description={t("pool.recoveries.intro")}
        actions={
          <>
            <Link to="/gov/risk-pool/recoveries" className={buttonClass(received ? "secondary" : "primary")}>
              {t("pool.recoveries.showOwed")}
            </Link>
            <Link
              to="/gov/risk-pool/recoveries?show=received"
              className={buttonClass(received ? "primary" : "secondary")}
            >
              {t("pool.recoveries.showReceived")}
            </Link>
          </>
        }
      />
      <p className="text-sm font-medium">{t("pool.recoveries.owedTotal", { amount: formatFen(owedFen) })}</p>
      <FormAlert error={own?.errors?.[FORM_ERROR]} />
      <DataTable
        label={t("pool.recoveries.title")}
        rows={recoveries}
        rowKey={(r) => r.id}
        columns={columns}
        empty={
          <EmptyState title={received ? t("pool.recoveries.emptyReceived") : t("pool.recoveries.empty")} />
        }
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </div>
  );
}
