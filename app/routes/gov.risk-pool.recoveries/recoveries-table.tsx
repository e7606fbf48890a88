import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { PostForm, type AnyFormResult } from "~/components/form-kit";
import { DataTable, type Column } from "~/components/list-kit";
import { useRecoveryColumns } from "~/components/pool-claim-details";
import { bankName } from "~/components/pool-ui";
import { EmptyState, SubmitButton } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Recovery = Data["recoveries"][number];

/** The recoveries; an owed one has a button that marks it received. */
export function RecoveriesTable({
  recoveries,
  received,
  page,
  total,
  actionData,
}: Pick<Data, "recoveries" | "received" | "page" | "total"> & { actionData: AnyFormResult }) {
  const t = useT();
  const locale = useLocale();
  const recovery = useRecoveryColumns<Recovery>();
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
    recovery.recoveredOn,
    recovery.reference,
    recovery.amount,
    recovery.share,
    {
      key: "reportedAt",
      header: t("pool.recoveries.reportedAt"),
      nowrap: true,
      cell: (r) => formatDate(r.reportedAt, locale),
    },
    received && recovery.receivedAt,
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
  return (
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
  );
}
