import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { SelectField } from "~/components/form-kit";
import { DataTable, type Column } from "~/components/list-kit";
import { FilterForm } from "~/components/filter-form";
import { ClaimStateBadge, BureauPoolNav, bankName } from "~/components/pool-ui";
import { Badge, EmptyState, PageHeader } from "~/components/ui";
import { formatDate, formatDay } from "~/domain/format-date";
import { PAGE_SIZE, parseId, parsePage } from "~/domain/list-query";
import { formatFen } from "~/domain/money-fen";
import type { ClaimState } from "~/domain/risk-pool-codes";
import { DEFAULT_RULE_TERMS } from "~/domain/risk-pool-codes";
import { db } from "~/db.server";
import { useLocale, useT } from "~/i18n/use-t";
import { listFilings } from "~/models/pool-views.server";
import { requireBureauUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const params = new URL(request.url).searchParams;
  const page = parsePage(params.get("page"));
  const bankId = parseId(params.get("bank")) ?? null;
  const [result, banks] = await Promise.all([
    listFilings(actor, { page, bankId }),
    db.bank.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true, nameEn: true } }),
  ]);
  return { ...result, banks, page };
}

type Filing = SerializeFrom<typeof loader>["filings"][number];

export default function PoolFilings() {
  const { filings, total, page, banks } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const columns: Column<Filing>[] = [
    {
      key: "enterprise",
      header: t("pool.filings.enterprise"),
      cell: (f) => (
        <>
          <span className="font-medium">{f.enterprise}</span>
          <p className="font-mono text-xs text-slate-500">{f.number}</p>
        </>
      ),
    },
    { key: "bank", header: t("pool.filings.bank"), cell: (f) => bankName(f.bank, locale) },
    {
      key: "principal",
      header: t("pool.filings.principal"),
      align: "right",
      nowrap: true,
      cell: (f) => formatFen(f.principalFen),
    },
    {
      key: "outstanding",
      header: t("pool.filings.outstanding"),
      align: "right",
      nowrap: true,
      cell: (f) =>
        f.status === "ACTIVE" ? formatFen(f.outstandingFen) : <Badge>{t("pool.filings.settled")}</Badge>,
    },
    {
      key: "dpd",
      header: t("pool.filings.dpd"),
      align: "right",
      cell: (f) =>
        f.daysPastDue > 0 ? <span className="font-semibold text-red-700">{f.daysPastDue}</span> : 0,
    },
    {
      key: "filedAt",
      header: t("pool.filings.filedAt"),
      nowrap: true,
      cell: (f) => formatDate(f.filedAt, locale),
    },
    {
      key: "rule",
      header: t("pool.filings.rule"),
      nowrap: true,
      cell: (f) => formatDay(f.ruleEffectiveOn, locale),
    },
    {
      key: "claim",
      header: t("pool.filings.claim"),
      cell: (f) =>
        f.claim ? (
          <Link to={`/gov/risk-pool/claims/${f.claim.id}`} className="hover:underline">
            <ClaimStateBadge state={f.claim.state as ClaimState} />
          </Link>
        ) : (
          t("pool.filings.noClaim")
        ),
    },
  ];
  return (
    <div className="flex flex-col gap-4">
      <BureauPoolNav />
      <PageHeader title={t("pool.filings.title")} />
      <FilterForm label={t("pool.filings.title")} resetTo="/gov/risk-pool/filings">
        <SelectField
          name="bank"
          label={t("pool.filings.bank")}
          placeholder={t("pool.filings.anyBank")}
          options={banks.map((b) => ({ value: b.id, label: bankName(b, locale) }))}
        />
      </FilterForm>
      <DataTable
        label={t("pool.filings.title")}
        rows={filings}
        rowKey={(f) => f.id}
        columns={columns}
        empty={<EmptyState title={t("pool.filings.empty", { days: DEFAULT_RULE_TERMS.filingWindowDays })} />}
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </div>
  );
}
