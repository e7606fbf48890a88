import type { SerializeFrom } from "@remix-run/node";

import { DataTable, type Column } from "~/components/list-kit";
import { Badge, EmptyState } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import type { GuaranteeType } from "~/domain/product-terms";
import type { POOL_SIZES } from "~/domain/risk-pool-codes";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Rule = SerializeFrom<typeof loader>["rules"][number];

/** Every rule version: the one in force, those to come and those past. */
export function RulesTable({ rules, today }: { rules: readonly Rule[]; today: string }) {
  const t = useT();
  const locale = useLocale();
  const status = (rule: Rule) =>
    rule.inForce ? (
      <Badge tone="green">{t("pool.rules.inForce")}</Badge>
    ) : rule.effectiveOn > today ? (
      <Badge tone="blue">{t("pool.rules.future")}</Badge>
    ) : (
      <Badge>{t("pool.rules.past")}</Badge>
    );
  const columns: Column<Rule>[] = [
    {
      key: "effectiveOn",
      header: t("pool.rules.effectiveOn"),
      nowrap: true,
      cell: (r) => (
        <span className="flex flex-col gap-1">
          {formatDay(r.effectiveOn, locale)} {status(r)}
        </span>
      ),
    },
    { key: "coverage", header: t("pool.rules.coverage"), nowrap: true, cell: (r) => formatBp(r.coverageBp) },
    { key: "bonus", header: t("pool.rules.bonus"), nowrap: true, cell: (r) => formatBp(r.firstLoanBonusBp) },
    {
      key: "cap",
      header: t("pool.rules.cap"),
      nowrap: true,
      cell: (r) => formatYuanAsWan(r.capYuan, locale),
    },
    {
      key: "maxPrincipal",
      header: t("pool.rules.maxPrincipal"),
      nowrap: true,
      cell: (r) => formatYuanAsWan(r.maxPrincipalYuan, locale),
    },
    {
      key: "guaranteeTypes",
      header: t("pool.rules.guaranteeTypes"),
      cell: (r) => r.guaranteeTypes.map((g) => t(`domain.guaranteeType.${g as GuaranteeType}`)).join("、"),
    },
    {
      key: "sizes",
      header: t("pool.rules.sizes"),
      cell: (r) =>
        r.sizes.map((s) => t(`domain.size.${s as (typeof POOL_SIZES)[number]}`)).join("、") +
        (r.whitelistOnly ? ` · ${t("pool.rules.whitelistOnly")}` : ""),
    },
    { key: "window", header: t("pool.rules.filingWindow"), align: "right", cell: (r) => r.filingWindowDays },
    { key: "dpd", header: t("pool.rules.claimThreshold"), align: "right", cell: (r) => r.claimThresholdDpd },
    {
      key: "suspension",
      header: t("pool.rules.suspension"),
      nowrap: true,
      cell: (r) => formatBp(r.suspensionThresholdBp),
    },
    { key: "note", header: t("pool.rules.note"), cell: (r) => r.note || "—" },
  ];
  return (
    <DataTable
      label={t("pool.rules.title")}
      rows={rules}
      rowKey={(r) => r.id}
      columns={columns}
      empty={<EmptyState title={t("pool.rules.empty")} hint={t("pool.noRule")} />}
    />
  );
}
