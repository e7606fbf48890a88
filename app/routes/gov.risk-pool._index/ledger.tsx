import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { SelectField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { DataTable, type Column } from "~/components/list-kit";
import { FilterForm } from "~/components/filter-form";
import { bankName } from "~/components/pool-ui";
import { EmptyState } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { formatFen } from "~/domain/money-fen";
import { MOVEMENT_KINDS, type MovementKind } from "~/domain/risk-pool-codes";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Bureau = Extract<SerializeFrom<typeof loader>, { view: "bureau" }>;
type Movement = Bureau["movements"][number];

/** The pool's ledger: every deposit, compensation and recovery, filtered by kind. */
export function Ledger({ movements, page, total }: Pick<Bureau, "movements" | "page" | "total">) {
  const t = useT();
  const locale = useLocale();
  const columns: Column<Movement>[] = [
    { key: "at", header: t("pool.ledger.at"), nowrap: true, cell: (m) => formatDateTime(m.at, locale) },
    {
      key: "kind",
      header: t("pool.ledger.kind"),
      nowrap: true,
      cell: (m) => t(`pool.movementKind.${m.kind as MovementKind}`),
    },
    {
      key: "amount",
      header: t("pool.ledger.amount"),
      align: "right",
      nowrap: true,
      cell: (m) => (
        <span className={m.amountFen.startsWith("-") ? "text-red-700" : "text-emerald-700"}>
          {m.amountFen.startsWith("-") ? "" : "+"}
          {formatFen(m.amountFen)}
        </span>
      ),
    },
    {
      key: "balance",
      header: t("pool.ledger.balanceAfter"),
      align: "right",
      nowrap: true,
      cell: (m) => formatFen(m.balanceAfterFen),
    },
    {
      key: "reference",
      header: t("pool.ledger.reference"),
      cell: (m) =>
        m.claimId ? (
          <Link to={`/gov/risk-pool/claims/${m.claimId}`} className="text-brand-700 hover:underline">
            {m.reference}
          </Link>
        ) : (
          <>
            {m.reference}
            {m.note && <p className="text-xs text-slate-500">{m.note}</p>}
          </>
        ),
    },
    {
      key: "bank",
      header: t("pool.ledger.counterpart"),
      cell: (m) => (m.bank ? bankName(m.bank, locale) : "—"),
    },
  ];
  return (
    <section className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold text-slate-900">{t("pool.ledger.title")}</h2>
      <p className="text-sm text-slate-600">{t("pool.ledger.intro")}</p>
      <FilterForm label={t("pool.ledger.title")} resetTo="/gov/risk-pool">
        <SelectField
          name="kind"
          label={t("pool.ledger.kind")}
          placeholder={t("pool.ledger.anyKind")}
          options={optionsOf(MOVEMENT_KINDS, (kind) => t(`pool.movementKind.${kind}`))}
        />
      </FilterForm>
      <DataTable
        label={t("pool.ledger.title")}
        rows={movements}
        rowKey={(m) => m.id}
        columns={columns}
        empty={<EmptyState title={t("pool.ledger.empty")} />}
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </section>
  );
}
